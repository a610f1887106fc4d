// After htmx swaps in the next voting card, put the keyboard focus on the new statement, so
// keyboard and screen-reader users go on where they were (the pressed button is gone).
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target && event.detail.target.id === "vote-card") {
    const card = document.getElementById("vote-card");
    const text = card && (card.querySelector(".vote-text") || card.querySelector(".card"));
    if (text) {
      text.setAttribute("tabindex", "-1");
      text.focus();
    }
  }
});

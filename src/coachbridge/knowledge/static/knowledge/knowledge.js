// Knowledge hub behaviours on data- attributes (the CSP forbids inline scripts).

// <button data-print>: open the print dialog (the page has a print style sheet).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

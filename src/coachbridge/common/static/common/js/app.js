// Small behaviours on data- attributes (no inline scripts: the CSP forbids them).

// <form data-confirm="Are you sure?">: ask before submitting.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// <select data-autosubmit>: submit the surrounding form when the choice changes.
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-autosubmit]")) {
    event.target.form.requestSubmit();
  }
});

// On phones the menu scrolls sideways: show the current page's item.
document.addEventListener("DOMContentLoaded", () => {
  const menu = document.querySelector(".site-nav ul");
  const current = menu && menu.querySelector('[aria-current="page"]');
  if (current && menu.scrollWidth > menu.clientWidth) {
    menu.scrollLeft = current.offsetLeft - (menu.clientWidth - current.offsetWidth) / 2;
  }
});

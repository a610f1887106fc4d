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

// When htmx replaces the part that held the keyboard focus, the focus would fall back to the
// top of the page (WCAG 2.4.3). Put it back: on the same control if it is there again (same
// id), else in the new part on a field to correct, a field marked data-refocus (the next
// insight on a phone), or the first control.
let focusedBeforeSwap = null;
document.addEventListener("htmx:beforeSwap", () => {
  const active = document.activeElement;
  focusedBeforeSwap = active && active !== document.body ? active : null;
});
document.addEventListener("htmx:afterSettle", (event) => {
  const before = focusedBeforeSwap;
  focusedBeforeSwap = null;
  const lost = !document.activeElement || document.activeElement === document.body;
  if (!before || document.contains(before) || !lost) {
    return;
  }
  const part = document.contains(event.detail.elt) ? event.detail.elt : document.body;
  const next =
    (before.id && document.getElementById(before.id)) ||
    part.querySelector('[aria-invalid="true"]') ||
    part.querySelector("[data-refocus]") ||
    part.querySelector("input:not([type=hidden]), textarea, select, button, a[href]");
  if (next) {
    next.focus();
  }
});

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

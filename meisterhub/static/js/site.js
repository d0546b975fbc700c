// Site-wide behaviour without inline handlers (the Content-Security-Policy forbids them).
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.dataset.autosubmit !== undefined) {
    target.form.submit();
  }
});

// Matcher suggestions: a click on a suggested field or meister fills the booking form's select.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-field-code], [data-meister-id]");
  if (!button) return;
  const form = button.closest("form") || document;
  const [name, value] = button.dataset.fieldCode
    ? ["field", button.dataset.fieldCode]
    : ["meister", button.dataset.meisterId];
  const select = form.querySelector(`select[name="${name}"]`);
  if (select && [...select.options].some((option) => option.value === value)) {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    select.focus();
  }
});

// Forms that undo something ask first: <form data-confirm="…">.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Check-in: after each answer, empty the code field and focus it for the next scan.
document.addEventListener("htmx:afterRequest", (event) => {
  const form = event.target.closest && event.target.closest("#checkin-form");
  if (!form) return;
  form.reset();
  const input = form.querySelector("input[name=code]");
  if (input) input.focus();
});

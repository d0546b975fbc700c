// Booking form: a click on one of the nearest free slots (offered when the chosen one was
// taken) puts it into the slot select; the person still sends the form themselves.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-slot-key]");
  if (!button) return;
  const select = (button.closest("form") || document).querySelector('select[name="slot"]');
  const key = button.dataset.slotKey;
  if (!select || ![...select.options].some((option) => option.value === key)) return;
  select.value = key;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  select.focus();
});

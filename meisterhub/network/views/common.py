def add_domain_error(form, error) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)

class DomainError(Exception):
    """A business rule said no. The message is Korean and shown to the person as it is."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

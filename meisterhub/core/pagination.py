from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000  # far beyond any real list; keeps 64-bit database integers safe


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """limit/offset with upper bounds: an absurd offset is a 422 with a message, never a
    database error."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"1~{MAX_LIMIT}")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"0~{MAX_OFFSET}")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

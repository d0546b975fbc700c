from django import template

from meisterhub.core.privacy import mask_value

register = template.Library()


@register.filter
def masked(value):
    """Personal data as lists show it: 010-****-5678, ho***@example.kr."""
    return mask_value(str(value or ""))

from django import template

from meisterhub.reports.figures import fmt

register = template.Library()


@register.filter
def figure(value) -> str:
    """A figure printed the same way as in the PDF."""
    return fmt(value)

from django import template

from meisterhub.meisters.models import Meister

from ..roster import match_request

register = template.Library()


@register.inclusion_tag("matching/partials/ranking.html")
def match_ranking(text: str, org_type: str | None = None, fields: int = 5, meisters: int = 5):
    """For staff: the matcher's ranking of fields and meisters for a request, with reasons."""
    result = match_request(text or "", org_type, top_meisters=meisters)
    by_id = Meister.objects.in_bulk([int(m.id) for m in result.meisters])
    return {
        "result": result,
        "fields": result.fields[:fields],
        "meisters": [(by_id[int(m.id)], m) for m in result.meisters if int(m.id) in by_id],
    }

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meisterhub.core.http import is_htmx
from meisterhub.core.page_cache import cached_fragment, public_page
from meisterhub.core.uploads import sniff_image_type

from .forms import MeisterFilterForm
from .models import Meister
from .selectors import get_public_meister, list_public_meisters

PAGE_SIZE = 24


@require_GET
@public_page("meisters.list", stamp_names=["meisters"])
def meister_list(request):
    form = MeisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}

    def build() -> dict:
        meisters = list_public_meisters(
            field=filters.get("field") or None,
            weekday=filters.get("weekday") or None,
            query=filters.get("q") or None,
        )
        page = Paginator(meisters, PAGE_SIZE).get_page(request.GET.get("page"))
        return {"form": form, "page": page, "filtered": bool(filters and any(filters.values()))}

    results = cached_fragment(
        request, "meisters.list", template="meisters/partials/results.html",
        stamp_names=["meisters"], build=build,
    )
    if is_htmx(request):
        return HttpResponse(results)
    return render(request, "meisters/list.html", {"form": form, "results": results})


@require_GET
@public_page("meisters.detail", stamp_names=["meisters"])
def meister_detail(request, pk: int):
    # One small query decides 404 and the title; the profile itself comes from the cache.
    found = Meister.objects.filter(pk=pk, is_active=True).values_list("name", "title").first()
    if found is None:
        raise Http404("마이스터를 찾을 수 없습니다.")

    def build() -> dict:
        try:
            return {"meister": get_public_meister(pk)}
        except Meister.DoesNotExist:
            raise Http404("마이스터를 찾을 수 없습니다.") from None

    content = cached_fragment(
        request, "meisters.detail", template="meisters/partials/profile.html",
        stamp_names=["meisters"], build=build,
    )
    name, title = found
    return render(request, "meisters/detail.html", {"content": content, "name": name,
                                                    "title": title})


@require_GET
def meister_photo(request, pk: int):
    """Photos of active meisters are public; the file is served through this check."""
    meister = Meister.objects.filter(pk=pk, is_active=True).exclude(photo="").first()
    if meister is None:
        raise Http404("사진이 없습니다.")
    handle = meister.photo.open("rb")
    content_type = sniff_image_type(handle.read(16))
    handle.seek(0)
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response

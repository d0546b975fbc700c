"""Staff pages for rooms: the 시설 관리 list, create, edit, stop/resume, copy, photos."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.http import is_htmx

from .manage_forms import FacilityFilterForm, FacilityForm, FacilityPhotoForm
from .manage_services import (
    add_photo,
    copy_facility,
    create_facility,
    remove_photo,
    set_facility_active,
    update_facility,
)
from .models import Facility, FacilityPhoto, Reservation
from .selectors import list_facilities_for_staff

PAGE_SIZE = 50


@staff_required
@require_GET
def manage_list(request):
    form = FacilityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    facilities = list_facilities_for_staff(
        query=filters.get("q") or "", center=filters.get("center") or "",
        state=filters.get("state") or "")
    page = Paginator(facilities, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form, "page": page,
        "pending_total": Reservation.objects.filter(status=Reservation.Status.PENDING).count(),
    }
    template = ("facilities/manage/partials/rows.html" if is_htmx(request)
                else "facilities/manage/list.html")
    return render(request, template, context)


@staff_required
@require_http_methods(["GET", "POST"])
def manage_create(request):
    form = FacilityForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            facility = create_facility(
                actor=request.user, photo=form.cleaned_data.get("photo"),
                photo_caption=form.cleaned_data.get("photo_caption") or "",
                **form.service_values())
        except DomainError as error:
            form.show_error(error)
        else:
            messages.success(request, f"{facility.name} 시설을 등록했습니다.")
            return redirect("facilities:manage_edit", facility.pk)
    return render(request, "facilities/manage/form.html", {"form": form, "facility": None})


def _edit_context(facility: Facility, form, photo_form=None) -> dict:
    return {
        "facility": facility, "form": form,
        "photo_form": photo_form or FacilityPhotoForm(),
        "photos": list(facility.photos.all()),
        "history": readable_history_of(facility),
    }


@staff_required
@require_http_methods(["GET", "POST"])
def manage_edit(request, pk: int):
    facility = get_object_or_404(Facility, pk=pk)
    if request.method == "POST":
        form = FacilityForm(request.POST, editing=True)
        if form.is_valid():
            try:
                update_facility(actor=request.user, facility=facility,
                                version=form.cleaned_data["version"], **form.service_values())
            except DomainError as error:
                # A stale save keeps the person's input: they compare and save again.
                form.show_error(error)
            else:
                messages.success(request, f"{facility.name} 시설 정보를 저장했습니다.")
                return redirect("facilities:manage_edit", facility.pk)
    else:
        form = FacilityForm(initial=FacilityForm.initial_for(facility), editing=True)
    return render(request, "facilities/manage/form.html", _edit_context(facility, form))


@staff_required
@require_POST
def manage_active(request, pk: int):
    facility = get_object_or_404(Facility, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        set_facility_active(actor=request.user, facility=facility, active=active)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{facility.name}: "
                         + ("다시 예약을 받습니다." if active else "예약 받기를 멈췄습니다."))
    if request.POST.get("next") == "list":
        return redirect("facilities:manage_list")
    return redirect("facilities:manage_edit", facility.pk)


@staff_required
@require_POST
def manage_copy(request, pk: int):
    facility = get_object_or_404(Facility, pk=pk)
    try:
        copy = copy_facility(actor=request.user, facility=facility)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("facilities:manage_edit", facility.pk)
    messages.success(request, f"{copy.name}을(를) 만들었습니다. 내용을 확인한 뒤 운영을 시작하세요.")
    return redirect("facilities:manage_edit", copy.pk)


@staff_required
@require_POST
def manage_photo_add(request, pk: int):
    facility = get_object_or_404(Facility, pk=pk)
    photo_form = FacilityPhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        try:
            add_photo(actor=request.user, facility=facility,
                      upload=photo_form.cleaned_data["photo"],
                      caption=photo_form.cleaned_data["photo_caption"])
        except DomainError as error:
            photo_form.show_error(error)
        else:
            messages.success(request, "사진을 추가했습니다.")
            return redirect("facilities:manage_edit", facility.pk)
    form = FacilityForm(initial=FacilityForm.initial_for(facility), editing=True)
    return render(request, "facilities/manage/form.html",
                  _edit_context(facility, form, photo_form), status=400)


@staff_required
@require_POST
def manage_photo_remove(request, pk: int):
    photo = get_object_or_404(FacilityPhoto.objects.select_related("facility"), pk=pk)
    remove_photo(actor=request.user, photo=photo)
    messages.success(request, "사진을 삭제했습니다.")
    return redirect("facilities:manage_edit", photo.facility_id)

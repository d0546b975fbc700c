"""Exports (CSV and XLSX) of companies, meisters, skilled workers and program outcomes.

Personal data (phone, e-mail) is masked unless a user who may see it asks for the full values
with a reason; each record exported in full is logged as a personal-data view.
"""

import csv
import io

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from openpyxl import Workbook

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.selectors import list_companies
from meisterhub.core.cells import append_text_safe, safe_row
from meisterhub.core.errors import DomainError
from meisterhub.core.models import PersonalDataAccess
from meisterhub.core.phones import format_phone
from meisterhub.core.privacy import can_view_personal_data, mask_value
from meisterhub.meisters.selectors import list_meisters_by_roster_id
from meisterhub.programs.models import OUTCOME_FIGURES
from meisterhub.programs.selectors import list_outcome_reports

from .importing.rows import COMPANY_COLUMNS, WORKER_COLUMNS
from .selectors import skilled_workers_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEISTER_COLUMNS = ["id", "name", "title", "fields", "keywords", "certificates", "days", "active"]
NAMES = {"companies": "기업", "meisters": "마이스터", "workers": "기능인력", "outcomes": "사업성과"}


def _companies(show):
    companies = list_companies()
    rows = companies.values_list(
        "brn", "name", "representative", "industry_id", "size_class", "org_type", "district",
        "address", "phone", "employees", "pk")
    data = [[*r[:8], show(format_phone(r[8])), r[9]] for r in rows]
    return [h for _, h in COMPANY_COLUMNS], data, companies.model, [r[10] for r in rows], ["phone"]


def _meisters(show):
    meisters = list_meisters_by_roster_id()
    data = [[m.roster_id, m.name, m.title,
             ";".join(link.field_id for link in m.field_links_ordered),
             ";".join(m.keywords), ";".join(m.certificates),
             ";".join(m.weekday_names), "true" if m.is_active else "false"] for m in meisters]
    return MEISTER_COLUMNS, data, meisters.model, [], []


def _workers(show, actor):
    workers = skilled_workers_visible_to(actor).prefetch_related("fields", "certificates")
    data = []
    for w in workers:
        certificates = "; ".join(
            f"{c.name}({c.acquired_year})" if c.acquired_year else c.name
            for c in w.certificates.all())
        data.append([w.name, w.birth_year, show(format_phone(w.phone)), show(w.email),
                     w.district, ";".join(f.code for f in w.fields.all()), certificates,
                     w.years_of_experience, "예" if w.willing_to_mentor else "아니오",
                     "예" if w.willing_to_teach else "아니오", w.consent_given_on.isoformat(),
                     w.consent_purpose, w.consent_expires_on.isoformat()])
    ids = [w.pk for w in workers]
    from .models import SkilledWorker

    return [h for _, h in WORKER_COLUMNS], data, SkilledWorker, ids, ["phone", "email"]


def _outcomes(year):
    reports = list_outcome_reports(year)
    names = list(OUTCOME_FIGURES)
    header = ["사업자등록번호", "기업명", "연도", *names]
    data = [[r.company.brn, r.company.name, r.year, *(getattr(r, n) for n in names)]
            for r in reports]
    return header, data, reports.model, [], []


@transaction.atomic
def export_data(*, actor, kind: str, file_format: str, year=None, unmasked=False,
                reason: str = "") -> tuple[str, str, bytes]:
    """(file name, content type, bytes) of one export."""
    require_staff(actor, "운영자만 자료를 내보낼 수 있습니다.")
    if unmasked:
        if not can_view_personal_data(actor):
            raise DomainError("개인정보 전체를 볼 권한이 없습니다.", code="forbidden")
        if len((reason or "").strip()) < 2:
            raise DomainError("개인정보 전체를 내보내려면 열람 사유를 입력해 주세요.", field="reason")

    def show(value):
        return value if unmasked else mask_value(value)

    if kind == "companies":
        header, rows, model, ids, fields = _companies(show)
    elif kind == "meisters":
        header, rows, model, ids, fields = _meisters(show)
    elif kind == "workers":
        header, rows, model, ids, fields = _workers(show, actor)
    elif kind == "outcomes":
        header, rows, model, ids, fields = _outcomes(year)
    else:
        raise DomainError("알 수 없는 자료 종류입니다.")
    if unmasked and ids:
        content_type = ContentType.objects.get_for_model(model)
        PersonalDataAccess.objects.bulk_create([
            PersonalDataAccess(actor=actor, content_type=content_type, object_id=str(pk),
                               object_repr=f"{NAMES[kind]} 내보내기 #{pk}", fields=fields,
                               reason=f"[내보내기] {reason.strip()}"[:200]) for pk in ids])
    stem = f"{kind}{'-' + str(year) if year and kind == 'outcomes' else ''}"
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(safe_row(header))
        writer.writerows(safe_row(row) for row in rows)
        return f"{stem}.csv", "text/csv; charset=utf-8", buffer.getvalue().encode("utf-8-sig")
    book = Workbook()
    sheet = book.active
    sheet.title = NAMES[kind]
    append_text_safe(sheet, header)
    for row in rows:
        append_text_safe(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return f"{stem}.xlsx", XLSX, out.getvalue()

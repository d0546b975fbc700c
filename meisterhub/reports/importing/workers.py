"""Importing skilled workers; the natural key is 성명 + 출생연도 + 휴대전화, the database's own
unique person (skilledworker_unique_person)."""

from meisterhub.companies.models import District
from meisterhub.core.errors import DomainError
from meisterhub.core.phones import mask_phone
from meisterhub.core.privacy import mask_email
from meisterhub.meisters.selectors import field_codes

from ..models import SkilledWorker
from ..workers import duplicate_message, register_skilled_worker, update_skilled_worker
from .plan import Change, ParsedRow
from .rows import WORKER_COLUMNS, WORKER_REQUIRED, clean_worker_row
from .shown import shown
from .tabular import read_table, require_columns, text

COLUMNS = dict(WORKER_COLUMNS)
# clean_worker names its fields; the file names its columns.
COLUMN_OF = COLUMNS | {"consent": "동의일", "skills": "기술분야"}
UPDATABLE = [
    "email",
    "district",
    "years_of_experience",
    "willing_to_mentor",
    "willing_to_teach",
    "consent_given_on",
    "consent_purpose",
    "consent_expires_on",
]


class WorkerImport:
    name = "workers"
    key_column = "성명·출생연도·휴대전화"

    def parse(self, upload) -> list[ParsedRow]:
        header, rows = read_table(upload)
        require_columns(header, WORKER_REQUIRED)
        known = field_codes()
        parsed = []
        for line, cells in rows:
            row = ParsedRow(line)
            try:
                data, codes, certificates = clean_worker_row(cells, known)
            except DomainError as exc:
                row.fail(COLUMN_OF.get(exc.field or "", exc.field or ""), exc.message)
            else:
                row.key = (data["name"], data["birth_year"], data["phone"])
                row.data = (data, codes, certificates)
                row.label = (
                    f"{data['name']} ({data['birth_year']}년생, {mask_phone(data['phone'])})"
                )
                row.provided = frozenset(f for f, c in WORKER_COLUMNS if text(cells.get(c)))
            parsed.append(row)
        return parsed

    def existing(self, *, actor, rows):
        phones = {r.key[2] for r in rows}
        found = SkilledWorker.objects.filter(phone__in=phones).prefetch_related(
            "fields", "certificates"
        )
        return {(w.name, w.birth_year, w.phone): w for w in found}

    def exists_message(self, row) -> str:
        return duplicate_message(row.key[0], row.key[1])

    def _updates(self, worker, row):
        data, codes, certificates = row.data
        changes = {
            f: data[f] for f in UPDATABLE if f in row.provided and getattr(worker, f) != data[f]
        }
        old_codes = sorted(f.code for f in worker.fields.all())
        new_codes = (
            sorted(codes) if "fields" in row.provided and sorted(codes) != old_codes else None
        )
        old_names = sorted(c.name for c in worker.certificates.all())
        new_certificates = (
            certificates
            if "certificates" in row.provided and sorted(c.name for c in certificates) != old_names
            else None
        )
        return changes, (old_codes, new_codes), (old_names, new_certificates)

    def changes(self, worker, row) -> list[Change]:
        changes, (old_codes, new_codes), (old_names, new_certificates) = self._updates(worker, row)
        shown_changes = []
        for name, value in changes.items():
            old = getattr(worker, name)
            if name == "email":  # personal data: masked in the preview as on every page
                old, value = mask_email(old) if old else "", mask_email(value) if value else ""
            elif name == "district":
                old, value = District(old).label, District(value).label
            shown_changes.append(Change(COLUMNS[name], shown(old), shown(value)))
        if new_codes is not None:
            shown_changes.append(Change(COLUMNS["fields"], shown(old_codes), shown(new_codes)))
        if new_certificates is not None:
            shown_changes.append(
                Change(
                    COLUMNS["certificates"],
                    shown(old_names),
                    shown(sorted(c.name for c in new_certificates)),
                )
            )
        return shown_changes

    def create(self, *, actor, row) -> None:
        data, codes, certificates = row.data
        register_skilled_worker(
            actor=actor, data=data, field_codes=codes, certificates=certificates
        )

    def update(self, *, actor, record, row) -> None:
        changes, (_, new_codes), (_, new_certificates) = self._updates(record, row)
        update_skilled_worker(
            actor=actor,
            worker=record,
            changes=changes,
            field_codes=new_codes,
            certificates=new_certificates,
        )

"""Writes of administrative procedures: the import of many procedures from a CSV or JSON file.

The file (``read_file``) and its rows (``import_procedures``) are checked in full before anything is
written; any problem is reported (every one, with its line) and nothing is imported. The command
``manage.py import_procedures`` and an admin upload can both use these two functions.

Columns (header names; Vietnamese without diacritics, with diacritics, or English; case and spaces do not
matter: "Mã thủ tục", "ma_thu_tuc" and "code" are the same column):

=========================  ======================  ==========================================================
column                     English name            value
=========================  ======================  ==========================================================
ma_thu_tuc (required)      code                    the code in the national database, e.g. 1.001234
ten_thu_tuc (required)     title                   the name of the procedure
linh_vuc (required)        field                   a field: its slug (ho-tich) or name (Hộ tịch); see choices
cap_thuc_hien (required)   level                   cap-tinh / cap-huyen / cap-xa, or Cấp tỉnh ... Cấp xã
trinh_tu                   steps                   text (line breaks kept)
cach_thuc                  manner                  text
thanh_phan_ho_so           dossier                 text
thoi_han                   time_limit              text
phi_le_phi                 fees                    text
doi_tuong                  applicants              text
co_quan                    agency                  text
ket_qua                    result                  text
yeu_cau_dieu_kien          requirements            text: yêu cầu, điều kiện thực hiện
can_cu_phap_ly             legal_bases             texts separated by ";": one that contains the number of a
                                                   published legal document of the unit or a higher unit
                                                   links to it, the others are kept as text
dich_vu_cong               online_service_url      the address of the online public service (http/https)
hien_thi_moi_don_vi        show_on_all_units       x / 1 / có / true: listed on every lower unit's site
nguon                      source                  the database the records come from (at most 255
                                                   characters); empty: the national database
=========================  ======================  ==========================================================

Every procedure created or updated gets today's date (in Viet Nam) as its synchronisation date
(``synced_on``), shown on its page with its source (Decree 42/2022/ND-CP Art. 4(1)(c): procedures on a
portal are kept consistent with the national or provincial database).

A procedure whose code the unit already has is UPDATED with the file's values (re-importing a newer export
of the national database is the normal way to keep procedures current, and running the same import twice
changes nothing visible); its forms to download are kept. Codes repeated within one file are an error.

CSV: UTF-8 (with or without the byte-order mark Excel writes), comma, semicolon or tab separated, a header
row first; line numbers count the header as line 1, each record as one line (as a spreadsheet numbers
rows). JSON: a list of objects (or ``{"procedures": [...]}``) with the same keys; items are numbered from 1.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from home.mixins import default_review_date
from home.text import fold
from procedures.choices import Level, ProcedureField
from procedures.models import (
    CODE_MAX_LENGTH,
    DEFAULT_SOURCE,
    SOURCE_MAX_LENGTH,
    ProcedureIndexPage,
    ProcedureLegalBasis,
    ProcedurePage,
    code_validator,
    vietnam_today,
)
from sites.selectors import pages_under, unit_ancestors

MAX_ROWS = 5000
MAX_FILE_BYTES = 20 * 1024 * 1024
TITLE_MAX_LENGTH = 255

# Column -> the names a header may use (compared folded, with "_" for spaces and punctuation).
COLUMNS = {
    "code": ("ma_thu_tuc", "ma", "code"),
    "title": ("ten_thu_tuc", "ten", "title", "name"),
    "field": ("linh_vuc", "field"),
    "level": ("cap_thuc_hien", "cap", "level"),
    "steps": ("trinh_tu", "trinh_tu_thuc_hien", "steps"),
    "manner": ("cach_thuc", "cach_thuc_thuc_hien", "manner"),
    "dossier": ("thanh_phan_ho_so", "ho_so", "dossier"),
    "time_limit": ("thoi_han", "thoi_han_giai_quyet", "time_limit"),
    "fees": ("phi_le_phi", "phi", "le_phi", "fees"),
    "applicants": ("doi_tuong", "doi_tuong_thuc_hien", "applicants"),
    "agency": ("co_quan", "co_quan_thuc_hien", "agency"),
    "result": ("ket_qua", "ket_qua_thuc_hien", "result"),
    "requirements": (
        "yeu_cau_dieu_kien",
        "yeu_cau_dieu_kien_thuc_hien",
        "yeu_cau",
        "dieu_kien",
        "dieu_kien_thuc_hien",
        "requirements",
        "requirements_and_conditions",
        "conditions",
    ),
    "legal_bases": ("can_cu_phap_ly", "legal_bases"),
    "online_service_url": ("dich_vu_cong", "dich_vu_cong_truc_tuyen", "online_service_url"),
    "show_on_all_units": ("hien_thi_moi_don_vi", "show_on_all_units"),
    "source": ("nguon", "nguon_du_lieu", "source"),
}
REQUIRED = ("code", "title", "field", "level")
TEXT_FIELDS = (
    "steps",
    "manner",
    "dossier",
    "time_limit",
    "fees",
    "applicants",
    "agency",
    "result",
    "requirements",
)
HEADER_TO_COLUMN = {name: column for column, names in COLUMNS.items() for name in names}
TRUE_VALUES = {"x", "1", "co", "true", "yes", "y"}
FALSE_VALUES = {"", "0", "khong", "false", "no", "n"}
# Names of the fields in the national database that differ from the slugs (matched slugified).
FIELD_ALIASES = {
    "tai-nguyen-va-moi-truong": ProcedureField.ENVIRONMENT,
    "moi-truong": ProcedureField.ENVIRONMENT,
    "kinh-doanh-ho-kinh-doanh": ProcedureField.BUSINESS,
    "ho-kinh-doanh": ProcedureField.BUSINESS,
    "dang-ky-kinh-doanh": ProcedureField.BUSINESS,
    "thanh-lap-va-hoat-dong-cua-ho-kinh-doanh": ProcedureField.BUSINESS,
    "bao-tro-xa-hoi-va-giam-ngheo": ProcedureField.SOCIAL_PROTECTION,
    "chinh-sach-nguoi-co-cong": ProcedureField.MERIT,
    "tu-phap-ho-tich": ProcedureField.CIVIL_STATUS,
    "nong-nghiep-va-phat-trien-nong-thon": ProcedureField.AGRICULTURE,
    "giao-duc-va-dao-tao": ProcedureField.EDUCATION,
    "van-hoa-the-thao-du-lich": ProcedureField.CULTURE,
    "lao-dong-viec-lam": ProcedureField.LABOUR,
}
LEVEL_ALIASES = {"tinh": Level.PROVINCE, "huyen": Level.DISTRICT, "xa": Level.COMMUNE}


class ImportFileError(Exception):
    """The file cannot be read as procedures at all (encoding, format, columns); ``messages`` says why."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(str(m) for m in self.messages))


@dataclass
class RowError:
    where: str  # "Line 3" / "Item 2"
    reason: str

    def __str__(self):
        return f"{self.where}: {self.reason}"


@dataclass
class ImportResult:
    created: list = field(default_factory=list)  # codes
    updated: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # RowError
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors


@dataclass
class Row:
    where: str
    values: dict


def _slug(value):
    return slugify(fold(str(value)).replace("đ", "d"))


def _header_key(name):
    return re.sub(r"[^a-z0-9]+", "_", fold(str(name or "")).strip()).strip("_")


def _choice_lookup(choices, aliases):
    lookup = {value: value for value in choices.values}
    lookup.update(aliases)
    with translation.override("en"):
        lookup.update({_slug(label): value for value, label in choices.choices})
    with translation.override("vi"):
        lookup.update({_slug(label): value for value, label in choices.choices})
    return lookup


# --- Reading the file -----------------------------------------------------------------------------------


def decode(data):
    """``data`` (bytes) as text: UTF-8, with or without its byte-order mark. Anything else raises
    ``ImportFileError`` naming the problem; nothing is guessed (a guess would import garbled Vietnamese)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            [_("The file is in UTF-16 (Excel's “Unicode text”). Save it as “CSV UTF-8” and import it again.")]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            [
                _(
                    "The file is not in UTF-8 (unreadable bytes on line %(line)s): it is probably in another "
                    "encoding (Windows-1258, TCVN3, VNI or Latin-1). Save it as “CSV UTF-8” and import it "
                    "again."
                )
                % {"line": line}
            ]
        ) from None


def _check_columns(headers):
    """``{header as written: column}``; raises ``ImportFileError`` for unknown, repeated or missing
    columns."""
    messages, mapping, seen = [], {}, {}
    unknown = []
    for header in headers:
        key = _header_key(header)
        if not key:
            continue
        column = HEADER_TO_COLUMN.get(key)
        if column is None:
            unknown.append(str(header))
        elif column in seen:
            messages.append(
                _("Columns “%(first)s” and “%(second)s” are the same column.")
                % {"first": seen[column], "second": header}
            )
        else:
            seen[column] = header
            mapping[header] = column
    if unknown:
        messages.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    missing = [COLUMNS[column][0] for column in REQUIRED if column not in seen]
    if missing:
        messages.append(_("Missing required columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if messages:
        messages.append(
            _("Accepted columns: %(columns)s.")
            % {"columns": ", ".join(names[0] for names in COLUMNS.values())}
        )
        raise ImportFileError(messages)
    return mapping


def _too_many():
    return ImportFileError(
        [_("The file holds more than %(count)s procedures: split it.") % {"count": MAX_ROWS}]
    )


def read_csv(text):
    """``Row``s of a CSV text (header first)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader, None)
        if not headers:
            raise ImportFileError([_("The file is empty: it needs a header row and one row per procedure.")])
        mapping = _check_columns(headers)
        rows = []
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many()
            values = {mapping[h]: cell for h, cell in zip(headers, record, strict=False) if h in mapping}
            extra = len(record) > len(headers) and any(cell.strip() for cell in record[len(headers) :])
            rows.append(Row(_("Line %(number)s") % {"number": number}, values | {"_extra": extra}))
    except csv.Error as error:
        raise ImportFileError([_("The file is not valid CSV: %(error)s") % {"error": error}]) from None
    return rows


def read_json(text):
    """``Row``s of a JSON text: a list of objects, or an object holding one under "procedures"."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ImportFileError([_("The file is not valid JSON: %(error)s") % {"error": error}]) from None
    if isinstance(data, dict):
        data = data.get("procedures", data.get("thu_tuc"))
    if not isinstance(data, list):
        raise ImportFileError([_("The JSON file must hold a list of procedures (objects).")])
    if len(data) > MAX_ROWS:
        raise _too_many()
    headers = list(dict.fromkeys(key for item in data if isinstance(item, dict) for key in item))
    mapping = _check_columns(headers) if data else {}
    rows = []
    for number, item in enumerate(data, start=1):
        where = _("Item %(number)s") % {"number": number}
        if not isinstance(item, dict):
            rows.append(Row(where, {"_not_object": True}))
            continue
        rows.append(Row(where, {mapping[key]: value for key, value in item.items() if key in mapping}))
    return rows


def read_file(data, *, name):
    """``Row``s of an uploaded file (bytes), CSV or JSON by its ``name``'s extension."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError([_("The file is too large (at most 20 MB).")])
    lower = name.lower()
    if not lower.endswith((".csv", ".json", ".txt")):
        raise ImportFileError([_("Import a .csv or .json file.")])
    text = decode(data)
    if "\x00" in text:
        raise ImportFileError([_("The file holds NUL characters: it is not a text file in UTF-8.")])
    return read_json(text) if lower.endswith(".json") else read_csv(text)


# --- Checking the rows ----------------------------------------------------------------------------------


def _text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        raise ValueError
    return str(value).replace("\r\n", "\n").replace("\x00", "").strip()


def _legal_documents(unit):
    """``[(number casefolded, document)]`` of the live legal documents of ``unit`` and its higher units,
    longest number first (documents are referred to by string label: procedures do not import documents)."""
    legal_document = apps.get_model("documents", "LegalDocument")
    units = [unit, *unit_ancestors(unit)]
    documents = legal_document.objects.live().filter(pages_under(units)).only("pk", "number", "path", "title")
    found = [(doc.number.strip().casefold(), doc) for doc in documents if doc.number.strip()]
    return sorted(found, key=lambda item: -len(item[0]))


def match_legal_basis(text, documents):
    """The document of ``documents`` whose number appears in ``text`` as a whole (not inside a longer
    number), or None."""
    folded = text.casefold()
    for number, document in documents:
        if re.search(rf"(?<![\w/.-]){re.escape(number)}(?![\w/-])", folded):
            return document
    return None


def check_row(row, *, fields, levels):
    """(values ready to set on a page, [reasons]) for one row."""
    if row.values.get("_not_object"):
        return None, [_("not an object with the procedure's columns")]
    reasons, clean = [], {}
    if row.values.get("_extra"):
        reasons.append(
            _("more cells than the header has columns (a separator inside a value without quotes?)")
        )
    try:
        raw = {column: _text(row.values.get(column)) for column in COLUMNS}
    except ValueError:
        return None, [_("a value is an object, not text")]
    code, title = raw["code"], " ".join(raw["title"].split())
    if not code:
        reasons.append(_("the procedure code is missing"))
    elif len(code) > CODE_MAX_LENGTH:
        reasons.append(
            _("the procedure code is longer than %(count)s characters") % {"count": CODE_MAX_LENGTH}
        )
    else:
        try:
            code_validator(code)
        except ValidationError:
            reasons.append(
                _("the procedure code “%(code)s” is not a code like 1.001234") % {"code": code[:60]}
            )
    if not title:
        reasons.append(_("the name of the procedure is missing"))
    elif len(title) > TITLE_MAX_LENGTH:
        reasons.append(_("the name is longer than %(count)s characters") % {"count": TITLE_MAX_LENGTH})
    field_value = fields.get(_slug(raw["field"])) if raw["field"] else None
    if not raw["field"]:
        reasons.append(_("the field is missing"))
    elif field_value is None:
        reasons.append(
            _("unknown field “%(value)s” (accepted: %(accepted)s)")
            % {"value": raw["field"][:60], "accepted": ", ".join(ProcedureField.values)}
        )
    level = levels.get(_slug(raw["level"])) if raw["level"] else None
    if not raw["level"]:
        reasons.append(_("the level is missing"))
    elif level is None:
        reasons.append(
            _("unknown level “%(value)s” (accepted: %(accepted)s)")
            % {"value": raw["level"][:60], "accepted": ", ".join(Level.values)}
        )
    url = raw["online_service_url"]
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            reasons.append(
                _("the online service address “%(value)s” is not a web address") % {"value": url[:80]}
            )
    flag = fold(raw["show_on_all_units"]).strip()
    if flag not in TRUE_VALUES | FALSE_VALUES:
        reasons.append(
            _("“%(value)s” is not yes or no (x or empty)") % {"value": raw["show_on_all_units"][:20]}
        )
    source = " ".join(raw["source"].split())
    if len(source) > SOURCE_MAX_LENGTH:
        reasons.append(_("the source is longer than %(count)s characters") % {"count": SOURCE_MAX_LENGTH})
    clean.update({name: raw[name] for name in TEXT_FIELDS})
    clean.update(
        code=code,
        title=title,
        field=field_value,
        level=level,
        online_service_url=url,
        show_on_all_units=flag in TRUE_VALUES,
        source=source or DEFAULT_SOURCE,
        legal_bases=[
            " ".join(part.split()) for part in re.split(r"[;\n]", raw["legal_bases"]) if part.strip()
        ],
    )
    for basis in clean["legal_bases"]:
        if len(basis) > 500:
            reasons.append(_("a legal basis is longer than 500 characters"))
    return clean, reasons


def _index_of(unit):
    index_page = ProcedureIndexPage.objects.child_of(unit.site.root_page).first()
    if index_page is None:
        raise ImportFileError([_("The unit %(unit)s has no procedures page.") % {"unit": unit.name}])
    return index_page


# --- Writing ----------------------------------------------------------------------------------------------


def import_procedures(*, unit, rows, publish=True, dry_run=False, user=None, progress=None):
    """Create or update the procedures of ``rows`` (from ``read_file``) in ``unit``'s /thu-tuc-hanh-chinh/.

    Every row is checked first; with any error nothing is written and the result lists every error. Then,
    in one transaction, a new code becomes a page and a known code updates the unit's page (see the module's
    docstring); each gets a revision by ``user``, published with ``publish`` (Wagtail's publishing purges the
    page cache and indexes the page for the search) or left as a draft for the moderation workflow.
    ``progress(done, total)`` is called after each procedure. Returns an ``ImportResult``.
    """
    index_page = _index_of(unit)
    fields = _choice_lookup(ProcedureField, FIELD_ALIASES)
    levels = _choice_lookup(Level, LEVEL_ALIASES)
    result = ImportResult(dry_run=dry_run)
    checked, first_seen = [], {}
    for row in rows:
        values, reasons = check_row(row, fields=fields, levels=levels)
        if values is not None and values["code"]:
            key = values["code"].casefold()
            if key in first_seen:
                reasons.append(
                    _("the code %(code)s is already on %(where)s of the file")
                    % {"code": values["code"], "where": first_seen[key].lower()}
                )
            else:
                first_seen[key] = row.where
        result.errors += [RowError(row.where, reason) for reason in reasons]
        checked.append((row, values))
    if not checked and not result.errors:
        result.errors.append(RowError(_("File"), _("no procedure to import")))
    if result.errors:
        return result
    existing = {
        page.code.casefold(): page for page in ProcedurePage.objects.child_of(index_page).order_by("pk")
    }
    documents = _legal_documents(unit)
    for _row, values in checked:
        target = result.updated if values["code"].casefold() in existing else result.created
        target.append(values["code"])
    if dry_run:
        return result
    synced_on = vietnam_today()
    with transaction.atomic():
        for done, (_row, values) in enumerate(checked, start=1):
            values = values | {"synced_on": synced_on}
            _save(index_page, existing.get(values["code"].casefold()), values, documents, publish, user)
            if progress:
                progress(done, len(checked))
    return result


def _save(index_page, page, values, documents, publish, user):
    values = dict(values)
    bases = values.pop("legal_bases")
    if page is None:
        page = ProcedurePage(
            live=False, slug=_unique_slug(index_page, values["code"]), review_by=default_review_date()
        )
        for name, value in values.items():
            setattr(page, name, value)
        index_page.add_child(instance=page)
    else:
        page = page.specific
        for name, value in values.items():
            setattr(page, name, value)
    legal_bases = []
    for text in bases:
        document = match_legal_basis(text, documents)
        keep = "" if document is not None and text.casefold() == document.number.strip().casefold() else text
        legal_bases.append(ProcedureLegalBasis(document=document, text=keep))
    page.legal_bases = legal_bases
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page


def _unique_slug(index_page, code):
    base = slugify(code.replace(".", "-")) or "thu-tuc"
    slug, n = base, 1
    taken = set(index_page.get_children().values_list("slug", flat=True))
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug

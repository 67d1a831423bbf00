"""Administrative procedures (thủ tục hành chính): a unit's listing at /thu-tuc-hanh-chinh/ and one page per
procedure, with the fields of the national database of administrative procedures (Cơ sở dữ liệu quốc gia về
thủ tục hành chính).

Pages, so procedures follow the unit confinement, the moderation workflow and scheduled publishing like
articles. A procedure decided at a higher level and marked ``show_on_all_units`` is listed on every
descendant unit's /thu-tuc-hanh-chinh/, linking to its one page on the owning unit's site (no copies).
"""

from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.mixins import FoldedTitleMixin, ReviewDateMixin, UnitContextMixin
from home.text import fold
from procedures.choices import Level, ProcedureField
from procedures.forms import ProcedurePageForm

DEFAULT_NATIONAL_PROCEDURE_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
)
CODE_MAX_LENGTH = 40
# "1.001234", "2.000123.000.00.00.H12": letters and digits joined by dots or hyphens.
code_validator = RegexValidator(
    r"^[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*$",
    _("A procedure code is made of letters and digits joined by dots, for example 1.001234."),
)


def national_procedure_url(code):
    """The procedure's page on the national public-service portal (``PORTAL_NATIONAL_PROCEDURE_URL``)."""
    template = getattr(settings, "PORTAL_NATIONAL_PROCEDURE_URL", DEFAULT_NATIONAL_PROCEDURE_URL)
    return template.format(code=quote(code, safe=".-")) if code and template else ""


# Decree 42/2022/ND-CP Art. 4(1)(c): the procedures on an agency's portal come from (are kept consistent with)
# the national or provincial database. Stored as data (the name of the database the record was taken from,
# which an import from a provincial database may name instead); shown translated while it is the default.
DEFAULT_SOURCE = "Cơ sở dữ liệu quốc gia về thủ tục hành chính"
SOURCE_MAX_LENGTH = 255
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_today():
    """Today's date in Viet Nam (a synchronisation date is the agency's day, whatever the server's zone)."""
    return timezone.localdate(timezone=VIETNAM)


class ProcedureIndexPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """A unit's administrative procedures at /thu-tuc-hanh-chinh/: its own and those its higher units share,
    filterable by field (``linh-vuc``) and level (``cap``), with a keyword (``q``)."""

    template = "procedures/procedure_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1
    page_size = 20
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels

    class Meta:
        verbose_name = _("procedure index")

    def get_context(self, request, *args, **kwargs):
        from procedures import selectors  # procedures.selectors imports this module

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.listing_context(self, context["unit"], request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("rate_limited"):
            response.status_code = 429
            response["Retry-After"] = "60"
        return response


class ProcedurePage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """One administrative procedure of a unit (the fields of the national database)."""

    base_form_class = ProcedurePageForm

    code = models.CharField(
        _("procedure code"),
        max_length=CODE_MAX_LENGTH,
        validators=[code_validator],
        db_index=True,
        help_text=_("The code in the national database of administrative procedures, for example 1.001234."),
    )
    field = models.CharField(_("field"), max_length=40, choices=ProcedureField.choices)
    level = models.CharField(_("implementation level"), max_length=20, choices=Level.choices)
    steps = models.TextField(_("steps"), blank=True)
    manner = models.TextField(_("how to submit"), blank=True)
    dossier = models.TextField(_("dossier"), blank=True)
    time_limit = models.TextField(_("time limit"), blank=True)
    fees = models.TextField(_("fees and charges"), blank=True)
    applicants = models.TextField(_("who may apply"), blank=True)
    agency = models.TextField(_("implementing agency"), blank=True)
    result = models.TextField(_("result"), blank=True)
    requirements = models.TextField(
        _("requirements and conditions"),
        blank=True,
        help_text=_(
            "What the applicant or the dossier must meet (yêu cầu, điều kiện thực hiện), as in the national "
            "database; empty: none."
        ),
    )
    online_service_url = models.URLField(
        _("online public service"),
        blank=True,
        help_text=_("Where the procedure can be done online (dịch vụ công trực tuyến), if anywhere."),
    )
    source = models.CharField(
        _("source"),
        max_length=SOURCE_MAX_LENGTH,
        default=DEFAULT_SOURCE,
        blank=True,
        help_text=_("The database this procedure is taken from; empty: the national database."),
    )
    synced_on = models.DateField(
        _("synchronised on"),
        null=True,
        blank=True,
        help_text=_(
            "When it was last checked against its source; the import sets it to the day of the import."
        ),
    )
    show_on_all_units = models.BooleanField(
        _("show on every unit's site"),
        default=False,
        help_text=_(
            "A procedure decided at this level: listed on the procedures page of every unit below this one."
        ),
    )

    content_panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("field"), FieldPanel("level")]),
                FieldPanel("agency"),
                FieldPanel("applicants"),
            ],
            heading=_("Procedure details"),
        ),
        FieldPanel("steps"),
        FieldPanel("manner"),
        FieldPanel("dossier"),
        FieldPanel("requirements"),
        FieldRowPanel([FieldPanel("time_limit"), FieldPanel("fees")]),
        FieldPanel("result"),
        InlinePanel("legal_bases", label=_("Legal bases")),
        InlinePanel("form_files", label=_("Forms to download")),
        FieldPanel("online_service_url"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("synced_on")], heading=_("Source")),
        FieldPanel("show_on_all_units"),
    ]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = [
        *FoldedTitleMixin.search_fields,
        index.SearchField("code"),
        index.FilterField("field"),
        index.FilterField("level"),
    ]

    template = "procedures/procedure_page.html"
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")

    @property
    def folded_title(self):
        return fold(f"{self.code} {self.title}")

    @property
    def national_url(self):
        return national_procedure_url(self.code)

    @property
    def source_label(self):
        """The source's name, in the page's language while it is the national database (the default)."""
        source = (self.source or "").strip()
        if not source or source == DEFAULT_SOURCE:
            return _("National database of administrative procedures")
        return source

    def clean(self):
        super().clean()
        if self.synced_on and self.synced_on > vietnam_today():
            raise ValidationError({"synced_on": _("The synchronisation date cannot be in the future.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legal_bases"] = list(self.legal_bases.select_related("document"))
        context["form_files"] = list(self.form_files.select_related("document"))
        return context


class ProcedureLegalBasis(Orderable):
    """A legal basis (căn cứ pháp lý): one of our legal documents, or the name of a text not on the portal."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="legal_bases")
    document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("legal document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.CharField(
        _("name of the text"),
        max_length=500,
        blank=True,
        help_text=_("For a text not published on this portal: its number and name, e.g. Luật Hộ tịch 2014."),
    )

    panels = [PageChooserPanel("document", page_type="documents.LegalDocument"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def clean(self):
        super().clean()
        if self.document_id is None and not (self.text or "").strip():
            raise ValidationError(_("Choose a legal document or type the name of the text."))

    def __str__(self):
        return self.text or str(self.document or "")


class ProcedureFormFile(Orderable):
    """A form to download (mẫu đơn, tờ khai): public only while a live page of the procedure uses it."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="form_files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    label = models.CharField(_("label"), max_length=255, blank=True, help_text=_("Empty: the file's title."))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("form to download")
        verbose_name_plural = _("forms to download")

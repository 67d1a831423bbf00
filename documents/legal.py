"""Legal and directive documents (văn bản): one page per document under a unit's /van-ban/.

A Wagtail page, so documents follow the same unit confinement, moderation workflow and
scheduled publishing as news articles.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from documents.panels import TextStatusPanel
from home.mixins import FoldedTitleMixin, UnitContextMixin
from home.text import fold
from sites.personal_data import personal_data_notice


class DocumentType(models.TextChoices):
    RESOLUTION = "nghi-quyet", _("Resolution")
    DECISION = "quyet-dinh", _("Decision")
    DIRECTIVE = "chi-thi", _("Directive")
    PLAN = "ke-hoach", _("Plan")
    OFFICIAL_LETTER = "cong-van", _("Official letter")
    NOTICE = "thong-bao", _("Notice")
    REPORT = "bao-cao", _("Report")
    SUBMISSION = "to-trinh", _("Submission")
    PROGRAMME = "chuong-trinh", _("Programme")
    REGULATION = "quy-che", _("Regulation")
    OTHER = "khac", _("Other")


class Disclosure(models.TextChoices):
    DIRECTION = "chi-dao-dieu-hanh", _("Direction and administration documents")
    ADMIN_REFORM = "cai-cach-hanh-chinh", _("Administrative reform")
    ANTI_CORRUPTION = "phong-chong-tham-nhung", _("Anti-corruption")
    RECRUITMENT = "tuyen-dung", _("Recruitment")
    APPOINTMENT = "bo-nhiem-can-bo", _("Appointment of officials")
    BUDGET = "cong-khai-ngan-sach", _("Budget disclosure")
    PROCUREMENT = "dau-thau-mua-sam-cong", _("Bidding and public procurement")
    PLANNING = "quy-hoach-ke-hoach", _("Planning")
    DRAFT = "du-thao-lay-y-kien", _("Drafts for public comment")
    # named by Luật Tiếp cận thông tin 2016, Art. 17, clause 1 (documents/disclosure.py gives the points)
    FEES = "thue-phi-le-phi", _("Taxes, fees and charges")
    LAND = (
        "dat-dai-boi-thuong-tai-dinh-cu",
        _("Land use, land prices, recovery, compensation and resettlement"),
    )
    FUNDS = "quy-cuu-tro-vien-tro", _("Relief, social assistance, aid and funds")
    REPORTS = "bao-cao-dinh-ky-thong-ke", _("Periodic reports, financial reports and statistics")
    INSPECTION = (
        "ket-luan-thanh-tra",
        _(
            "Inspection and examination conclusions on the environment, public health, food safety and "
            "labour safety"
        ),
    )
    PROCEDURES = "thu-tuc-hanh-chinh", _("Administrative procedures")


class Field(models.TextChoices):
    ADMINISTRATION = "hanh-chinh", _("Administration")
    ECONOMY = "kinh-te", _("Economy")
    FINANCE = "tai-chinh-ngan-sach", _("Finance and budget")
    LAND = "dat-dai-xay-dung", _("Land and construction")
    ENVIRONMENT = "tai-nguyen-moi-truong", _("Natural resources and environment")
    AGRICULTURE = "nong-nghiep", _("Agriculture")
    CULTURE = "van-hoa-xa-hoi", _("Culture and society")
    EDUCATION = "giao-duc", _("Education")
    HEALTH = "y-te", _("Health")
    HOME_AFFAIRS = "noi-vu", _("Home affairs")
    JUSTICE = "tu-phap", _("Justice")
    DEFENCE = "quoc-phong-an-ninh", _("Defence and security")
    OTHER = "khac", _("Other")


class Status(models.TextChoices):
    PENDING = "chua-hieu-luc", _("Not yet in force")
    IN_FORCE = "con-hieu-luc", _("In force")
    EXPIRED = "het-hieu-luc", _("No longer in force")


class Consultation(models.TextChoices):
    """Where a draft for public comment stands (``LegalDocument.consultation_state``)."""

    UPCOMING = "sap-lay-y-kien", _("Comments not open yet")
    OPEN = "dang-lay-y-kien", _("Open for comments")
    GATHERING = "dang-tong-hop", _("Gathering the comments")
    OUTCOME = "da-co-ket-qua", _("Outcome published")


class LegalDocument(UnitContextMixin, FoldedTitleMixin, Page):
    number = models.CharField(_("number and symbol"), max_length=60, help_text=_("For example 125/QĐ-UBND"))
    doc_type = models.CharField(_("document type"), max_length=30, choices=DocumentType.choices)
    issuing_body = models.CharField(_("issuing body"), max_length=255)
    signer = models.CharField(_("signed by"), max_length=120, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=120, blank=True)
    issued_on = models.DateField(_("date of issue"))
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    effective_until = models.DateField(
        _("in force until"), null=True, blank=True, help_text=_("The first day it is no longer in force.")
    )
    field = models.CharField(_("field"), max_length=40, choices=Field.choices)
    summary = models.TextField(_("summary"))
    disclosure = models.CharField(_("disclosure category"), max_length=40, choices=Disclosure.choices)
    full_text = models.TextField(_("text of the attached files"), blank=True, editable=False)
    comment_opens = models.DateField(_("comments open on"), null=True, blank=True)
    comment_closes = models.DateField(_("comments close after"), null=True, blank=True)
    # The outcome of a consultation: the report that sums up the comments and how they were taken into
    # account or answered ("báo cáo tổng hợp, tiếp thu, giải trình ý kiến").
    outcome_report = models.ForeignKey(
        "assets.CustomDocument",
        verbose_name=_("report on the comments received"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report summing up the comments and how they were taken into account or answered."),
    )
    outcome_published_on = models.DateField(_("outcome published on"), null=True, blank=True)
    outcome_summary = models.TextField(_("summary of the outcome"), blank=True)

    content_panels = [
        FieldPanel("title", help_text=_("Usually the summary, shortened.")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
                FieldRowPanel(
                    [FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("effective_until")]
                ),
                FieldRowPanel([FieldPanel("field"), FieldPanel("disclosure")]),
                FieldPanel("summary"),
            ],
            heading=_("Document details"),
        ),
        FieldRowPanel(
            [FieldPanel("comment_opens"), FieldPanel("comment_closes")],
            heading=_("Public comments (drafts for public comment only)"),
        ),
        MultiFieldPanel(
            [FieldPanel("outcome_report"), FieldPanel("outcome_published_on"), FieldPanel("outcome_summary")],
            heading=_("Outcome of the consultation (after the comments close)"),
        ),
        InlinePanel("attachments", label=_("Attached files"), min_num=1),
        TextStatusPanel(heading=_("Searchable text of the files")),
        InlinePanel("relations", label=_("Related documents")),
    ]
    search_fields = [
        *FoldedTitleMixin.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuing_body"),
        index.SearchField("full_text"),
        index.FilterField("doc_type"),
        index.FilterField("disclosure"),
        index.FilterField("issued_on"),
    ]

    template = "documents/legal_document.html"
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        indexes = [models.Index(fields=["issued_on"]), models.Index(fields=["number"])]

    @property
    def folded_title(self):
        return fold(f"{self.number} {self.title}")

    def status(self, on=None):
        on = on or timezone.localdate()
        if self.effective_from and on < self.effective_from:
            return Status.PENDING
        if self.effective_until and on >= self.effective_until:
            return Status.EXPIRED
        return Status.IN_FORCE

    def get_status_display(self):
        return self.status().label

    def clean(self):
        super().clean()
        errors = {}
        start = self.effective_from or self.issued_on
        if self.effective_from and self.issued_on and self.effective_from < self.issued_on:
            errors["effective_from"] = _("The date it comes into force cannot be before the date of issue.")
        if self.effective_until and start and self.effective_until <= start:
            errors["effective_until"] = _("The end of validity must be after the date it comes into force.")
        number = (self.number or "").strip()
        if number and self.issuing_body:
            # Compared in Python with casefold(): SQLite's case-insensitive lookups are ASCII-only
            # ("Đ" ≠ "đ"); the ASCII prefix before the first "/" narrows the candidates first.
            body = self.issuing_body.strip().casefold()
            candidates = (
                LegalDocument.objects.filter(number__istartswith=number.split("/")[0])
                .exclude(pk=self.pk)
                .values_list("number", "issuing_body")
            )
            clash = any(
                n.strip().casefold() == number.casefold() and b.strip().casefold() == body
                for n, b in candidates
            )
            if clash:
                errors["number"] = _("%(body)s already has a document numbered %(number)s.") % {
                    "body": self.issuing_body.strip(),
                    "number": number,
                }
        if self.disclosure == Disclosure.DRAFT:
            if not self.comment_opens:
                errors["comment_opens"] = _("A draft for public comment needs the first day of comments.")
            if not self.comment_closes:
                errors["comment_closes"] = _("A draft for public comment needs the last day of comments.")
            if self.comment_opens and self.comment_closes and self.comment_closes < self.comment_opens:
                errors["comment_closes"] = _("The last day of comments cannot be before the first.")
        errors.update(self._outcome_errors())
        if errors:
            raise ValidationError(errors)

    def _outcome_errors(self):
        has_report = self.outcome_report_id is not None
        if not (has_report or self.outcome_published_on or self.outcome_summary.strip()):
            return {}
        if self.disclosure != Disclosure.DRAFT:
            return {"outcome_report": _("Only a draft for public comment has a consultation outcome.")}
        errors = {}
        if not has_report:
            errors["outcome_report"] = _("Attach the report on the comments received.")
        day = self.outcome_published_on
        today = timezone.localdate()
        if day is None:
            errors["outcome_published_on"] = _("Give the date the outcome was published.")
        elif self.comment_closes and day <= self.comment_closes:
            errors["outcome_published_on"] = _("The outcome comes after the comments close (%(date)s).") % {
                "date": self.comment_closes.strftime("%d/%m/%Y")
            }
        elif day > today:
            errors["outcome_published_on"] = _("The outcome cannot be dated in the future.")
        return errors

    def has_outcome(self):
        return self.outcome_report_id is not None and self.outcome_published_on is not None

    def consultation_state(self, on=None):
        """A ``Consultation`` value for a draft for public comment, None for other documents."""
        if self.disclosure != Disclosure.DRAFT or self.comment_opens is None or self.comment_closes is None:
            return None
        on = on or timezone.localdate()
        if self.has_outcome():
            return Consultation.OUTCOME
        if on < self.comment_opens:
            return Consultation.UPCOMING
        if on <= self.comment_closes:
            return Consultation.OPEN
        return Consultation.GATHERING

    def get_consultation_state_display(self):
        state = self.consultation_state()
        return Consultation(state).label if state else ""

    def comments_open(self, on=None):
        on = on or timezone.localdate()
        return (
            self.disclosure == Disclosure.DRAFT
            and self.comment_opens is not None
            and self.comment_closes is not None
            and self.comment_opens <= on <= self.comment_closes
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            # here, not at the top: documents.views imports documents.models, which imports this module
            from documents.views import post_comment

            return post_comment(self, request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = list(self.attachments.select_related("document"))
        context["outgoing"] = list(self.relations.select_related("target"))
        context["incoming"] = list(
            LegalDocumentRelation.objects.filter(target=self, source__live=True).select_related("source")
        )
        if self.disclosure == Disclosure.DRAFT:
            # here, not at the top: documents.forms imports documents.models, which imports this module
            from documents.forms import DraftCommentForm

            context["comments_open"] = self.comments_open()
            context.setdefault("comment_form", DraftCommentForm())
            if context["comments_open"]:
                context["personal_data_notice"] = comment_notice(context.get("unit"), request)
            context["comment_sent"] = request.GET.get("gop-y") == "da-gui"
            context["consultation"] = self.consultation_state()
            if self.has_outcome():
                context["outcome_report"] = self.outcome_report
        return context


def comment_notice(unit, request):
    """What a visitor commenting on a draft is told about their name and contact (sites.personal_data)."""
    return personal_data_notice(
        unit=unit,
        purpose=gettext(
            "to receive and consider your comment on this draft, and to contact you about it if needed."
        ),
        retention_days=settings.PORTAL_COMMENT_CONTACT_DAYS,
        request=request,
        data_kinds=[
            gettext("your name"),
            gettext("your e-mail address or phone number"),
            gettext("your comment"),
        ],
        closed_when=gettext("the consultation on this draft ends"),
    )


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Not read yet")
    OK = "ok", _("Searchable")
    SCANNED = "scanned", _("Scanned, not searchable: attach a PDF with a text layer")
    UNSUPPORTED = "unsupported", _("Not read (only PDF and DOCX are)")
    ERROR = "error", _("Could not be read")
    TOO_LARGE = (
        "too_large",
        _("Too large to read in full (size, pages or time limit): split the file or attach a lighter one"),
    )


class LegalDocumentAttachment(Orderable):
    page = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "assets.CustomDocument", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(_("label"), max_length=255, blank=True, help_text=_("Empty: the file's title."))
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    text_status = models.CharField(
        _("text"), max_length=20, choices=TextStatus.choices, default=TextStatus.PENDING, editable=False
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")


class RelationKind(models.TextChoices):
    REPLACES = "replaces", _("Replaces")
    AMENDS = "amends", _("Amends")


INCOMING_LABELS = {RelationKind.REPLACES: _("Replaced by"), RelationKind.AMENDS: _("Amended by")}


class LegalDocumentRelation(Orderable):
    source = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")

    @property
    def incoming_label(self):
        return INCOMING_LABELS[self.kind]

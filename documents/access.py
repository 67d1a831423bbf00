"""The access-to-information section of every unit (/tiep-can-thong-tin/): Luật Tiếp cận thông tin 2016,
Art. 17 (information disclosed proactively) and Nghị định 13/2018/NĐ-CP, Art. 11 (the section of the portal).

The list of information disclosed is generated from ``home.registry.disclosure_items`` (every feature app
says what it publishes, where and when), never typed; the unit types only its focal point for requests.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.models import Page

from documents.disclosure import latest_documents
from home.forms import UnitBoundPageForm
from home.mixins import FoldedTitleMixin, ReviewDateMixin, UnitContextMixin
from home.registry import disclosure_items

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 .()\-]{6,22}[0-9]$",
    _("Enter a phone number: digits, spaces, dots or dashes, for example 0259 3864 123."),
)


class AccessInformationForm(UnitBoundPageForm):
    """The edit form: a published access page names its focal point and how to reach it."""

    def clean(self):
        data = super().clean()
        for name in ("focal_name", "focal_position", "focal_address"):
            if name in self.fields and not (data.get(name) or "").strip():
                self.add_error(name, _("The law asks for this: fill it in."))
        if "focal_phone" in self.fields and not (data.get("focal_phone") or data.get("focal_email")):
            self.add_error("focal_phone", _("Give a phone number or an e-mail address (preferably both)."))
        return data


class AccessInformationPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """A unit's access-to-information page: what it discloses (generated), the categories still empty, its
    focal point for requests, the request form and how to send a request."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    focal_name = models.CharField(_("focal point: name"), max_length=120, blank=True)
    focal_position = models.CharField(_("focal point: position and department"), max_length=255, blank=True)
    focal_address = models.CharField(_("address for requests"), max_length=255, blank=True)
    focal_phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    focal_fax = models.CharField(_("fax"), max_length=30, blank=True, validators=[phone_validator])
    focal_email = models.EmailField(_("e-mail for requests"), blank=True)
    complaints_email = models.EmailField(
        _("e-mail for complaints"),
        blank=True,
        help_text=_(
            "Where citizens send feedback, complaints and denunciations about access to information "
            "(Nghị định 13/2018/NĐ-CP, Art. 11). Empty: the e-mail for requests."
        ),
    )
    focal_hours = models.CharField(
        _("reception hours"),
        max_length=255,
        blank=True,
        help_text=_("For example: Monday to Friday, 7:30–11:30 and 13:30–17:00"),
    )
    request_form = models.ForeignKey(
        "assets.CustomDocument",
        verbose_name=_("request form (form 01a)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "“Phiếu yêu cầu cung cấp thông tin”, form 01a annexed to Nghị định 13/2018/NĐ-CP "
            "(a citizen's request)."
        ),
    )
    request_form_group = models.ForeignKey(
        "assets.CustomDocument",
        verbose_name=_("request form (form 01b)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Form 01b annexed to Nghị định 13/2018/NĐ-CP (a request made through a representative)."),
    )
    consent_form = models.ForeignKey(
        "assets.CustomDocument",
        verbose_name=_("consent form (form 06)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Form 06 annexed to Nghị định 13/2018/NĐ-CP (written consent of the person concerned)."),
    )
    rules_document = models.ForeignKey(
        "assets.CustomDocument",
        verbose_name=_("rules on providing information"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The unit's “quy chế cung cấp thông tin” (Law on Access to Information 2016, Art. 34(1)(h))."
        ),
    )
    how_to_request = RichTextField(
        _("how to send a request"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Empty: the standard text (in person, by post, fax or e-mail, with the form)."),
    )
    conditional_access = RichTextField(
        _("information accessible on conditions"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "The list of information citizens may access only on conditions (Law on Access to Information "
            "2016, Art. 7; Nghị định 13/2018/NĐ-CP, Art. 6(1))."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("focal_name"), FieldPanel("focal_position")]),
                FieldPanel("focal_address"),
                FieldRowPanel([FieldPanel("focal_phone"), FieldPanel("focal_fax")]),
                FieldRowPanel([FieldPanel("focal_email"), FieldPanel("complaints_email")]),
                FieldPanel("focal_hours"),
            ],
            heading=_("Focal point for information requests"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("request_form"),
                FieldPanel("request_form_group"),
                FieldPanel("consent_form"),
                FieldPanel("rules_document"),
            ],
            heading=_("Forms and rules to download"),
        ),
        FieldPanel("how_to_request"),
        FieldPanel("conditional_access"),
    ]
    settings_panels = [*Page.settings_panels, *ReviewDateMixin.review_panels]

    base_form_class = AccessInformationForm
    template = "documents/access_information_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("access to information page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit = context.get("unit")
        items = disclosure_items(unit=unit, request=request) if unit is not None else []
        latest = latest_documents(unit, request) if unit is not None else {}
        context["disclosed"] = [DisclosedItem(item, latest.get(item.key, [])) for item in items if item.count]
        context["empty_items"] = [item for item in items if not item.count]
        context["downloads"] = self.downloads()
        return context

    def downloads(self):
        """``[(label, document)]`` of the forms and rules attached, in one query."""
        fields = [
            ("request_form", _("Request form (form 01a)")),
            ("request_form_group", _("Request form through a representative (form 01b)")),
            ("consent_form", _("Consent of the person concerned (form 06)")),
            ("rules_document", _("Rules on providing information")),
        ]
        ids = {name: getattr(self, f"{name}_id") for name, _label in fields}
        files = get_document_model().objects.in_bulk([pk for pk in ids.values() if pk])
        return [(label, files[ids[name]]) for name, label in fields if ids[name] in files]


class DisclosedItem:
    """A ``DisclosureItem`` with the latest items it lists (documents; empty for other apps' items)."""

    def __init__(self, item, latest):
        self.item, self.latest = item, latest

    def __getattr__(self, name):
        return getattr(self.item, name)

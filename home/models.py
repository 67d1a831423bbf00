from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import HomeStreamBlock
from home.mixins import FoldedTitleMixin, ReviewDateMixin, UnitContextMixin
from home.registry import render_panels
from home.validators import validate_email, validate_phone
from sites.cache import remember
from sites.selectors import child_units, public, unit_for_request

ALT_REQUIRED = _("Describe the image for readers who cannot see it (its alt text).")
CHART_TEXT_REQUIRED = _("Describe the organisation chart in words for readers who cannot see it.")


class HomePage(UnitContextMixin, FoldedTitleMixin, Page):
    """The root page of one unit's site."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]

    template = "home/home_page.html"
    # Homes sit only under the portal container (a plain Page); see docs/architecture.md.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "documents.DocumentIndexPage",
        "home.IntroductionPage",
        "procedures.ProcedureIndexPage",
        "documents.AccessInformationPage",
        "agenda.ScheduleIndexPage",
        "questions.QuestionIndexPage",
        "home.StandardPage",
        "home.ArchivePage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def for_new_unit(cls, *, title, slug):
        return cls(title=title, slug=slug, live=True)

    def route(self, request, path_components):
        if path_components and request is not None and not getattr(request, "is_preview", False):
            # A section: its type and id are kept per process for the unit (a publication, a move or a
            # deletion under it replaces the unit's token), so it is read with its own fields in one query
            # (Wagtail reads the page, then its specific row). A slug not known there takes Wagtail's way.
            unit = unit_for_request(request)
            if unit is not None:
                known = remember(request, f"sections:{self.pk}", unit.pk, self._sections)
                model_label, pk = known.get(path_components[0], (None, None))
                model = apps.get_model(model_label) if model_label else None
                child = model.objects.filter(pk=pk, path__startswith=self.path).first() if model else None
                if child is not None and child.slug == path_components[0]:
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _sections(self):
        """``{slug: (model label, id)}`` of the pages directly under this home."""
        children = self.get_children().values_list(
            "slug", "pk", "content_type__app_label", "content_type__model"
        )
        return {slug: (f"{app_label}.{model}", pk) for slug, pk, app_label, model in children}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit = context["unit"]
        if unit is not None and request is not None:
            context["child_units"] = remember(
                request, "child-units", unit.pk, lambda: list(child_units(unit))
            )
        else:
            context["child_units"] = list(child_units(unit)) if unit else []
        context["home_panels"] = render_panels(page=self, unit=unit, request=request, context=context)
        return context


class ArchivePage(UnitContextMixin, FoldedTitleMixin, Page):
    """ "Lưu trữ <unit>": what a unit merged into this one had on its site, kept readable (issue #21).

    Made only by ``restructuring.merge`` (never from the admin's "add page"); it lists its children, which
    keep their own page types (a news index, an introduction ...) even where those usually sit under a home.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    template = "home/archive_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("archive of a merged unit")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().order_by("path")
        context["archived_pages"] = public(children, request) if request is not None else children.public()
        return context


class StandardPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """A plain content page (the introduction's organisation, duties, natural conditions, history ...)."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = FoldedTitleMixin.search_fields + [index.SearchField("body")]

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage", "home.IntroductionPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class IntroductionPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """The introduction ("Giới thiệu") at /gioi-thieu/: a short presentation of the unit and the list of its
    sub-pages (organisation, functions and duties, natural conditions, history, map, leaders, contacts)."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = FoldedTitleMixin.search_fields + [index.SearchField("body")]

    template = "home/introduction_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.OrganisationPage",
        "home.StandardPage",
        "home.AdministrativeMapPage",
        "home.ContactPage",
        "news.LeadersPage",  # a string: home does not import news
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("introduction page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # base pages only (title, address, summary): one query whatever their types
        children = self.get_children().live().only("title", "url_path", "path", "depth", "search_description")
        context["sections"] = list(public(children, request) if request is not None else children.public())
        return context


class OrganisationPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """The organisation structure ("Cơ cấu tổ chức") of the agency and its units, with its organisation chart
    (sơ đồ tổ chức, Luật Tiếp cận thông tin 2016, Art. 19(1)(đ)) as an image and the same structure in
    words."""

    chart = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("organisation chart"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chart_alt = models.CharField(
        _("alt text"), max_length=255, blank=True, help_text=_("Empty: the image's own description.")
    )
    chart_text = models.TextField(
        _("the chart in words"),
        blank=True,
        help_text=_(
            "Required with a chart: who leads, which offices and units report to whom, one per line. Shown "
            "under the chart for readers who cannot see it."
        ),
    )
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("chart"), FieldPanel("chart_alt"), FieldPanel("chart_text")],
            heading=_("Organisation chart"),
        ),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = FoldedTitleMixin.search_fields + [
        index.SearchField("chart_text"),
        index.SearchField("body"),
    ]

    template = "home/organisation_page.html"
    parent_page_types = ["home.IntroductionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisation page")

    def clean(self):
        super().clean()
        _alt_from_image(self, "chart", "chart_alt")
        if self.chart_id is not None and not self.chart_text.strip():
            raise ValidationError({"chart_text": CHART_TEXT_REQUIRED})


def _alt_from_image(obj, image_field, alt_field):
    """An image shown publicly needs its alt text: the one typed, else the image's own description (Wagtail's
    alt text); neither is an error on the alt field."""
    image = getattr(obj, image_field)
    if image is None:
        return
    if not getattr(obj, alt_field).strip():
        setattr(obj, alt_field, (image.default_alt_text or "").strip())
    if not getattr(obj, alt_field):
        raise ValidationError({alt_field: ALT_REQUIRED})


class AdministrativeMapPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """The unit's administrative map: an image with its alt text and caption, and optionally the map as a file
    to download. No third-party map scripts: it is a picture, readable without JavaScript."""

    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("map image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.TextField(
        _("alt text"),
        blank=True,
        help_text=_(
            "What the map shows, for readers who cannot see it (the villages, neighbouring units, main "
            "roads). Empty: the image's own description."
        ),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    map_file = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("file to download"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the map in full resolution (PDF or image)."),
    )
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("caption"), FieldPanel("map_file")],
            heading=_("Map"),
        ),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = FoldedTitleMixin.search_fields + [index.SearchField("caption"), index.SearchField("body")]

    template = "home/administrative_map_page.html"
    parent_page_types = ["home.IntroductionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("administrative map page")

    def clean(self):
        super().clean()
        _alt_from_image(self, "image", "image_alt")


class ContactPage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """Contact information ("Thông tin liên hệ"): the agency's contact details and its press spokesperson's
    (người phát ngôn), both required of an agency portal. Empty agency fields show the unit's settings
    (address, phone, e-mail)."""

    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True, validators=[validate_phone])
    fax = models.CharField(_("fax"), max_length=64, blank=True, validators=[validate_phone])
    email = models.CharField(_("e-mail"), max_length=254, blank=True, validators=[validate_email])
    working_hours = models.TextField(
        _("working hours"), blank=True, help_text=_("e.g. Monday to Friday, 7:00–11:30 and 13:30–17:00.")
    )
    spokesperson_name = models.CharField(_("spokesperson's name"), max_length=120, blank=True)
    spokesperson_position = models.CharField(_("spokesperson's position"), max_length=255, blank=True)
    spokesperson_phone = models.CharField(
        _("spokesperson's phone"), max_length=64, blank=True, validators=[validate_phone]
    )
    spokesperson_email = models.CharField(
        _("spokesperson's e-mail"), max_length=254, blank=True, validators=[validate_email]
    )
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
            ],
            heading=_("The agency"),
            help_text=_("Empty fields show the unit's address, phone and e-mail from its settings."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("spokesperson_name"),
                FieldPanel("spokesperson_position"),
                FieldPanel("spokesperson_phone"),
                FieldPanel("spokesperson_email"),
            ],
            heading=_("Press spokesperson"),
        ),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = FoldedTitleMixin.search_fields + [index.SearchField("address"), index.SearchField("body")]

    template = "home/contact_page.html"
    parent_page_types = ["home.IntroductionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

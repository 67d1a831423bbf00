"""Administrative units, each served as its own Wagtail site."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    TOWN = "town", _("Town")


# Which levels a unit of each level may sit under. Since the 2025 reform a province
# has communes and wards directly; historical districts keep their own units.
ALLOWED_PARENT_LEVELS = {
    UnitLevel.PROVINCE: set(),
    UnitLevel.DISTRICT: {UnitLevel.PROVINCE},
    UnitLevel.COMMUNE: {UnitLevel.PROVINCE, UnitLevel.DISTRICT},
    UnitLevel.WARD: {UnitLevel.PROVINCE, UnitLevel.DISTRICT},
    UnitLevel.TOWN: {UnitLevel.PROVINCE, UnitLevel.DISTRICT},
}
# Levels that may head an installation (have no parent).
TOP_LEVELS = {UnitLevel.PROVINCE, UnitLevel.DISTRICT}


class UnitQuerySet(models.QuerySet):
    """The unit queries the selectors build on (``sites.selectors`` is the API other apps call)."""

    def with_site(self):
        """With the unit's site and home page loaded: what every unit-tree question reads."""
        return self.select_related("site__root_page")

    def for_member(self, user, *, approvers_only=False):
        """Units ``user`` belongs to, as editor or approver (approvers only if asked)."""
        groups = user.groups.all()
        membership = models.Q(approvers_group__in=groups)
        if not approvers_only:
            membership |= models.Q(editors_group__in=groups)
        return self.filter(membership).distinct()

    def active(self):
        return self.filter(dissolved_at__isnull=True)


class ActiveUnitManager(models.Manager.from_queryset(UnitQuerySet)):
    """The default manager: units in service. A unit merged into another (``dissolved_at`` set) is kept, with
    its site answering redirects and its past figures in the statistics, but no list, menu or choice shows it;
    ``Unit.all_objects`` reads every unit (restructuring, statistics of past periods)."""

    def get_queryset(self):
        return super().get_queryset().filter(dissolved_at__isnull=True)


class Unit(models.Model):
    """An administrative unit (province, district, commune, ward, town).

    Each unit owns a Wagtail ``Site`` (its hostname and root home page), a
    collection for its images and files, and two groups whose page and
    collection permissions reach only that unit's subtree and collection.
    The top unit's approvers are the editorial board (Ban Biên tập).
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    level = models.CharField(_("level"), max_length=16, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        related_name="unit",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="unit",
    )
    editors_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="unit_as_editors"
    )
    approvers_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="unit_as_approvers"
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # Restructuring (issue #21): a unit merged into another keeps its row, site, groups and collection
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )
    dissolved_at = models.DateTimeField(_("dissolved at"), null=True, blank=True)

    objects = ActiveUnitManager()
    all_objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["sort_order", "name"]
        base_manager_name = "all_objects"

    def __str__(self):
        return self.name

    @property
    def is_dissolved(self):
        return self.dissolved_at is not None

    @property
    def is_top(self):
        return self.parent_id is None

    @property
    def root_page(self):
        return self.site.root_page

    @property
    def root_url(self):
        return self.site.root_url


@register_setting(icon="home")
class UnitSettings(BaseSiteSetting):
    """Per-site public information, including the footer lines the law requires."""

    full_name = models.CharField(
        _("full name"),
        max_length=255,
        help_text=_("Shown in the header, e.g. the portal's full title."),
    )
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    emblem = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("emblem or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    managing_agency = models.CharField(_("managing agency"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=255, blank=True)
    editor_in_chief = models.CharField(_("person responsible"), max_length=255, blank=True)
    introduction = models.TextField(_("short introduction"), blank=True)
    # English twins (sites.bilingual): shown on English pages; where empty the Vietnamese text is shown.
    full_name_en = models.CharField(_("full name in English"), max_length=255, blank=True)
    short_name_en = models.CharField(_("short name in English"), max_length=100, blank=True)
    address_en = models.CharField(_("address in English"), max_length=255, blank=True)
    managing_agency_en = models.CharField(_("managing agency in English"), max_length=255, blank=True)
    licence_en = models.CharField(_("licence in English"), max_length=255, blank=True)
    editor_in_chief_en = models.CharField(_("person responsible in English"), max_length=255, blank=True)
    introduction_en = models.TextField(_("short introduction in English"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("short_name"), FieldPanel("emblem")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("managing_agency"),
                FieldPanel("licence"),
                FieldPanel("editor_in_chief"),
            ],
            heading=_("Legal information"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("full_name_en"),
                FieldPanel("short_name_en"),
                FieldPanel("address_en"),
                FieldPanel("managing_agency_en"),
                FieldPanel("licence_en"),
                FieldPanel("editor_in_chief_en"),
                FieldPanel("introduction_en"),
            ],
            heading=_("In English"),
            help_text=_(
                "Shown on the English pages; leave a box empty to show the Vietnamese text there. The unit's "
                "English name is the title of its English home page."
            ),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("unit information")
        verbose_name_plural = _("unit information")

    def __str__(self):
        return self.full_name or str(self.site)

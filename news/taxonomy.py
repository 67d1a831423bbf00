"""News taxonomy: categories (shared defaults, each unit may add its own) and tracked officials."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from sites.permissions import UnitOwnedForm

# Also created by migration 0003 (which keeps its own copy).
DEFAULT_CATEGORIES = [
    ("hoat-dong-lanh-dao", "Hoạt động lãnh đạo"),
    ("kinh-te-xa-hoi", "Kinh tế - Xã hội"),
    ("quoc-phong-an-ninh", "Quốc phòng - An ninh"),
    ("xay-dung-dang", "Xây dựng Đảng"),
    ("van-hoa-xa-hoi", "Văn hóa - Xã hội"),
    ("y-te-phong-chong-dich", "Y tế - Phòng chống dịch"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("thong-bao", "Thông báo"),
]


class CategoryQuerySet(models.QuerySet):
    def for_unit(self, unit):
        """Shared categories plus the unit's own."""
        if unit is None:
            return self.filter(unit__isnull=True)
        return self.filter(Q(unit__isnull=True) | Q(unit=unit))


class Category(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    unit = models.ForeignKey(
        "portal_sites.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="news_categories",
        help_text=_("Empty: a shared category for every unit."),
    )
    requires_source = models.BooleanField(
        _("requires a source"),
        default=False,
        help_text=_("Articles in this category must name their source (e.g. health and epidemics)."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    objects = CategoryQuerySet.as_manager()

    base_form_class = UnitOwnedForm
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("unit"), FieldPanel("requires_source")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("unit")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(unit__isnull=True), name="uniq_shared_category"
            ),
            models.UniqueConstraint(fields=["unit", "slug"], name="uniq_unit_category"),
        ]

    def __str__(self):
        return self.name


class Official(index.Indexed, models.Model):
    """A leader whose activities the board wants covered (Bí thư, Phó Bí thư thường trực, Chủ tịch ...)."""

    name = models.CharField(_("name"), max_length=120)
    position = models.CharField(_("position"), max_length=255)
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="officials"
    )
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    base_form_class = UnitOwnedForm
    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("unit"), FieldPanel("active")]
    search_fields = [index.SearchField("name"), index.SearchField("position"), index.FilterField("unit")]

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["unit", "sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}"


class BannedPhrase(models.Model):
    """A phrase the editorial board does not allow (or warns about) in articles."""

    phrase = models.CharField(_("phrase"), max_length=255, unique=True)
    blocks_submission = models.BooleanField(
        _("blocks submission"),
        default=True,
        help_text=_("Unticked: only a warning shown to the approvers."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldPanel("phrase"), FieldPanel("blocks_submission"), FieldPanel("note")]

    class Meta:
        verbose_name = _("banned phrase")
        verbose_name_plural = _("banned phrases")
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase

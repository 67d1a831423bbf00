"""News taxonomy: categories (shared defaults, each unit may add its own) and tracked officials."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from home.forms import IMAGE_ERROR
from home.text import tokens
from home.validators import validate_email, validate_phone
from sites.permissions import UnitOwnedForm
from sites.selectors import collections_usable_by

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


# Where a position sits on the public list of leaders when the editor leaves the order at 0: the first pattern
# found in the folded position (no diacritics, "ủy" and "uỷ" alike) gives its rank. More specific first.
POSITION_RANKS = [
    ("pho bi thu thuong truc", 20),
    ("pho bi thu", 30),
    ("bi thu", 10),
    ("pho chu tich hdnd", 60),
    ("pho chu tich hoi dong nhan dan", 60),
    ("pho chu tich ubnd", 70),
    ("pho chu tich uy ban nhan dan", 70),
    ("chu tich hdnd", 40),
    ("chu tich hoi dong nhan dan", 40),
    ("chu tich ubnd", 50),
    ("chu tich uy ban nhan dan", 50),
    ("pho chu tich uy ban mat tran", 90),
    ("pho chu tich uy ban mttq", 90),
    ("chu tich uy ban mat tran", 80),
    ("chu tich uy ban mttq", 80),
    ("pho chu tich", 75),
    ("chu tich", 55),
    ("uy vien", 100),
]
OTHER_POSITION_RANK = 500


def rank_for_position(position):
    """The default place of ``position`` on the leaders' list (lower first): Bí thư, Phó Bí thư thường trực,
    Phó Bí thư, Chủ tịch HĐND, Chủ tịch UBND, Phó Chủ tịch HĐND, Phó Chủ tịch UBND ..., others last."""
    folded = " ".join(tokens(position or ""))
    for pattern, rank in POSITION_RANKS:
        if pattern in folded:
            return rank
    return OTHER_POSITION_RANK


class OfficialQuerySet(models.QuerySet):
    def public(self):
        """Leaders shown on the unit's public list: still in office and marked to be shown."""
        return self.filter(active=True, shown_publicly=True)


class OfficialForm(UnitOwnedForm):
    """The unit confinement of ``UnitOwnedForm``, and the photo from the unit's images or the shared ones."""

    def clean(self):
        cleaned = super().clean()
        photo, unit = cleaned.get("photo"), cleaned.get("unit")
        usable = collections_usable_by(unit) if photo is not None and unit is not None else None
        if usable is not None and not usable.filter(pk=photo.collection_id).exists():
            self.add_error("photo", IMAGE_ERROR)
        return cleaned


class Official(index.Indexed, models.Model):
    """A leader of a unit (Bí thư, Phó Bí thư thường trực, Chủ tịch ...): tracked for the coverage statistics
    and, when ``shown_publicly``, listed on the unit's /gioi-thieu/lanh-dao/. A leader who leaves office
    (``active`` unticked) keeps their articles and statistics but drops off the public list."""

    name = models.CharField(_("name"), max_length=120)
    position = models.CharField(_("position"), max_length=255)
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="officials"
    )
    active = models.BooleanField(
        _("in office"), default=True, help_text=_("Untick when the leader leaves: their articles stay.")
    )
    sort_order = models.PositiveIntegerField(
        _("sort order"),
        default=0,
        help_text=_(
            "Place on the public list (lower first). 0: from the position (Secretary, Chairman ...)."
        ),
    )
    shown_publicly = models.BooleanField(
        _("shown publicly"),
        default=False,
        help_text=_("Listed on the unit's leaders page with the details below."),
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=255,
        blank=True,
        help_text=_("Required with a photo; empty: the image's own description."),
    )
    department = models.CharField(
        _("department"),
        max_length=255,
        blank=True,
        help_text=_("Where the leader works (đơn vị công tác), e.g. People's Committee of the commune."),
    )
    consent_recorded = models.BooleanField(
        _("consent to publish photo and biography recorded"),
        default=False,
        help_text=_(
            "Photo and biography are personal data: they are shown publicly only once the leader's written "
            "consent is on file (Decree 13/2023/ND-CP, Article 17). Name, position, department and the "
            "official phone and e-mail are shown without it."
        ),
    )
    term = models.CharField(_("term"), max_length=50, blank=True, help_text=_("e.g. 2021–2026"))
    duties = models.TextField(
        _("duties"), blank=True, help_text=_("The fields and tasks the leader is in charge of.")
    )
    biography = models.TextField(_("biography"), blank=True)
    office_phone = models.CharField(
        _("office phone"),
        max_length=64,
        blank=True,
        validators=[validate_phone],
        help_text=_("The official office line, not a personal mobile number."),
    )
    office_fax = models.CharField(_("office fax"), max_length=64, blank=True, validators=[validate_phone])
    office_email = models.CharField(
        _("office e-mail"),
        max_length=254,
        blank=True,
        validators=[validate_email],
        help_text=_("The official address (…@….gov.vn), not a personal mailbox."),
    )

    objects = OfficialQuerySet.as_manager()

    base_form_class = OfficialForm
    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("shown_publicly"),
                FieldPanel("sort_order"),
                FieldPanel("department"),
                FieldPanel("term"),
                FieldPanel("duties"),
                FieldPanel("office_phone"),
                FieldPanel("office_fax"),
                FieldPanel("office_email"),
                FieldPanel("consent_recorded"),
                FieldPanel("photo"),
                FieldPanel("photo_alt"),
                FieldPanel("biography"),
            ],
            heading=_("Public profile"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("position"), index.FilterField("unit")]

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["unit", "sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}"

    def save(self, *args, **kwargs):
        if not self.sort_order:
            self.sort_order = rank_for_position(self.position)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.photo_id is not None:
            if not self.photo_alt.strip():
                self.photo_alt = (self.photo.default_alt_text or "").strip()
            if not self.photo_alt:
                raise ValidationError({"photo_alt": PHOTO_ALT_REQUIRED})


PHOTO_ALT_REQUIRED = _(
    "Describe the photo for readers who cannot see it (e.g. the leader's name and position)."
)


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

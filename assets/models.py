"""Custom image and document models, created with the first migration because
Wagtail cannot switch to custom ones cheaply later."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    # Wagtail's own ``description`` field is the alt text.
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Purely decorative images get an empty alt text."),
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit", "decorative")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        if self.decorative:
            return ""
        return super().default_alt_text


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")


class FileVersion(models.Model):
    """A file or image as it was before it was replaced (its file, title and public description).

    Replacing a file in use is the editorial board's act (``assets.services.record_version``); every
    replacement keeps the earlier version here, so the board can always tell which file the public got
    when. The old file stays in storage under its old name (a version whose file did not change, only
    its title or alt text, has no file of its own)."""

    document = models.ForeignKey(
        CustomDocument,
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="versions",
    )
    image = models.ForeignKey(
        CustomImage,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="versions",
    )
    file = models.FileField(_("file"), max_length=255, blank=True)
    title = models.CharField(_("title"), max_length=255)
    # Image texts the public saw with it: alt text (description), caption, credit, decorative.
    details = models.JSONField(_("details"), default=dict, blank=True)
    checksum = models.CharField(_("checksum (SHA-1)"), max_length=40, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)
    public_from = models.DateTimeField(_("current from"), null=True, blank=True)
    public_until = models.DateTimeField(_("replaced at"), db_index=True)
    # Pages (id, title) that showed it to the public when it was replaced.
    used_by = models.JSONField(_("used by"), default=list, blank=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("earlier file version")
        verbose_name_plural = _("earlier file versions")
        ordering = ["-public_until", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(document__isnull=False, image__isnull=False),
                name="file_version_one_owner",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.public_until:%d/%m/%Y %H:%M})"

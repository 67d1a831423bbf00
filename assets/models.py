"""Custom image and document models, created with the first migration because
Wagtail cannot switch to custom ones cheaply later."""

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

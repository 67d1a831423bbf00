"""A take-down: the board unpublished a live page with a reason; its public path then answers 410 Gone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TakeDown(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="takedowns")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(_("public path"), max_length=1024, db_index=True)
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("take-down")
        verbose_name_plural = _("take-downs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.path} ({self.created_at:%d/%m/%Y})"

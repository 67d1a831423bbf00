from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleTarget(models.Model):
    """The number of articles the editorial board expects from a unit each month."""

    unit = models.OneToOneField(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="article_target"
    )
    monthly_articles = models.PositiveIntegerField(_("articles per month"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("monthly article target")
        verbose_name_plural = _("monthly article targets")

    def __str__(self):
        return f"{self.unit}: {self.monthly_articles}"

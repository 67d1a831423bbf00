"""What restructuring units leaves behind (issue #21): the hostnames a unit answered before, and where each
moved page came from, so that old addresses redirect and past statistics keep their units."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FormerHostname(models.Model):
    """A hostname a unit no longer uses (renamed or merged): any request to it is redirected permanently to
    the same path on ``unit``'s site (``sites.middleware.FormerHostnameMiddleware``)."""

    hostname = models.CharField(_("hostname"), max_length=255, unique=True)
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="former_hostnames"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("former hostname")
        verbose_name_plural = _("former hostnames")
        ordering = ["hostname"]

    def __str__(self):
        return self.hostname


class ContentMove(models.Model):
    """A page moved from one unit to another by a restructuring. Statistics count a page for ``from_unit``
    when its date is before ``moved_at`` (a past period shows the units as they were)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="unit_moves")
    from_unit = models.ForeignKey(
        "portal_sites.Unit", on_delete=models.PROTECT, related_name="content_moved_out"
    )
    to_unit = models.ForeignKey(
        "portal_sites.Unit", on_delete=models.PROTECT, related_name="content_moved_in"
    )
    old_url = models.CharField(_("old address"), max_length=1024)
    moved_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("moved page")
        verbose_name_plural = _("moved pages")
        ordering = ["moved_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "from_unit"], name="content_move_once_per_unit")
        ]

    def __str__(self):
        return f"{self.old_url} ({self.from_unit} → {self.to_unit})"

"""What was brought in from a legacy portal: one row per imported item, one per import run."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One article, static page or document taken from a legacy source, and the page it became.

    ``(source, kind, key)`` is the identity that makes an import idempotent: a second run finds the row,
    compares ``checksum`` with the source content's and leaves the page alone when they are equal.
    """

    source = models.CharField(_("source"), max_length=255)  # "nukeviet:<db>:<prefix>", "pages:<config stem>"
    kind = models.CharField(_("kind"), max_length=32)  # "news" | "page" | "document"
    key = models.CharField(_("key"), max_length=512)  # the source's id or URL
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_url = models.CharField(_("old URL"), max_length=1024, blank=True)
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="legacy_unique_imported_item")
        ]

    def __str__(self):
        return f"{self.source} {self.kind} {self.key}"


class ImportRun(models.Model):
    """One run of an import command: its options, its counts and where its report went."""

    source = models.CharField(_("source"), max_length=255)
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    options = models.JSONField(_("options"), default=dict, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    report_path = models.CharField(_("report"), max_length=1024, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} → {self.unit_id} ({self.started_at:%Y-%m-%d %H:%M})"

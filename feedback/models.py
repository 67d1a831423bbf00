"""A visitor's answer to "Thông tin có hữu ích không?" under a public page (issue #19 §5)."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from feedback.personal_data import personal_data_labels

COMMENT_MAX_LENGTH = 500


class PageRating(models.Model):
    """One yes/no answer about a page, with an optional comment the page's unit moderates before anyone
    else in the admin sees it. Nothing personal is kept: the address only as a salted hash, to spot floods.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="page_ratings"
    )
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    # A rating without a comment has nothing to moderate: it is approved as it comes (spam is still
    # possible, to leave a flood out of the counts).
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    # Empty once older than PORTAL_FEEDBACK_HASH_DAYS (services.forget_old_addresses): personal data.
    address_hash = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["unit", "status", "-created_at"], name="feedback_unit_status_idx"),
            models.Index(fields=["page", "useful"], name="feedback_page_useful_idx"),
        ]

    def __str__(self):
        answer = _("useful") if self.useful else _("not useful")
        return f"{answer}: {self.comment[:60]}" if self.comment else str(answer)

    @property
    def has_comment(self):
        return bool(self.comment)

    @cached_property
    def personal_data(self):
        """What in the comment looks like personal data (a phone, ID card or e-mail), flagged for the
        moderator; empty when nothing does."""
        return personal_data_labels(self.comment)

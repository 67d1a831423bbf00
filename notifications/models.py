from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One e-mail sent to one person about one event.

    The unique (key, recipient) pair is what makes delivery exactly-once: a retried or repeated
    task finds the row and sends nothing.
    """

    key = models.CharField(_("event key"), max_length=120)
    event = models.CharField(_("event"), max_length=40, db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_notifications"
    )
    email = models.EmailField(_("e-mail address"))
    subject = models.CharField(_("subject"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["key", "recipient"], name="uniq_notification")]

    def __str__(self):
        return f"{self.event} → {self.email}"

"""Take-down: the editorial board unpublishes a page of any unit with a mandatory reason.

The page's public URL then answers 410 Gone with a short notice instead of a 404, so readers
and search engines learn that the content was withdrawn on purpose.
"""

from django.conf import settings
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

TAKEDOWN_ACTION = "portal.takedown"

# Sent inside the take-down's transaction with ``takedown=``; receivers defer work to commit.
page_taken_down = Signal()


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


def is_board_member(user):
    """Superuser or member of the top unit's approvers (the editorial board).

    Asked for every row of an admin page listing, so the answer is kept on the user object.
    """
    from sites.selectors import top_unit

    if user.is_superuser:
        return True
    if "_is_board_member" not in user.__dict__:
        top = top_unit()
        user.__dict__["_is_board_member"] = (
            top is not None and user.groups.filter(pk=top.approvers_group_id).exists()
        )
    return user.__dict__["_is_board_member"]


def can_take_down(user, page):
    return page.live and is_board_member(user) and page.permissions_for_user(user).can_unpublish()


@transaction.atomic
def take_down(*, page, user, reason):
    """Unpublish ``page`` (and keep its URL answering 410), recording who did it and why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a reason is required")
    page = page.specific
    site = page.get_site()
    url_parts = page.get_url_parts()
    path = url_parts[2] if url_parts else page.url_path
    page.unpublish(user=user, log_action=None)
    takedown = TakeDown.objects.create(page=page, site=site, path=path, reason=reason, user=user)
    log(instance=page, action=TAKEDOWN_ACTION, user=user, data={"reason": reason})
    page_taken_down.send(sender=TakeDown, takedown=takedown)
    return page


def find_takedown(request):
    """The active take-down for this request's site and path, if any."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    return TakeDown.objects.filter(site=site, path=request.path, active=True, page__live=False).first()

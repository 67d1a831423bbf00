"""The personal data of comments on drafts (name and contact), for ``sites.personal_data``: found, exported
and erased for one person on request, and erased for everyone ``PORTAL_COMMENT_CONTACT_DAYS`` after the
consultation closed. Registered in ``documents/wagtail_hooks.py`` (``sites.registry.PERSONAL_DATA_HOOK``)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import DraftComment
from sites.cache import pages_changed
from sites.personal_data import erased_name, with_contact
from sites.selectors import unit_for_path, units_with_roots


def _iso(value):
    return value.isoformat() if value is not None else None


class DraftCommentData:
    key = "documents.draftcomment"
    label = _("Comments on drafts")

    def find(self, *, units, contact):
        """The comments signed with ``contact`` on drafts of ``units`` (not yet erased)."""
        wanted = {unit.pk for unit in units}
        if not wanted:
            return []
        found = with_contact(
            DraftComment.objects.filter(contact_erased_at__isnull=True).select_related("page"),
            contact,
            email_fields=["contact"],
            phone_fields=["contact"],
        )
        every_unit = units_with_roots()
        records = []
        for comment in found.order_by("created_at", "pk"):
            owner = unit_for_path(comment.page.path, every_unit)
            if owner is not None and owner.pk in wanted:
                records.append(comment)
        return records

    def export(self, records):
        return [
            {
                "kind": str(_("comment on a draft")),
                "id": comment.pk,
                "draft": f"{comment.page.number} {comment.page.title}".strip(),
                "draft_url": comment.page.full_url,
                "name": comment.name,
                "contact": comment.contact,
                "comment": comment.body,
                "status": comment.get_status_display(),
                "sent_at": _iso(comment.created_at),
                "consent_at": _iso(comment.consent_at),
                "address_hash": comment.address_hash,
            }
            for comment in records
        ]

    def _erase(self, comments, now):
        ids = [comment.pk for comment in comments]
        pages = {comment.page_id for comment in comments}
        count = DraftComment.objects.filter(pk__in=ids, contact_erased_at__isnull=True).update(
            name=erased_name(), contact="", address_hash="", contact_erased_at=now
        )
        if count:
            pages_changed(pages)  # an accepted comment shows its author's name on the draft's page
        return count

    def erase(self, records, *, reason):
        return self._erase(list(records), timezone.now())

    def erase_expired(self, *, now):
        days = settings.PORTAL_COMMENT_CONTACT_DAYS
        closed_before = timezone.localdate(now) - timedelta(days=days)
        due = list(
            DraftComment.objects.filter(
                contact_erased_at__isnull=True, page__comment_closes__lt=closed_before
            ).only("pk", "page_id")
        )
        return self._erase(due, now) if due else 0


draft_comment_data = DraftCommentData()

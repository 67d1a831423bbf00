"""Public comments on drafts ("Dự thảo lấy ý kiến"): open only between the document's dates,
kept for the unit to moderate, guarded against spam (a honeypot) and flooding (per-address and
per-document limits in the cache)."""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from portal.client_ip import client_ip

PER_ADDRESS_LIMIT = 3  # comments per address and document ...
PER_ADDRESS_WINDOW = 600  # ... within 10 minutes
PER_DOCUMENT_LIMIT = 200  # comments per document and hour, whoever sends them


class DraftComment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected (spam or off topic)")

    page = models.ForeignKey(
        "documents.LegalDocument", verbose_name=_("draft"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("e-mail or phone"), max_length=120)
    body = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    address_hash = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"


class DraftCommentForm(forms.ModelForm):
    # Left empty by people; filled by most bots. Hidden from sight and from screen readers.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    class Meta:
        model = DraftComment
        fields = ["name", "contact", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        error_messages = {
            "name": {"required": _("Please give your name.")},
            "contact": {"required": _("Please give an e-mail address or a phone number.")},
            "body": {"required": _("Please write your comment.")},
        }


def address_hash(request):
    # The same address as every other limiter (a proxy's forwarding header only from a trusted proxy).
    address = client_ip(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def _over_limit(key, limit, window):
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def handle_comment_post(page, request):
    """Store a comment posted to ``page``'s public page; returns the response to send."""
    form = DraftCommentForm(request.POST)
    error = None
    if not page.comments_open():
        error = gettext("Comments on this draft are not open at this time.")
        status = 403
    elif request.POST.get("website"):
        # a bot: answer as if accepted, store nothing
        return HttpResponseRedirect(f"{page.url}?gop-y=da-gui#gop-y")
    elif form.is_valid():
        digest = address_hash(request)
        if _over_limit(
            f"draft-comment:{page.pk}:{digest}", PER_ADDRESS_LIMIT, PER_ADDRESS_WINDOW
        ) or _over_limit(f"draft-comment:{page.pk}", PER_DOCUMENT_LIMIT, 3600):
            error = gettext("Too many comments in a short time. Please try again in a few minutes.")
            status = 429
        else:
            comment = form.save(commit=False)
            comment.page = page
            comment.address_hash = digest
            comment.save()
            return HttpResponseRedirect(f"{page.url}?gop-y=da-gui#gop-y")
    else:
        status = 400
    context = page.get_context(request)
    context.update(comment_form=form, comment_error=error)
    return TemplateResponse(request, page.get_template(request), context, status=status)

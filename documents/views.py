from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from django_ratelimit.core import is_ratelimited

from documents.forms import DraftCommentForm
from documents.models import LegalDocumentAttachment
from documents.services import post_draft_comment
from sites.client_ip import client_ip

# Comments on drafts: at most 3 per address and document in 10 minutes, and 200 per document and hour
# whoever sends them. The address ("ip") is ``sites.client_ip.client_ip`` (RATELIMIT_IP_META_KEY).
PER_ADDRESS_RATE = "3/10m"
PER_DOCUMENT_RATE = "200/h"


@require_GET
def download(request, attachment_id):
    """Count a download of a published document's file, then hand over to Wagtail's file view
    (which applies the collection's privacy rules)."""
    attachment = (
        LegalDocumentAttachment.objects.select_related("document", "page")
        .filter(pk=attachment_id, page__live=True)
        .first()
    )
    if attachment is None or attachment.page.get_view_restrictions().exists():
        raise Http404
    LegalDocumentAttachment.objects.filter(pk=attachment.pk).update(downloads=F("downloads") + 1)
    return redirect(attachment.document.url)


def _whoever_sends(group, request):
    # One count for every sender: the group names the document.
    return "all"


def _comments_flooded(request, page):
    """Count one more comment on ``page``; whether it is over a limit (an address already over it is
    not counted against the document, so that one sender cannot close a draft to everyone)."""
    return is_ratelimited(
        request, group=f"draft-comment:{page.pk}", key="ip", rate=PER_ADDRESS_RATE, increment=True
    ) or is_ratelimited(
        request, group=f"draft-comments:{page.pk}", key=_whoever_sends, rate=PER_DOCUMENT_RATE, increment=True
    )


def post_comment(page, request):
    """A comment posted to the public page of the draft ``page``: stored and redirected to the thanks,
    or the page again with the form's errors (400), closed (403) or too many comments (429)."""
    form = DraftCommentForm(request.POST)
    error = None
    if not page.comments_open():
        error = gettext("Comments on this draft are not open at this time.")
        status = 403
    elif request.POST.get("website"):
        # a bot: answer as if accepted, store nothing
        return HttpResponseRedirect(f"{page.url}?gop-y=da-gui#gop-y")
    elif form.is_valid():
        if _comments_flooded(request, page):
            error = gettext("Too many comments in a short time. Please try again in a few minutes.")
            status = 429
        else:
            data = form.cleaned_data
            post_draft_comment(
                page=page,
                name=data["name"],
                contact=data["contact"],
                body=data["body"],
                address=client_ip(request),
                consent_at=timezone.now(),  # the form is valid only with the box ticked
            )
            return HttpResponseRedirect(f"{page.url}?gop-y=da-gui#gop-y")
    else:
        status = 400
    context = page.get_context(request)
    context.update(comment_form=form, comment_error=error)
    return TemplateResponse(request, page.get_template(request), context, status=status)

from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from documents.models import LegalDocumentAttachment


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

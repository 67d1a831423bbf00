"""Business actions of the document library."""

from django.db import transaction

from documents.extraction import extract_text
from documents.legal import LegalDocument, LegalDocumentAttachment


def read_attachments(page_id):
    """Extract the text of every attached file into the document's searchable ``full_text``.

    Idempotent: running it twice stores the same text.
    """
    page = LegalDocument.objects.filter(pk=page_id).first()
    if page is None:
        return None
    texts = []
    for attachment in page.attachments.select_related("document"):
        document = attachment.document
        try:
            with document.file.open("rb") as handle:
                data = handle.read()
        except OSError:  # the file is gone from storage: flag it, read the others
            LegalDocumentAttachment.objects.filter(pk=attachment.pk).update(text_status="error")
            continue
        text, status = extract_text(data, document.file_extension)
        LegalDocumentAttachment.objects.filter(pk=attachment.pk).update(text_status=status)
        if text:
            texts.append(text)
    full_text = "\n".join(texts)
    with transaction.atomic():
        LegalDocument.objects.filter(pk=page.pk).update(full_text=full_text)
    from wagtail.search.index import insert_or_update_object

    from documents.signals import attachments_read

    page.full_text = full_text
    insert_or_update_object(page)
    attachments_read.send(sender=LegalDocument, page_id=page.pk)
    return full_text

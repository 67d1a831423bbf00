from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from home.blocks import BaseStreamBlock


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    images = blocks.ListBlock(ImageBlock(label=_("Image")), label=_("Images"), min_num=2)

    class Meta:
        icon = "image"
        template = "news/blocks/gallery.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "news/blocks/attachment.html"


class DocumentLinkBlock(blocks.StructBlock):
    """An inline link to a document (vs. ``attachment``, a download card)."""

    text = blocks.CharBlock(label=_("Link text"), max_length=255)
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "link"
        template = "news/blocks/document_link.html"


class NewsBodyBlock(BaseStreamBlock):
    gallery = GalleryBlock(label=_("Gallery"))
    video = EmbedBlock(label=_("Video"), icon="media", template="news/blocks/video.html")
    table = TableBlock(label=_("Table"))
    document_link = DocumentLinkBlock(label=_("Document link"))
    attachment = AttachmentBlock(label=_("Attachment"))

"""Blocks shared by the portal's page types; feature apps import them from here."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alt text or a "decorative" tick.
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "home/blocks/captioned_image.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "link"


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        template = "home/blocks/link_list.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
    )
    image = CaptionedImageBlock(label=_("Image"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class HomeStreamBlock(BaseStreamBlock):
    links = LinkListBlock(label=_("Links"))
    notice = blocks.RichTextBlock(label=_("Notice"), features=["bold", "italic", "link"], icon="warning")

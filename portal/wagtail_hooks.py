from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_editor_js")
def vietnamese_slugs():
    return format_html('<script src="{}"></script>', static("portal/js/vi-slug.js"))

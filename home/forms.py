"""The base form of every page type: a page's images, documents and page links stay within its unit.

Choosers already offer only the unit's own pages and files, but a form posts ids, and any id can be posted.
After the page (and its inline rows) is built from the submitted data, every reference it holds is
checked wherever it sits: foreign keys (a featured image), StreamField blocks (image, document and page
choosers), rich text (page and document links, embedded images) and inline rows (a legal document's
attached files and related documents):

- images and documents must come from the page's unit's collection (or its sub-collections) or from the
  shared files (collections that belong to no unit: ``sites.selectors.collections_usable_by``); this holds
  for the board too, since a file's privacy follows its collection;
- page links must point inside the page's unit, or to a live page that anyone may read (a published page
  of the district or another unit is public anyway; its drafts and private pages are not). The board and
  superusers may link any page.

A refused reference is reported on its field, in Vietnamese and without the other unit's title, and its id
is dropped from what the form shows again; everything else the user typed stays.
"""

from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from sites.selectors import collections_usable_by, sees_everything, unit_for_page

IMAGE_ERROR = _("This image belongs to another unit. Choose one from your unit's images or the shared files.")
DOCUMENT_ERROR = _(
    "This document belongs to another unit. Choose one from your unit's documents or the shared files."
)
PAGE_ERROR = _(
    "This link points to a page of another unit that is not published. Link to your unit's pages or to "
    "published pages only."
)
IN_FIELD = _("%(field)s: %(problem)s")
STREAM_BOOKKEEPING = ("-count", "-order", "-type", "-deleted", "-id")


def _kind(model):
    if model is None:
        return None
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if issubclass(model, Page):
        return "page"
    return None


def references(obj, field_names=None):
    """``(field, kind, pk)`` for every image, document and page ``obj`` refers to, in its foreign keys (those
    in ``field_names`` when given) and in fields that know their references (StreamField, rich text)."""
    for field in obj._meta.concrete_fields:
        if field_names is not None and field.name not in field_names:
            continue
        value = field.value_from_object(obj)
        if value in (None, ""):
            continue
        if field.many_to_one and not isinstance(field, ParentalKey):
            kind = _kind(field.related_model)
            if kind:
                yield field, kind, str(value)
        elif hasattr(field, "extract_references"):
            for model, pk, _model_path, _content_path in field.extract_references(value):
                kind = _kind(model)
                if kind:
                    yield field, kind, str(pk)


class UnitBoundPageForm(WagtailAdminPageForm):
    """Every page type's form (``base_form_class``): references stay within the page's unit."""

    def is_valid(self):
        valid = super().is_valid()  # the page and its inline rows are built by now
        if not hasattr(self, "_references_ok"):  # once: asked again, the errors would be added twice
            self._references_ok = self.check_references()
        return self._references_ok and valid

    def _unit(self):
        page = self.instance if self.instance.pk else self.parent_page
        if page is None or not page.pk:
            return None
        return unit_for_page(page)

    def _collected(self):
        """``(form, field, kind, pk)`` for the page's own fields and for each kept inline row."""
        for field, kind, pk in references(self.instance, set(self.fields)):
            yield self, field, kind, pk
        for formset in self.formsets.values():
            for form in formset.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                for field, kind, pk in references(form.instance, set(form.fields)):
                    yield form, field, kind, pk

    def check_references(self):
        """Report every refused reference on its field; True when there is none."""
        unit = self._unit()
        if unit is None:
            return True  # pages above the units are the board's (superusers') own
        found = list(self._collected())
        if not found:
            return True
        refused = self._refused(unit, found)
        for form, field, kind, pks in refused:
            problem = {"image": IMAGE_ERROR, "document": DOCUMENT_ERROR, "page": PAGE_ERROR}[kind]
            if field.name in form.fields:
                form.add_error(field.name, problem)
                self._forget(form, field, pks)
            else:
                form.add_error(None, IN_FIELD % {"field": field.verbose_name, "problem": problem})
        return not refused

    def _refused(self, unit, found):
        by_kind = {"image": set(), "document": set(), "page": set()}
        for _form, _field, kind, pk in found:
            by_kind[kind].add(pk)
        allowed = {kind: set() for kind in by_kind}
        collections = collections_usable_by(unit)
        for kind, model in (("image", get_image_model()), ("document", get_document_model())):
            if by_kind[kind]:
                rows = model.objects.filter(pk__in=_ints(by_kind[kind]), collection__in=collections)
                allowed[kind] = {str(pk) for pk in rows.values_list("pk", flat=True)}
        if by_kind["page"]:
            pages = Page.objects.filter(pk__in=_ints(by_kind["page"]))
            if self.for_user is None or not sees_everything(self.for_user):
                root = unit.site.root_page.path
                pages = pages.filter(path__startswith=root) | pages.live().public()
            allowed["page"] = {str(pk) for pk in pages.values_list("pk", flat=True)}
        refused = {}
        for form, field, kind, pk in found:
            if pk not in allowed[kind]:
                refused.setdefault((id(form), field.name, kind), (form, field, kind, set()))[3].add(pk)
        return list(refused.values())

    @staticmethod
    def _forget(form, field, pks):
        """Drop refused ids from the data shown again, so that no chooser shows the other unit's item; the
        form's other input is kept as typed. A foreign key is one input; in a StreamField the ids sit in
        the inputs of its chooser blocks (``body-0-value-image``, ``body-2-value-images-1-value``...), beside
        the stream's own bookkeeping inputs, which are left alone."""
        name = form.add_prefix(field.name)
        data = form.data.copy()
        for key in list(data):
            chooser_input = key.startswith(f"{name}-") and not key.endswith(STREAM_BOOKKEEPING)
            if (key == name and field.many_to_one) or (chooser_input and data[key] in pks):
                data[key] = ""
        form.data = data


def _ints(values):
    return [int(value) for value in values if str(value).isdigit()]

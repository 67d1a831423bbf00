"""Edit forms of files and images (Wagtail's, through WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE): every edit path (edit view, multiple upload, chooser) goes through them.

A file in use (``assets.selectors.uses_of``) is read-only for unit roles: the fields the public sees are
disabled, so whatever is posted for them is ignored and the form says why; the board replaces, and the
earlier version is kept (``assets.services.record_version``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

from assets import selectors, services

LOCKED_MESSAGE = _(
    "This file is used by published pages or by pages awaiting approval, so it cannot be changed or "
    "deleted here: what the editorial board approved is what readers get. Upload a new file and attach "
    "it in a new version of the page, which then goes through approval; or ask the editorial board to "
    "replace it."
)
# What unit roles may not change on a file in use, beyond what the public sees.
LOCKED_EXTRA_FIELDS = (
    "collection",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)


class ProtectedFileFormMixin:
    """For Wagtail's document and image forms (``user`` keyword as Wagtail passes it)."""

    locked_message = LOCKED_MESSAGE

    def __init__(self, *args, **kwargs):
        self.for_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.file_uses = []
        self.file_locked = False
        self.file_replaceable = False
        self.history_visible = False
        if self.instance.pk is None:
            return
        self.history_visible = selectors.may_replace(self.for_user)
        self.file_uses = selectors.uses_of(self.instance)
        if not self.file_uses:
            return
        if selectors.may_replace(self.for_user):
            self.file_replaceable = True
            return
        self.file_locked = True
        # No file input at all (a disabled one would still be read and validated on every save).
        self.fields.pop("file", None)
        for name in self.locked_fields():
            self.fields[name].disabled = True

    def locked_fields(self):
        names = (*services.public_fields(self.instance), *LOCKED_EXTRA_FIELDS)
        return [name for name in names if name in self.fields]

    def clean(self):
        cleaned_data = super().clean()
        if self.file_locked and self._tried_to_change_locked_fields():
            raise ValidationError(LOCKED_MESSAGE, code="file_in_use")
        return cleaned_data

    def _tried_to_change_locked_fields(self):
        """Disabled fields ignore what is posted; a post that still tries is answered with the reason."""
        if self.add_prefix("file") in self.files:
            return True
        for name in self.locked_fields():
            key = self.add_prefix(name)
            if key not in self.data:
                continue  # browsers leave disabled inputs out
            field = self.fields[name]
            posted = field.widget.value_from_datadict(self.data, self.files, key)
            if _differs(field, self.get_initial_for_field(field, name), posted):
                return True
        return False

    def save(self, commit=True):
        if not commit or self.instance.pk is None:
            return super().save(commit=commit)
        with transaction.atomic():
            previous = type(self.instance).objects.select_for_update().get(pk=self.instance.pk)
            if "file" in self.changed_data:
                # Wagtail deletes the replaced file from storage; the version keeps it instead.
                self.original_file = None
            instance = super().save(commit=commit)
            if "file" in self.changed_data and services.is_image(instance):
                instance.renditions.all().delete()  # renditions of the old file
            services.record_version(instance=instance, previous=previous, user=self.for_user)
        return instance


def _differs(field, initial, posted):
    """``Field.has_changed`` answers False for disabled fields: compare as the field would."""
    field.disabled = False
    try:
        return field.has_changed(initial, posted)
    finally:
        field.disabled = True


class ProtectedImageForm(ProtectedFileFormMixin, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE."""

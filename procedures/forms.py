from django.utils.translation import gettext_lazy as _

from home.forms import UnitBoundPageForm

DUPLICATE_CODE = _("This unit already has a procedure with the code %(code)s: “%(title)s”.")


def duplicate_of(model, index_page, code, *, exclude_pk=None):
    """The procedure of ``index_page`` (the unit's listing) with ``code`` (any case), other than
    ``exclude_pk``, or None."""
    if index_page is None or not code:
        return None
    found = model.objects.child_of(index_page).filter(code__iexact=code.strip())
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.only("pk", "title", "code").first()


class ProcedurePageForm(UnitBoundPageForm):
    """Procedure codes are unique within a unit's listing."""

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("code") or "").strip()
        if code:
            cleaned["code"] = code
            parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
            clash = duplicate_of(type(self.instance), parent, code, exclude_pk=self.instance.pk)
            if clash is not None:
                self.add_error("code", DUPLICATE_CODE % {"code": code, "title": clash.title})
        return cleaned

"""“Cơ cấu đơn vị” (/admin/co-cau-don-vi/): the editorial board merges, renames and re-parents units.

Each operation: fill the form, see the plan (a dry run), confirm to carry it out (a POST with the CSRF token;
the plan is made again and re-validated at that moment). Board members and superusers only: anyone else gets
403 whatever the address or the form holds.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied

from restructuring.forms import MergeForm
from restructuring.rename import RenameForm
from restructuring.reparent import ReparentForm
from sites.selectors import is_board_member

# operation → (label, form class)
OPERATIONS = {
    "merge": (gettext_lazy("Merge units"), MergeForm),
    "rename": (gettext_lazy("Rename a unit"), RenameForm),
    "reparent": (gettext_lazy("Move units under another parent"), ReparentForm),
}


def may_restructure(user):
    return bool(user and user.is_authenticated and (user.is_superuser or is_board_member(user)))


def _forbidden(request):
    # A 403 answer, not Wagtail's redirect to the dashboard (which raising PermissionDenied would bring).
    return permission_denied(request, PermissionDenied())


def _form_class(operation):
    if operation not in OPERATIONS:
        raise Http404
    return OPERATIONS[operation][1]


def index(request):
    if not may_restructure(request.user):
        return _forbidden(request)
    operations = [(key, label) for key, (label, _form) in OPERATIONS.items()]
    return TemplateResponse(request, "restructuring/index.html", {"operations": operations})


def operation_view(request, operation):
    if not may_restructure(request.user):
        return _forbidden(request)
    form_class = _form_class(operation)
    label = OPERATIONS[operation][0]
    plan = None
    if request.method == "POST":
        form = form_class(request.POST)
        if "confirm" in request.POST:
            done = form.apply(request.user)
            if done is not None:
                if done.is_empty:
                    messages.info(request, _("Nothing changed: this plan had already been carried out."))
                else:
                    messages.success(request, _("Done: %(title)s") % {"title": done.title})
                return redirect("restructuring_index")
        else:
            plan = form.plan()
    else:
        form = form_class()
    return TemplateResponse(
        request,
        "restructuring/operation.html",
        {"form": form, "plan": plan, "operation": operation, "label": label},
    )

from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.images import get_image_model, get_image_model_string
from wagtail.permissions import register_permission_policy

from assets import selectors, views
from assets.forms import LOCKED_MESSAGE
from assets.permissions import ProtectedFilePermissionPolicy
from assets.services import REPLACE_ACTION

# exact_class: wins over the policy wagtail.documents / wagtail.images register for the same models
# (whichever app's ready() runs last).
register_permission_policy(
    get_document_model(),
    ProtectedFilePermissionPolicy(
        get_document_model_string(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)
register_permission_policy(
    get_image_model(),
    ProtectedFilePermissionPolicy(
        get_image_model_string(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)


@hooks.register("before_serve_document")
def serve_only_public_documents(document, request):
    """A document reaches the public only through a live, unrestricted, unexpired page that uses it;
    other files only to the board and the roles of the unit that holds them. Asked on every request."""
    if not selectors.may_download(request.user, document):
        raise Http404


@hooks.register("before_bulk_action")
def keep_files_in_use_in_their_collection(request, action_type, objects, action_class_instance):
    """Moving a file in use to another collection is a change only the board makes (deleting one is
    refused by the permission policy)."""
    model = getattr(action_class_instance, "model", None)
    if action_type != "add_to_collection" or model not in (get_document_model(), get_image_model()):
        return None
    if any(selectors.is_locked_for(request.user, obj) for obj in objects):
        messages.error(request, LOCKED_MESSAGE)
        return redirect(action_class_instance.next_url)
    return None


@hooks.register("register_admin_urls")
def file_history_urls():
    return [
        path("files/history/<str:kind>/<int:pk>/", views.file_history, name="portal_file_history"),
        path("files/versions/<int:version_id>/", views.version_file, name="portal_file_version"),
    ]


@hooks.register("register_log_actions")
def register_file_replace_log_action(actions):
    def message(log_entry):
        data = log_entry.data or {}
        return _("File replaced (the earlier version “%(title)s” is kept in the file history)") % {
            "title": data.get("old_title", "")
        }

    actions.register_action(REPLACE_ACTION, _("Replace file"), message)

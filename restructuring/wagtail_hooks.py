from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from restructuring import admin_views
from restructuring.merge import RESTRUCTURE_ACTION


@hooks.register("register_log_actions")
def register_restructure_log_action(actions):
    def message(log_entry):
        data = log_entry.data or {}
        operation = data.get("operation", "")
        return _("Unit structure changed (%(operation)s)") % {"operation": operation}

    actions.register_action(RESTRUCTURE_ACTION, _("Restructure units"), message)


@hooks.register("register_admin_urls")
def restructuring_urls():
    return [
        path("co-cau-don-vi/", admin_views.index, name="restructuring_index"),
        path("co-cau-don-vi/<slug:operation>/", admin_views.operation_view, name="restructuring_operation"),
    ]


class BoardOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_restructure(request.user)


@hooks.register("register_settings_menu_item")
def restructuring_menu_item():
    return BoardOnlyMenuItem(
        _("Unit structure"),
        reverse("restructuring_index"),
        icon_name="sitemap",
        order=900,
        name="unit-structure",
    )

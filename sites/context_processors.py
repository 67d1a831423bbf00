from django.utils.functional import SimpleLazyObject

from sites.selectors import unit_for_request, unit_settings_for_request


def current_unit(request):
    """``unit`` and ``unit_settings`` of the site answering the request, resolved only when used: the
    request's one unit lookup (``unit_for_request``) and Wagtail's ``UnitSettings.for_request``, both cached
    on the request. It stands in for Wagtail's ``settings`` context processor, which is not installed.

    Page templates get the page's own unit instead (``home.mixins.UnitContextMixin``).
    """
    return {
        "unit": SimpleLazyObject(lambda: unit_for_request(request)),
        "unit_settings": SimpleLazyObject(lambda: unit_settings_for_request(request)),
    }

from django.utils.functional import SimpleLazyObject

from sites.selectors import unit_for_request


def current_unit(request):
    """``unit``: the unit of the site answering the request, resolved only when used."""
    return {"unit": SimpleLazyObject(lambda: unit_for_request(request))}

"""The answer to a login refused by the lockout (settings.AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.forms.utils import ErrorDict
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.admin.views.account import LoginView

from axes.helpers import get_client_username

from sites.client_ip import client_ip
from users.selectors import lockout_end


def lockout_message(*, username, ip_address):
    until = lockout_end(username=username, ip_address=ip_address)
    if until is None:
        return _(
            "This account is locked after too many failed sign-in attempts from this address. "
            "Ask the editorial board to unlock it."
        )
    return _(
        "This account is temporarily locked after too many failed sign-in attempts from this address. "
        "Try again after %(time)s, or ask the editorial board to unlock it."
    ) % {"time": formats.time_format(timezone.localtime(until), "H:i")}


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's login page again, with the notice in place of the form's error (HTTP 429)."""
    username = get_client_username(request, credentials) or ""
    view = LoginView()
    view.setup(request)
    form = view.get_form_class()(request, initial={"username": username})
    form.cleaned_data, form._errors = {}, ErrorDict()  # an unbound form that shows one error
    form.add_error(None, lockout_message(username=username, ip_address=client_ip(request)))
    response = TemplateResponse(
        request, view.template_name, view.get_context_data(form=form), status=settings.AXES_HTTP_RESPONSE_CODE
    )
    return response.render()  # the middleware answers after the view's response was rendered

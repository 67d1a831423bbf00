"""Admin views about sign-in: the board's locked-accounts list, the second factor, password reset."""

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms.utils import ErrorDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from wagtail.admin.views.account import PasswordResetView

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_ratelimit.core import is_ratelimited

from sites.client_ip import client_ip
from sites.selectors import is_board_member
from users import selectors, services

# --- The board's list of locked accounts ------------------------------------------------------------


def _refused(request):
    """403, not Wagtail's redirect to the dashboard: a unit role has no business here at all."""
    if is_board_member(request.user):
        return None
    return permission_denied(request, PermissionDenied())


@never_cache
def locked_accounts(request):
    if (refused := _refused(request)) is not None:
        return refused
    return TemplateResponse(
        request,
        "users/locked_accounts.html",
        {"rows": selectors.locked_accounts(), "failure_limit": settings.AXES_FAILURE_LIMIT},
    )


class UnlockForm(forms.Form):
    username = forms.CharField(max_length=255)
    ip_address = forms.GenericIPAddressField()


@require_POST
def unlock_account(request):
    if (refused := _refused(request)) is not None:
        return refused
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This lockout could not be found."))
    else:
        removed = services.unlock_account(**form.cleaned_data, user=request.user)
        if removed:
            messages.success(
                request, _("“%(username)s” can sign in again.") % {"username": form.cleaned_data["username"]}
            )
        else:
            messages.warning(request, _("This account was no longer locked."))
    return redirect("users_locked_accounts")


# --- Second factor ------------------------------------------------------------------------------------


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _require_signed_in(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
    return None


@never_cache
@sensitive_post_parameters("token")
def two_factor_verify(request):
    """Enter the code of the enrolled device after the password."""
    if (response := _require_signed_in(request)) is not None:
        return response
    if not user_has_device(request.user, confirmed=True):
        return redirect("users_2fa_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("This code is wrong or has expired. Enter the code your app shows now."))
    return TemplateResponse(
        request, "users/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


def _qr_svg(url):
    """The QR code as inline SVG markup (no image request for a content security policy to block)."""
    svg = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8).to_string(
        encoding="unicode"
    )
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308  (markup made here from the device's own URL)


@never_cache
@sensitive_post_parameters("token")
def two_factor_setup(request):
    """Enrol an authenticator app (TOTP): a QR code, then a code from the app to confirm it. A user who has a
    device must enter its code first: the password alone never replaces a device."""
    if (response := _require_signed_in(request)) is not None:
        return response
    user = request.user
    has_device = user_has_device(user, confirmed=True)
    if has_device and not user.is_verified():
        return redirect(f"{reverse('users_2fa_verify')}?next={request.path}")
    device = services.pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.confirm_device(request=request, device=device, token=form.cleaned_data["token"].strip()):
            messages.success(request, _("Two-step verification is on for your account."))
            return redirect(_next_url(request))
        form.add_error("token", _("This code is wrong or has expired. Enter the code your app shows now."))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return TemplateResponse(
        request,
        "users/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "has_device": has_device,
            "qr_code": _qr_svg(device.config_url),
            "secret": secret,
            "required": selectors.two_factor_required(user),
        },
    )


# --- Password reset -----------------------------------------------------------------------------------


def _reset_ip_key(group, request):
    return client_ip(request)


def _reset_email_key(group, request):
    return request.POST.get("email", "").strip().lower()[:254]


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, limited per client address and per e-mail address asked for. Whether an
    account has that address is never told: a limited request gets the same notice either way."""

    def post(self, request, *args, **kwargs):
        limited = [
            is_ratelimited(
                request,
                group="password-reset-ip",
                key=_reset_ip_key,
                rate=settings.PORTAL_PASSWORD_RESET_IP_RATE,
                increment=True,
            ),
            is_ratelimited(
                request,
                group="password-reset-email",
                key=_reset_email_key,
                rate=settings.PORTAL_PASSWORD_RESET_EMAIL_RATE,
                increment=True,
            ),
        ]
        if any(limited):
            form = self.get_form_class()()
            form.cleaned_data, form._errors = {}, ErrorDict()  # an unbound form that shows one error
            form.add_error(
                None,
                _(
                    "Too many password reset requests. Please wait an hour and try again, or ask the "
                    "editorial board for help."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The portal's user. Custom from the first migration so fields can be added cheaply.

    Unit membership is expressed through the unit's groups (see ``sites``), not here,
    so that Wagtail's own permission machinery is the single source of truth.
    """

    phone = models.CharField(_("phone"), max_length=32, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [("require_2fa", _("Must sign in with two-step verification"))]

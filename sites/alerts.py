"""Which alert banners show now (the model is ``sites.models.AlertBanner``)."""

from django.db.models import Q
from django.utils import timezone

from sites.cache import remember
from sites.models import AlertBanner, AlertKind

ORDER = {
    AlertKind.MOURNING: 0,
    AlertKind.INCIDENT: 1,
    AlertKind.WARNING: 2,
    AlertKind.MAINTENANCE: 3,
    AlertKind.INFO: 4,
}


class Alerts(list):
    @property
    def mourning(self):
        return any(alert.kind == AlertKind.MOURNING for alert in self)


def _for_unit(unit):
    return Q(unit__isnull=True) | (Q(unit=unit) if unit is not None else Q(pk__in=[]))


def _showing(alerts, now):
    alerts = [alert for alert in alerts if alert.starts_at <= now < alert.ends_at]
    return Alerts(sorted(alerts, key=lambda a: (ORDER.get(a.kind, 9), -a.starts_at.timestamp())))


def active_alerts(unit, now=None):
    """The banners showing now on ``unit``'s pages (its own and everyone's), mourning first."""
    now = now or timezone.now()
    return _showing(AlertBanner.objects.filter(_for_unit(unit), starts_at__lte=now, ends_at__gt=now), now)


def alerts_for_request(request, unit, now=None):
    """``active_alerts(unit)`` for a public page: the banners not yet ended are kept per process
    (``sites.cache.remember``; a banner saved or deleted replaces the token of everything) and the ones
    showing at this moment are picked from them."""
    now = now or timezone.now()
    if request is None:
        return active_alerts(unit, now)

    def build():
        return list(AlertBanner.objects.filter(_for_unit(unit), ends_at__gt=timezone.now()))

    return _showing(remember(request, "alerts", getattr(unit, "pk", None), build), now)

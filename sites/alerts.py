"""Which alert banners show now (the model is ``sites.models.AlertBanner``)."""

from django.db.models import Q
from django.utils import timezone

from sites.models import AlertBanner, AlertKind

ORDER = {AlertKind.MOURNING: 0, AlertKind.WARNING: 1, AlertKind.INFO: 2}


class Alerts(list):
    @property
    def mourning(self):
        return any(alert.kind == AlertKind.MOURNING for alert in self)


def active_alerts(unit, now=None):
    """The banners showing now on ``unit``'s pages (its own and everyone's), mourning first."""
    now = now or timezone.now()
    for_unit = Q(unit__isnull=True) | (Q(unit=unit) if unit is not None else Q(pk__in=[]))
    alerts = AlertBanner.objects.filter(for_unit, starts_at__lte=now, ends_at__gt=now)
    return Alerts(sorted(alerts, key=lambda a: (ORDER.get(a.kind, 9), -a.starts_at.timestamp())))

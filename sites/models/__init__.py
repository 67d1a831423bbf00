"""Administrative units, each served as its own Wagtail site, and what belongs to them: alert banners,
the two workflow steps and take-downs."""

from sites.models.alerts import AlertBanner, AlertKind
from sites.models.personal_data import PersonalDataRequest
from sites.models.restructuring import ContentMove, FormerHostname
from sites.models.takedown import TakeDown
from sites.models.units import ALLOWED_PARENT_LEVELS, TOP_LEVELS, Unit, UnitLevel, UnitQuerySet, UnitSettings
from sites.models.workflow import BoardApprovalTask, UnitApprovalTask

__all__ = [
    "ALLOWED_PARENT_LEVELS",
    "TOP_LEVELS",
    "AlertBanner",
    "AlertKind",
    "BoardApprovalTask",
    "ContentMove",
    "FormerHostname",
    "PersonalDataRequest",
    "TakeDown",
    "Unit",
    "UnitApprovalTask",
    "UnitLevel",
    "UnitQuerySet",
    "UnitSettings",
]

"""The fields (lĩnh vực) and levels (cấp thực hiện) of administrative procedures, with stable slugs: the
slugs are the values stored, the query-string values of the listing and the values the import accepts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcedureField(models.TextChoices):
    CIVIL_STATUS = "ho-tich", _("Civil status")
    CERTIFICATION = "chung-thuc", _("Certification")
    LAND = "dat-dai", _("Land")
    CONSTRUCTION = "xay-dung", _("Construction")
    BUSINESS = "kinh-doanh", _("Business and household businesses")
    SOCIAL_PROTECTION = "bao-tro-xa-hoi", _("Social protection")
    MERIT = "nguoi-co-cong", _("People with meritorious services")
    JUSTICE = "tu-phap", _("Justice")
    EDUCATION = "giao-duc", _("Education")
    HEALTH = "y-te", _("Health")
    AGRICULTURE = "nong-nghiep", _("Agriculture")
    ENVIRONMENT = "tai-nguyen-moi-truong", _("Natural resources and environment")
    CULTURE = "van-hoa", _("Culture")
    LABOUR = "lao-dong", _("Labour and employment")
    HOME_AFFAIRS = "noi-vu", _("Home affairs")
    OTHER = "khac", _("Other")


class Level(models.TextChoices):
    PROVINCE = "cap-tinh", _("Provincial level")
    DISTRICT = "cap-huyen", _("District level")
    COMMUNE = "cap-xa", _("Commune level")

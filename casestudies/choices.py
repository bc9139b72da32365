"""Fixed option lists of the case-study app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerType(models.TextChoices):
    """The kind of organisation taking part in a case study's partnership (synchronised, never translated)."""

    PUBLIC_EMPLOYMENT_SERVICE = "public_employment_service", _("Public employment service")
    SCHOOL = "school", _("School")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    NGO = "ngo", _("NGO")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")

"""Fixed option lists of the home app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")

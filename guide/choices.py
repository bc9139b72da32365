"""Fixed option lists of the guide app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalloutKind(models.TextChoices):
    """The three kinds of callout a guide chapter can set apart from its text."""

    TIP = "tip", _("Tip")
    ATTENTION = "attention", _("Point of attention")
    GOOD_PRACTICE = "good_practice", _("Good practice")


class MaterialFormat(models.TextChoices):
    """Formats of the learning materials of a training module (from the project's description of the programme)."""

    BOOKS = "books", _("Books")
    LECTURES = "lectures", _("Lectures")
    EXERCISES = "exercises", _("Exercises")
    ANIMATED_SLIDES = "animated_slides", _("Animated slides with voice-over")
    INTERACTIVE_TUTORIALS = "interactive_tutorials", _("Interactive tutorials")
    SELF_ASSESSMENT = "self_assessment", _("Assessment and self-evaluation")

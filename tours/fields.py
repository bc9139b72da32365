"""LanguageListField: a list of language codes, edited as checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


def language_name(code: str) -> str:
    """The language's name in the active language, from Django's catalogue ("fr" → "French"/"français")."""
    return str(get_language_info(code)["name_translated"])


class LanguageListField(models.JSONField):
    """A JSON list of ISO 639-1 codes taken from `codes`; the form shows one checkbox per language."""

    def __init__(self, *args, codes=(), **kwargs):
        self.codes = list(codes)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["codes"] = self.codes
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def choices_in_active_language(self):
        return sorted(((code, language_name(code)) for code in self.codes), key=lambda choice: choice[1].lower())

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value or [] if code not in self.codes]
        if unknown:
            raise ValidationError(_("Unknown language code(s): %(codes)s.") % {"codes": ", ".join(unknown)})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=self.choices_in_active_language,
            widget=forms.CheckboxSelectMultiple,
        )

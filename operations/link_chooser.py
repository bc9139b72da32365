"""The admin's external-link chooser without its 500 on a POST that lacks the URL field.

Wagtail's `URLOrAbsolutePathField.to_python` calls `value.startswith("/")` before checking for an
empty value, so a POST without `external-link-chooser-url` raises AttributeError (found by the
attacker run, tests/translations/test_attacker_run.py; editors get it too). An empty value is
passed on as "", and the field's own "required" check answers with the form and its error.
Remove this module when Wagtail's field handles a missing value (tests/operations/test_link_chooser.py shows when).
"""

from wagtail.admin.forms.choosers import URLOrAbsolutePathField

_wagtail_to_python = URLOrAbsolutePathField.to_python


def _to_python(self, value):
    if value in self.empty_values:
        return ""
    return _wagtail_to_python(self, value)


def install() -> None:
    URLOrAbsolutePathField.to_python = _to_python

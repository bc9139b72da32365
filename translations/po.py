"""Checking and importing an uploaded PO file, with messages that name the problem.

Why this exists: wagtail-localize 1.14.5's upload view answers a PO file
without its `X-WagtailLocalize-TranslationID` header, or a request without a
file, with a server error; it says only "a different translation" for a file
of another page or language; it reports "Successfully imported" when every
string in the file was ignored because it no longer exists in the source
(`Translation.import_po` returns those as warnings, which the view drops); and
it imports entries a translator marked fuzzy. A `X-WagtailLocalize-TranslationID`
header that is not a UUID is a server error (the look-up by UUID raises
ValidationError), and one spelt differently (upper case, braces) makes
`Translation.import_po` ignore the whole file while the view reports success.
A plural entry (`msgid_plural`) is dropped without a word: wagtail-localize
stores one translation per string and never exports plural entries, so it
cannot import one. `import_uploaded_po` does the
checks first and imports only through `Translation.import_po`, in one
transaction, never deleting a translation that is already there (empty
entries and unknown strings are skipped, not applied).

When it can go: when wagtail-localize's upload view reports these cases
itself (none of them is handled in 1.14.5).
"""

import contextlib
import os
import re
import tempfile
import uuid
from dataclasses import dataclass, field

import polib
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringNotUsedInContext, Translation, UnknownContext, UnknownString

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
MAX_LISTED = 5


class POFileError(Exception):
    """An uploaded PO file that cannot be imported into this translation; the message says why, for the user."""


@dataclass
class POImportResult:
    """What an import did: counts of entries imported, left empty, fuzzy, and the msgids no longer in the source."""

    imported: int = 0
    empty: int = 0
    fuzzy: int = 0
    unknown: list[str] = field(default_factory=list)
    plural: list[str] = field(default_factory=list)

    def messages(self, filename: str, title: str) -> tuple[list[str], list[str]]:
        """(success messages, warning messages) for the translator."""
        success, warnings = [], []
        success.append(
            ngettext(
                "Imported %(count)d translation from “%(file)s”.",
                "Imported %(count)d translations from “%(file)s”.",
                self.imported,
            )
            % {"count": self.imported, "file": filename}
        )
        if self.unknown:
            listed = _listed(self.unknown)
            warnings.append(
                ngettext(
                    "%(count)d string in “%(file)s” no longer exists in “%(title)s” and was not imported: %(strings)s.",
                    "%(count)d strings in “%(file)s” no longer exist in “%(title)s” and were not imported: "
                    "%(strings)s.",
                    len(self.unknown),
                )
                % {"count": len(self.unknown), "file": filename, "title": title, "strings": listed}
            )
        if self.plural:
            warnings.append(
                ngettext(
                    "%(count)d entry in “%(file)s” has plural forms (msgid_plural) and was not imported: %(strings)s. "
                    "The strings of the site have no plural forms: give the entry a single msgstr.",
                    "%(count)d entries in “%(file)s” have plural forms (msgid_plural) and were not imported: "
                    "%(strings)s. The strings of the site have no plural forms: give each entry a single msgstr.",
                    len(self.plural),
                )
                % {"count": len(self.plural), "file": filename, "strings": _listed(self.plural)}
            )
        if self.fuzzy:
            warnings.append(
                ngettext(
                    "%(count)d entry marked fuzzy (needs review) was not imported; its current translation is kept.",
                    "%(count)d entries marked fuzzy (need review) were not imported; "
                    "their current translations are kept.",
                    self.fuzzy,
                )
                % {"count": self.fuzzy}
            )
        return success, warnings


def _shorten(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _listed(msgids: list[str]) -> str:
    listed = ", ".join(f"“{_shorten(msgid)}”" for msgid in msgids[:MAX_LISTED])
    return listed + ", …" if len(msgids) > MAX_LISTED else listed


def _describe(translation: Translation) -> str:
    """“About the project” (Français): the object and the target language of a translation."""
    return _("“%(title)s” in %(language)s") % {
        "title": translation.source.object_repr,
        "language": translation.target_locale.get_display_name(),
    }


def parse_po(data: bytes, filename: str) -> polib.POFile:
    """Parse uploaded bytes as a PO file. Raises POFileError (malformed, not UTF-8, or empty)."""
    if not data.strip():
        raise POFileError(_("“%(file)s” is empty. Nothing was imported.") % {"file": filename})
    # polib takes either a path or the text itself; write the bytes to a file so
    # that an upload containing a path is never read as one.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(data)
    try:
        po = polib.pofile(handle.name, encoding="utf-8")
    except UnicodeDecodeError as error:
        raise POFileError(
            _("“%(file)s” is not a UTF-8 text file, so it is not a PO file. Nothing was imported.") % {"file": filename}
        ) from error
    except (OSError, ValueError) as error:
        # polib says "Syntax error in po file <temporary path> (line N)": keep the line number only.
        line = re.search(r"\(line (\d+)\)", str(error))
        problem = _("syntax error on line %(line)s") % {"line": line.group(1)} if line else _("syntax error")
        raise POFileError(
            _("“%(file)s” is not a valid PO file (%(problem)s). Nothing was imported.")
            % {"file": filename, "problem": problem}
        ) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    if not po.metadata and not len(po):
        raise POFileError(_("“%(file)s” contains no PO entries. Nothing was imported.") % {"file": filename})
    return po


def _header(po: polib.POFile, name: str) -> str:
    """The value of header `name` ("" when absent); header names are matched whatever their case."""
    for key, value in po.metadata.items():
        if key.strip().lower() == name.lower():
            return value.strip()
    return ""


def check_po_matches(po: polib.POFile, translation: Translation, filename: str) -> None:
    """Refuse a PO file made for another object or language. Raises POFileError naming what it is for."""
    file_id = _header(po, TRANSLATION_ID_HEADER)
    if not file_id:
        raise POFileError(
            _(
                "“%(file)s” was not downloaded from the translation editor: it has no %(header)s header. "
                "Download the PO file of %(target)s, translate it and upload that. Nothing was imported."
            )
            % {"file": filename, "header": TRANSLATION_ID_HEADER, "target": _describe(translation)}
        )
    try:
        file_uuid = uuid.UUID(file_id)
    except ValueError:
        raise POFileError(
            _(
                "“%(file)s” has a malformed %(header)s header (“%(value)s” is not the identifier the translation "
                "editor writes there). Download the PO file of %(target)s again, translate it and upload that. "
                "Nothing was imported."
            )
            % {
                "file": filename,
                "header": TRANSLATION_ID_HEADER,
                "value": _shorten(file_id, 40),
                "target": _describe(translation),
            }
        ) from None
    if file_uuid != translation.uuid:
        file_id = str(file_uuid)
        other = Translation.objects.select_related("source", "target_locale").filter(uuid=file_id).first()
        if other is None:
            raise POFileError(
                _("“%(file)s” belongs to a translation that no longer exists, not to %(target)s. Nothing was imported.")
                % {"file": filename, "target": _describe(translation)}
            )
        if other.source.object_id == translation.source.object_id:
            raise POFileError(
                _(
                    "“%(file)s” is the %(other_language)s translation of “%(title)s”, "
                    "but this is the %(language)s translation. Nothing was imported."
                )
                % {
                    "file": filename,
                    "other_language": other.target_locale.get_display_name(),
                    "language": translation.target_locale.get_display_name(),
                    "title": translation.source.object_repr,
                }
            )
        raise POFileError(
            _("“%(file)s” is for %(other)s, not for %(target)s. Nothing was imported.")
            % {"file": filename, "other": _describe(other), "target": _describe(translation)}
        )
    declared = _header(po, "Language").replace("_", "-").lower()
    target = translation.target_locale.language_code.lower()
    if declared and declared.split("-")[0] != target.split("-")[0]:
        raise POFileError(
            _(
                "“%(file)s” declares the language “%(declared)s”, but this is the %(language)s translation. "
                "Nothing was imported."
            )
            % {"file": filename, "declared": declared, "language": translation.target_locale.get_display_name()}
        )


def import_uploaded_po(translation: Translation, data: bytes, filename: str, user=None) -> POImportResult:
    """Check and import an uploaded PO file into `translation`.

    Raises POFileError (nothing imported) for a malformed, empty or foreign
    file. Otherwise imports every non-empty, non-fuzzy entry through
    `Translation.import_po` and returns what happened; translations already
    made for strings the file leaves empty, marks fuzzy or does not contain
    are kept.
    """
    po = parse_po(data, filename)
    check_po_matches(po, translation, filename)
    # The file is this translation's: spell the header as `Translation.import_po` compares it, or it imports nothing.
    for key in [key for key in po.metadata if key.strip().lower() == TRANSLATION_ID_HEADER.lower()]:
        del po.metadata[key]
    po.metadata[TRANSLATION_ID_HEADER] = str(translation.uuid)
    result = POImportResult()
    for entry in list(po):
        if entry.obsolete:
            po.remove(entry)
        elif entry.msgid_plural:
            result.plural.append(entry.msgid)
            po.remove(entry)
        elif "fuzzy" in entry.flags:
            result.fuzzy += 1
            po.remove(entry)
        elif not entry.msgstr:
            result.empty += 1
            po.remove(entry)
    warnings = translation.import_po(po, user=user, tool_name="PO File")
    for warning in warnings:
        if isinstance(warning, UnknownString | StringNotUsedInContext):
            result.unknown.append(warning.string)
        elif isinstance(warning, UnknownContext):
            result.unknown.append(po[warning.index].msgid)
    result.imported = len(po) - len(warnings)
    return result

"""StreamField blocks of the events app: the agenda (sessions, breaks), people, caption tracks.

Times in the agenda are wall-clock times in the event's time zone (the page's
`time_zone`); a block's template gets them as aware datetimes from the page
(`EventPage.local_datetime`). Checks that need the whole event (a session
outside the event's days, an offset past the end of the recording) are in
`EventPage.clean`; the blocks check what they can see on their own.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import BlockGroup, StreamBlockValidationError, StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from events.choices import CAPTION_EXTENSIONS, SLIDE_EXTENSIONS
from events.recordings import format_offset, looks_like_webvtt
from publications.blocks import PublicationChooserBlock


def extension_list(extensions) -> str:
    return ", ".join(ext.upper() for ext in extensions)


class DurationBlock(blocks.FieldBlock):
    """A length of time such as an offset in a recording, typed as "1:02:03", "12:30" or "750" (seconds).

    Stored in the JSON as whole seconds; the Python value is a `datetime.timedelta`.
    """

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.DurationField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None or value == "" or isinstance(value, datetime.timedelta):
            return value or None
        return datetime.timedelta(seconds=int(value))

    def normalize(self, value):
        return self.to_python(value)

    def get_prep_value(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, datetime.timedelta):
            return int(value.total_seconds())
        return int(value)

    def value_from_form(self, value):
        return value

    def clean(self, value):
        value = super().clean(value)
        if value is not None and value < datetime.timedelta(0):
            raise ValidationError(_("The offset cannot be negative."), code="negative_offset")
        return value

    def get_translatable_segments(self, value):
        # A number: synchronised across languages, nothing to translate.
        return []

    def restore_translated_segments(self, value, segments):
        return value

    class Meta:
        icon = "time"


class TimedValue(blocks.StructValue):
    """Values of the agenda's blocks: derived facts the templates and the page read."""

    @property
    def has_time(self) -> bool:
        return self.get("start_time") is not None


class TimedBlock(blocks.StructBlock):
    """Common part of sessions and breaks: an optional day and start and end times, in the event's time zone."""

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        start, end = value.get("start_time"), value.get("end_time")
        if end is not None and start is None:
            errors["start_time"] = ValidationError(
                _("Give the start time as well, or leave the end time empty."), code="end_without_start"
            )
        elif start is not None and end is not None and end <= start:
            errors["end_time"] = ValidationError(
                _("This ends before it starts (%(start)s). Times are on the same day."),
                code="ends_before_start",
                params={"start": start.strftime("%H:%M")},
            )
        errors.update(self.extra_errors(value))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def extra_errors(self, value) -> dict:
        return {}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        if page is not None and hasattr(page, "local_datetime"):
            context["start"] = page.local_datetime(value.get("date"), value.get("start_time"))
            context["end"] = page.local_datetime(value.get("date"), value.get("end_time"))
        return context


def day_block():
    return blocks.DateBlock(
        label=_("Day"),
        required=False,
        help_text=_("Only for events over several days. Leave empty for a one-day event."),
    )


def start_time_block():
    return blocks.TimeBlock(
        label=_("Start time"),
        required=False,
        format="%H:%M",
        help_text=_("As the clocks show it in the event's time zone. Leave empty if it is not known."),
    )


def end_time_block():
    return blocks.TimeBlock(label=_("End time"), required=False, format="%H:%M")


class SessionBlock(TimedBlock):
    """A session of the agenda: a talk, a presentation, a panel."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    date = day_block()
    start_time = start_time_block()
    end_time = end_time_block()
    description = blocks.RichTextBlock(label=_("Description"), required=False, editor="basic")
    speakers = blocks.ListBlock(
        SnippetChooserBlock("home.Person", label=_("Speaker")),
        label=_("Speakers"),
        default=[],
        collapsed=False,
    )
    partner = SnippetChooserBlock(
        "home.Partner",
        label=_("Presenting partner"),
        required=False,
        help_text=_("The partner organisation that presents the session, if any."),
    )
    competences = blocks.ListBlock(
        SnippetChooserBlock("home.Competence", label=_("Competence")),
        label=_("Competences presented"),
        default=[],
        help_text=_("Competences of the framework this session is about. The competence framework lists the session."),
    )
    deck = PublicationChooserBlock(
        label=_("Slides"),
        required=False,
        help_text=_(
            "The session's slide deck: a publication with a PPTX, PPT, ODP or PDF file per language. Choose one, or "
            "create it in the chooser with its first file; add the other languages under “Publications” in the admin "
            "menu. Visitors get the deck in their language and the other languages listed."
        ),
    )
    recording_offset = DurationBlock(
        label=_("Start in the recording"),
        required=False,
        help_text=_(
            "Where this session starts in the event's recording, as hours:minutes:seconds (1:02:03) or "
            "minutes:seconds (12:30). Makes a chapter of the recording."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        offset = value.get("recording_offset")
        recording = getattr(page, "recording", None)
        if offset is not None and recording is not None and recording.is_available:
            context["recording_link"] = recording.link_at(offset)
            context["recording_seconds"] = int(offset.total_seconds())
            context["recording_offset_label"] = format_offset(offset)
        return context

    def extra_errors(self, value) -> dict:
        deck = value.get("deck")
        wrong = [file.document for file in deck.files.all()] if deck is not None else []
        wrong = [document for document in wrong if document.file_extension.lower() not in SLIDE_EXTENSIONS]
        if wrong:
            return {
                "deck": ValidationError(
                    _("“%(name)s” is a %(type)s file. Slides must be one of: %(types)s."),
                    code="slides_type",
                    params={
                        "name": wrong[0].title,
                        "type": wrong[0].file_extension.upper() or "?",
                        "types": extension_list(SLIDE_EXTENSIONS),
                    },
                )
            }
        return {}

    class Meta:
        icon = "doc-full"
        label = _("Session")
        template = "events/blocks/session_block.html"
        value_class = TimedValue
        form_layout = BlockGroup(
            children=[
                "title",
                BlockGroup(["date", "start_time", "end_time"], heading=_("When"), icon="time"),
                "speakers",
                "partner",
                "description",
                "deck",
                "recording_offset",
            ],
            settings=["competences"],
        )
        label_format = "{title}"
        preview_value = {
            "title": "The competence framework",
            "start_time": "14:30",
            "end_time": "15:00",
            "description": "<p>The seven competences of partnership managers in lifelong career guidance.</p>",
        }
        description = _("A talk, presentation or panel, with its speakers, slides and place in the recording.")


class BreakBlock(TimedBlock):
    """A break in the agenda."""

    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Leave empty to show “Break”.")
    )
    date = day_block()
    start_time = start_time_block()
    end_time = end_time_block()

    class Meta:
        icon = "pick"
        label = _("Break")
        template = "events/blocks/break_block.html"
        value_class = TimedValue
        preview_value = {"title": "Coffee break", "start_time": "15:30", "end_time": "15:45"}
        description = _("A break between sessions.")


def agenda_block_types():
    """The agenda StreamField's block types: ("session", SessionBlock), ("break", BreakBlock)."""
    return [("session", SessionBlock()), ("break", BreakBlock())]


def people_block_types(label):
    """A StreamField of Person snippets (moderators, speakers): one block type, "person"."""
    return [("person", SnippetChooserBlock("home.Person", label=label, icon="user"))]


class CaptionsBlock(blocks.StructBlock):
    """A WebVTT caption track of the recording in one language."""

    language = blocks.ChoiceBlock(label=_("Language"), choices=settings.LANGUAGES, search_index=False)
    file = DocumentChooserBlock(label=_("WebVTT file"), help_text=_("A .vtt caption file in that language."))

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None and (
            document.file_extension.lower() not in CAPTION_EXTENSIONS or not looks_like_webvtt(document)
        ):
            raise StructBlockValidationError(
                block_errors={
                    "file": ValidationError(
                        _("“%(name)s” is not a WebVTT caption file (a .vtt file starting with WEBVTT)."),
                        code="not_webvtt",
                        params={"name": document.title},
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Captions")
        label_format = "{language}"


class CaptionsStreamBlock(blocks.StreamBlock):
    captions = CaptionsBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            language = child.value.get("language")
            if language in seen:
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "language": ValidationError(
                            _("There is already a caption track in this language."), code="duplicate_language"
                        )
                    }
                )
            seen[language] = index
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value

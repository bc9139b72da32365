"""What an editor typed into a form that was too large to be read, so that it is not lost."""

import json
import re
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qsl

# Bookkeeping fields (StreamField counts, ids, order, types...) are not the editor's text.
_BOOKKEEPING = re.compile(r"(^csrfmiddlewaretoken$|-(count|id|order|deleted|type|DELETE|ORDER)$|^(next|action-.*)$)")
_TEXT = re.compile(r"[^\W\d_]", re.UNICODE)  # at least one letter
_IDENTIFIER = re.compile(r"^[0-9a-f-]{8,}$|^\d+$")


def _fields(request) -> list[tuple[str, str]]:
    body = request.body
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
        fields = []
        for part in message.iter_parts():
            if part.get_filename():
                continue
            name = part.get_param("name", header="content-disposition") or ""
            fields.append((name, part.get_payload(decode=True).decode("utf-8", "replace")))
        return fields
    return parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=False)


def _draftail_text(value: str) -> str | None:
    """A rich-text field's Draftail content state, as plain paragraphs."""
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if isinstance(data, dict) and isinstance(data.get("blocks"), list):
        return "\n".join(block.get("text", "") for block in data["blocks"] if isinstance(block, dict)).strip()
    return None


def typed_values(request, limit: int = 2000) -> list[tuple[str, str]]:
    """The form's text values (name, text), bookkeeping fields left out; empty if the body cannot be read."""
    try:
        fields = _fields(request)
    except Exception:  # noqa: BLE001 - a page that cannot be parsed shows no values, never a second error
        return []
    values = []
    for name, value in fields:
        value = value.strip()
        if not value or _BOOKKEEPING.search(name) or _IDENTIFIER.match(value) or not _TEXT.search(value):
            continue
        text = _draftail_text(value) if value.startswith("{") else None
        if text is not None:
            if not text:
                continue
            value = text
        values.append((name, value))
        if len(values) >= limit:
            break
    return values

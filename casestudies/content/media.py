"""Sample files for the sample case studies: placeholder images and PDFs, clearly labelled as samples.

They live in their own collection ("Case studies: sample files") so editors can
find and replace them. Each is found again by its title in that collection, so
running `load_content` again never makes a second copy.
"""

import io
import textwrap

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from home.sample_files import SAMPLE_TAG

COLLECTION_NAME = "Case studies: sample files"
IMAGE_SIZE = (1600, 840)  # px; covers the hero rendition (1200 × 630) and the cards' (640 × 360)


def sample_collection() -> Collection:
    """The collection holding the sample files, created under the root collection if missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def sample_image(title: str, caption: str, colour: tuple[int, int, int]):
    """The placeholder image called `title`: a flat `colour` (RGB) with "SAMPLE IMAGE" and `caption` written on it."""
    image_model = get_image_model()
    collection = sample_collection()
    existing = image_model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    data = _placeholder_png(caption, colour)
    image = image_model(title=title, collection=collection, file_size=len(data), file_hash=_sha1(data))
    image.file.save(f"{_file_stem(title)}.png", ContentFile(data), save=False)
    # Wagtail's image field does not read the dimensions when a file is assigned; we know them.
    image.width, image.height = IMAGE_SIZE
    image.save()
    image.tags.add(SAMPLE_TAG)
    return image


def sample_document(title: str, lines: list[str]):
    """The placeholder PDF called `title`, one A4 page showing `lines` (Latin-1/Windows-1252 text)."""
    document_model = get_document_model()
    collection = sample_collection()
    existing = document_model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    data = placeholder_pdf(lines)
    document = document_model(title=title, collection=collection, file_size=len(data), file_hash=_sha1(data))
    document.file.save(f"{_file_stem(title)}.pdf", ContentFile(data), save=False)
    document.save()
    document.tags.add(SAMPLE_TAG)
    return document


def placeholder_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF 1.4 (A4, Helvetica) with `lines`; the first in large type. Long lines are wrapped."""
    wrapped = [lines[0]] + [part for line in lines[1:] for part in (textwrap.wrap(line, 80) or [""])]
    text = [b"BT", b"/F1 22 Tf", b"72 760 Td", b"(" + _pdf_text(wrapped[0]) + b") Tj", b"/F1 12 Tf", b"0 -34 Td"]
    for line in wrapped[1:]:
        text += [b"(" + _pdf_text(line) + b") Tj", b"0 -18 Td"]
    text.append(b"ET")
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pdf_text(line: str) -> bytes:
    encoded = line.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _placeholder_png(caption: str, colour: tuple[int, int, int]) -> bytes:
    width, height = IMAGE_SIZE
    canvas = PILImage.new("RGB", IMAGE_SIZE, colour)
    draw = ImageDraw.Draw(canvas)
    # Three overlapping rings: a partnership, drawn in white.
    for index in range(3):
        x = width // 2 - 260 + index * 180
        draw.ellipse((x, 120, x + 340, 460), outline=(255, 255, 255), width=10)
    draw.text((width // 2, 590), "SAMPLE IMAGE", fill=(255, 255, 255), font=ImageFont.load_default(96), anchor="mm")
    draw.text((width // 2, 700), caption, fill=(255, 255, 255), font=ImageFont.load_default(44), anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _sha1(data: bytes) -> str:
    """The hash Wagtail computes on upload, which its duplicate detection compares."""
    return hash_filelike(io.BytesIO(data))


def _file_stem(title: str) -> str:
    return slugify(title)[:80] or "sample"

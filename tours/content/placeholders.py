"""Placeholder media for the sample tours, made at load time: panoramas (Pillow) and a short audio tone.

We do not hold the centres' real panoramas. Each placeholder is a drawn room
in true equirectangular projection (a box room seen from its middle: walls,
floor and ceiling edges curve as in a real 360° photo), with a yaw/pitch grid,
the room's name, "PLACEHOLDER" written all round, and a door at each scene
link and a board at each information point, so the hotspots land on
something. They are found again by their title, so loading twice makes
nothing new.
"""

import io
import math
import struct
import unicodedata
import wave

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

WIDTH, HEIGHT = 4096, 2048
#: The drawn room: half-width of a square room, camera and ceiling heights (metres).
HALF_WIDTH, CAMERA_HEIGHT, CEILING_HEIGHT = 2.5, 1.5, 3.0
AUDIO_TITLE = "Placeholder audio: a short tone, not a real recording (sample content)"


def x_of(yaw: float) -> float:
    """Pixel column of `yaw` degrees (−180…180, 0 in the middle)."""
    return (yaw + 180) / 360 * WIDTH


def y_of(pitch: float) -> float:
    """Pixel row of `pitch` degrees (90 at the top, −90 at the bottom)."""
    return (90 - pitch) / 180 * HEIGHT


def wall_distance(yaw: float) -> float:
    """Horizontal distance (m) from the room's middle to its wall in direction `yaw` (walls face 0, ±90, 180)."""
    off_normal = ((yaw + 45) % 90) - 45
    return HALF_WIDTH / math.cos(math.radians(off_normal))


def edge_pitch(yaw: float, height: float) -> float:
    """Pitch (degrees) of the wall point at `height` m above (positive) or below the camera, at `yaw`."""
    return math.degrees(math.atan2(height, wall_distance(yaw)))


def font(size: int):
    """DejaVu Sans when the system has it (accents, arrows), else Pillow's built-in font."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def printable(text: str, chosen_font) -> str:
    """`text` as the font can draw it: accents folded and arrows spelt out for Pillow's built-in font."""
    if isinstance(chosen_font, ImageFont.FreeTypeFont) and "DejaVu" in (chosen_font.getname()[0] or ""):
        return text
    text = text.replace("→", "->").replace("·", "-").replace("°", " deg")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _curve(pitch_at, step: int = 8) -> list[tuple[float, float]]:
    return [(x, y_of(pitch_at(x / WIDTH * 360 - 180))) for x in range(0, WIDTH + step, step)]


def _label(draw, xy, text, chosen_font, fill="#111111", box="#ffffff"):
    text = printable(text, chosen_font)
    left, top, right, bottom = draw.textbbox(xy, text, font=chosen_font, anchor="mm")
    draw.rectangle((left - 14, top - 10, right + 14, bottom + 10), fill=box, outline="#111111", width=3)
    draw.text(xy, text, font=chosen_font, fill=fill, anchor="mm")


def draw_panorama(
    room: str, centre: str, colour: str, doors: list[tuple[float, str]], boards: list[tuple[float, float]]
):
    """A 4096 × 2048 RGB equirectangular image of a drawn room (Pillow Image).

    `doors`: (yaw, label) of each scene link; `boards`: (yaw, pitch) of each
    information point. Angles in degrees.
    """
    image = PILImage.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    ceiling = _curve(lambda yaw: edge_pitch(yaw, CEILING_HEIGHT - CAMERA_HEIGHT))
    floor = _curve(lambda yaw: edge_pitch(yaw, -CAMERA_HEIGHT))
    draw.polygon([(0, 0), *ceiling, (WIDTH, 0)], fill="#eeeeee")
    draw.polygon([(0, HEIGHT), *floor, (WIDTH, HEIGHT)], fill="#8a8178")
    draw.line(ceiling, fill="#333333", width=5)
    draw.line(floor, fill="#333333", width=5)
    for corner in (-135, -45, 45, 135):
        top = y_of(edge_pitch(corner, CEILING_HEIGHT - CAMERA_HEIGHT))
        bottom = y_of(edge_pitch(corner, -CAMERA_HEIGHT))
        draw.line([(x_of(corner), top), (x_of(corner), bottom)], fill="#333333", width=5)

    small = font(30)
    grid = "#ffffff"
    for yaw in range(-180, 181, 30):
        draw.line([(x_of(yaw), 0), (x_of(yaw), HEIGHT)], fill=grid, width=1)
        draw.text((x_of(yaw) + 8, y_of(0) + 8), printable(f"yaw {yaw}°", small), font=small, fill="#000000")
    for pitch in range(-60, 61, 30):
        draw.line([(0, y_of(pitch)), (WIDTH, y_of(pitch))], fill=grid, width=1)
        draw.text((8, y_of(pitch) + 6), printable(f"pitch {pitch}°", small), font=small, fill="#000000")

    door_font = font(40)
    for yaw, label in doors:
        top, bottom = y_of(edge_pitch(yaw, 2.1 - CAMERA_HEIGHT)), y_of(edge_pitch(yaw, -CAMERA_HEIGHT))
        half = 0.5 / wall_distance(yaw) * WIDTH / (2 * math.pi)  # a door about 1 m wide
        draw.rectangle((x_of(yaw) - half, top, x_of(yaw) + half, bottom), fill="#5b3a1e", outline="#111111", width=4)
        _label(draw, (x_of(yaw), top - 36), f"→ {label}", door_font)
    for yaw, pitch in boards:
        draw.rectangle((x_of(yaw) - 70, y_of(pitch) - 50, x_of(yaw) + 70, y_of(pitch) + 50), fill="#0b5394")
        draw.text((x_of(yaw), y_of(pitch)), "i", font=font(80), fill="#ffffff", anchor="mm")

    big = font(72)
    for yaw in (-120, 0, 120):
        _label(draw, (x_of(yaw), y_of(48)), room, big)
        _label(draw, (x_of(yaw), y_of(40)), centre, small)
        _label(draw, (x_of(yaw), y_of(-42)), "PLACEHOLDER PANORAMA · SAMPLE CONTENT", font(44), fill="#8a0000")
    return image


def panorama_image(title: str, **drawing):
    """The Wagtail image titled `title`, drawn and saved if it does not exist yet (JPEG, 4096 × 2048)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing, False
    buffer = io.BytesIO()
    draw_panorama(**drawing).save(buffer, "JPEG", quality=85, optimize=True)
    slug = "".join(char if char.isalnum() else "-" for char in title.lower()).strip("-")[:80]
    image = Image(title=title, file=ContentFile(buffer.getvalue(), name=f"{slug}.jpg"))
    image.save()
    return image, True


def tone_wav(seconds: float = 3.0, rate: int = 8000) -> bytes:
    """A quiet two-note tone as 8-bit mono WAV bytes: a stand-in for a recording."""
    frames = bytearray()
    for n in range(int(seconds * rate)):
        frequency = 440 if n < rate * seconds / 2 else 554
        envelope = min(1.0, n / 800, (seconds * rate - n) / 800)
        frames += struct.pack("B", int(128 + 40 * envelope * math.sin(2 * math.pi * frequency * n / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(1)
        output.setframerate(rate)
        output.writeframes(bytes(frames))
    return buffer.getvalue()


def placeholder_audio():
    """The shared placeholder audio document, created if missing; (document, created)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=AUDIO_TITLE).order_by("pk").first()
    if existing is not None:
        return existing, False
    document = Document(title=AUDIO_TITLE, file=ContentFile(tone_wav(), name="placeholder-tone.wav"))
    document.save()
    return document, True

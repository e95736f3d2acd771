"""Demo pictures drawn on the fly: original, licence-free, a few kilobytes each."""

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image


def _colour(seed, index):
    digest = hashlib.sha256(f"{seed}:{index}".encode()).digest()
    return tuple(60 + byte % 160 for byte in digest[:3])


def draw_picture(seed, width=1200, height=800):
    """A soft gradient with a few shapes: looks like a photo placeholder, never like an error."""
    top, bottom = _colour(seed, 0), _colour(seed, 1)
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        ratio = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(top[i] * (1 - ratio) + bottom[i] * ratio) for i in range(3)),
        )
    digest = hashlib.sha256(seed.encode()).digest()
    for index in range(6):
        x = digest[index] * width // 256
        y = digest[index + 6] * height // 256
        radius = 40 + digest[index + 12] % (height // 4)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=_colour(seed, index + 2))
    # Rooftops of a town-centre street along the bottom edge.
    roof = height * 3 // 4
    step = width // 8
    for index in range(8):
        left = index * step
        peak = roof - 30 - digest[index + 18] % 80
        draw.polygon(
            [
                (left, height),
                (left, roof),
                (left + step // 2, peak),
                (left + step, roof),
                (left + step, height),
            ],
            fill=_colour(seed, index + 10),
        )
    return picture


def demo_image(title, seed, collection, width=1200, height=800):
    """The demo image with this title in this collection, created once."""
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw_picture(seed, width, height).save(buffer, format="JPEG", quality=72, optimize=True)
    filename = f"{hashlib.sha1(seed.encode()).hexdigest()[:12]}.jpg"
    return Image.objects.create(
        title=title,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=filename),
        collection=collection,
    )

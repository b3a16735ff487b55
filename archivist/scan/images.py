"""Opening page images safely: damaged files, huge dimensions and multi-page TIFFs."""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from io import BytesIO

from archivist.errors import InputError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
# A broadsheet page scanned at 400 dpi is about 6600 × 9400 ≈ 62 Mpx; more than this is
# a mistake or a decompression bomb, and would need gigabytes to decode.
MAX_PIXELS = 100_000_000


def _too_large(w: int, h: int) -> str:
    return f"image is {w}×{h} pixels, over the limit of {MAX_PIXELS // 1_000_000} megapixels"


def open_image(data: bytes):
    """A lazily decoded PIL image (header read only). Raises InputError (no path prefix)."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415

    with warnings.catch_warnings():
        # Pillow warns between 89 and 179 Mpx; our own limit below decides instead.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            im = Image.open(BytesIO(data))
        except Image.DecompressionBombError as exc:
            m = re.search(r"\((\d+) pixels\)", str(exc))
            size = f"{int(m.group(1)) // 1_000_000} megapixels" if m else "too many pixels"
            raise InputError(f"image is {size}, over the limit of {MAX_PIXELS // 1_000_000} megapixels") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise InputError(f"not a readable image ({_reason(exc)})") from None
    return im


def _reason(exc: Exception) -> str:
    text = str(exc).split("\n")[0]
    return re.sub(r" '?<_io\.BytesIO object at 0x[0-9a-f]+>'?", "", text) or type(exc).__name__


def frame_count(im) -> int:
    return int(getattr(im, "n_frames", 1) or 1)


def frames(im) -> Iterator:
    """Each page of the image decoded to RGB; InputError for a damaged or oversized page."""
    from PIL import Image  # noqa: PLC0415

    for i in range(frame_count(im)):
        try:
            im.seek(i)
        except EOFError:
            return
        w, h = im.size
        if w * h > MAX_PIXELS:
            raise InputError(_too_large(w, h))
        if w < 8 or h < 8:
            raise InputError(f"image is only {w}×{h} pixels")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                im.load()
                frame = im.convert("RGB")
        except (OSError, SyntaxError, ValueError) as exc:
            where = f"page {i + 1}: " if frame_count(im) > 1 else ""
            raise InputError(f"{where}image data is damaged ({_reason(exc)})") from None
        yield frame

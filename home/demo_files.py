"""Small generated files for the demo: a unit emblem (PNG) and one-page PDFs."""

import io
import math
import unicodedata

from PIL import Image, ImageDraw


def emblem_png(size=128):
    """A red disc with a gold five-pointed star."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, size - 3, size - 3), fill=(200, 16, 46, 255), outline=(244, 208, 63, 255), width=4)
    cx = cy = size / 2
    outer, inner = size * 0.36, size * 0.145
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 221, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _ascii(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(lines):
    """A valid one-page PDF showing ``lines`` (folded to ASCII for the built-in font)."""
    text_ops = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    for line in lines:
        text_ops.append(f"({_ascii(line)}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def banner_jpeg(seed, size=(1200, 675)):
    """A 16:9 illustrative banner: a sky-to-field gradient with a sun; colours vary with ``seed``."""
    width, height = size
    palettes = [
        ((70, 130, 180), (120, 170, 90)),
        ((255, 160, 90), (60, 120, 60)),
        ((100, 160, 220), (200, 170, 90)),
        ((40, 90, 160), (90, 150, 110)),
    ]
    sky, field = palettes[seed % len(palettes)]
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    horizon = int(height * (0.55 + 0.05 * (seed % 3)))
    for y in range(horizon):
        shade = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(c + (255 - c) * shade * 0.5) for c in sky))
    draw.rectangle([(0, horizon), (width, height)], fill=field)
    cx = int(width * (0.2 + 0.15 * (seed % 5)))
    draw.ellipse((cx - 60, horizon - 200, cx + 60, horizon - 80), fill=(255, 220, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()

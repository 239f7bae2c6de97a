"""Reading a certificate PDF back the way a person and a scanner would: poppler's pdftotext and pdffonts
for the text and the embedded font, pdftoppm for the picture, and the QR modules sampled from the picture
at the position certificates.documents draws them (segno cannot decode, so the test regenerates the QR
matrix of the expected URL with segno and compares module by module)."""

import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4

from certificates.documents import QR_SIZE, QR_X, QR_Y
from core.pdf import QR_BORDER, qr_matrix

DPI = 200


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def pdf_fonts(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run(["pdffonts", f.name], capture_output=True, check=True, text=True).stdout


def qr_modules(data: bytes, size: int) -> tuple:
    """The size×size module matrix read from the rendered first page (1 = dark)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "c.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-png", str(pdf), f"{tmp}/page"], check=True)
        image = Image.open(next(Path(tmp).glob("page*.png"))).convert("L")
    scale = DPI / 72
    page_height = A4[1]
    module = QR_SIZE / (size + 2 * QR_BORDER)
    top = page_height - (QR_Y + QR_SIZE)
    rows = []
    for r in range(size):
        row = []
        for c in range(size):
            x = (QR_X + (c + QR_BORDER + 0.5) * module) * scale
            y = (top + (r + QR_BORDER + 0.5) * module) * scale
            row.append(1 if image.getpixel((int(x), int(y))) < 128 else 0)
        rows.append(tuple(row))
    return tuple(rows)


def qr_matches(data: bytes, url: str) -> bool:
    expected = qr_matrix(url)
    return qr_modules(data, len(expected)) == expected

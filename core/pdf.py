"""Printable official documents: ReportLab with an embedded TrueType CJK font (WenQuanYi Zen Hei from
Debian's fonts-wqy-zenhei, subfont 0 of the .ttc), so every reader shows the same glyphs. Never the
built-in STSong-Light CID font, which is not embedded. Documents are in Chinese whatever the UI language.

The base of cases/documents.py and deposits/documents.py (same API as the cases Document, plus a table)."""

import io
from functools import cache

from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_NAME = "WenQuanYiZenHei"
DEFAULT_FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
MARGIN = 22 * mm
WIDTH, HEIGHT = A4


@cache
def register_font() -> str:
    path = getattr(settings, "WAGEWATCH_CJK_FONT", DEFAULT_FONT_PATH)
    pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=0))
    return FONT_NAME


def cn_date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "____年__月__日"


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines that fit the width (character by character: Chinese has no spaces)."""
    lines = []
    for paragraph in (text or "").splitlines() or [""]:
        line = ""
        for char in paragraph:
            if pdfmetrics.stringWidth(line + char, FONT_NAME, size) > width:
                lines.append(line)
                line = char
            else:
                line += char
        lines.append(line)
    return lines


class Document:
    """A one-column official document: bureau, title, number, paragraphs, fields, tables, signature."""

    def __init__(self, title: str, number: str = ""):
        register_font()
        self.buffer = io.BytesIO()
        self.pdf = canvas.Canvas(self.buffer, pagesize=A4, pageCompression=1)
        self.pdf.setTitle(title)
        self.pdf.setAuthor(settings.WAGEWATCH_BUREAU_NAME)
        self.y = HEIGHT - MARGIN
        self.centre(settings.WAGEWATCH_BUREAU_NAME, 13)
        self.centre(title, 20, gap=12)
        if number:
            self.centre(number, 11)
        self.y -= 6 * mm

    def _room(self, needed: float):
        if self.y < MARGIN + needed:
            self.pdf.showPage()
            self.y = HEIGHT - MARGIN

    def centre(self, text, size, gap=6):
        self.pdf.setFont(FONT_NAME, size)
        self.pdf.drawCentredString(WIDTH / 2, self.y, text)
        self.y -= size + gap

    def para(self, text: str, size: float = 12, indent: bool = True):
        body = ("\u3000\u3000" if indent else "") + text
        for line in wrap(body, size, WIDTH - 2 * MARGIN):
            self._room(size)
            self.pdf.setFont(FONT_NAME, size)
            self.pdf.drawString(MARGIN, self.y, line)
            self.y -= size * 1.7

    def field(self, label: str, value):
        self.para(f"{label}：{value if value not in (None, '') else '—'}", indent=False)

    def table(self, headers: list[str], rows: list[list], widths: list[float], size: float = 10):
        """A ruled table; widths are shares of the text width (they add up to 1)."""
        total = WIDTH - 2 * MARGIN
        xs = [MARGIN]
        for share in widths:
            xs.append(xs[-1] + share * total)
        for index, row in enumerate([headers, *rows]):
            cells = [wrap(str(value), size, (xs[i + 1] - xs[i]) - 4) for i, value in enumerate(row)]
            height = max(len(c) for c in cells) * size * 1.4 + 4
            self._room(height)
            self.pdf.setFont(FONT_NAME, size)
            top = self.y + size
            for i, lines in enumerate(cells):
                for n, line in enumerate(lines):
                    self.pdf.drawString(xs[i] + 2, self.y - n * size * 1.4, line)
            self.pdf.setLineWidth(0.8 if index == 0 else 0.4)
            self.pdf.line(MARGIN, top, xs[-1], top)
            self.y -= height
            self.pdf.line(MARGIN, self.y + size, xs[-1], self.y + size)
        self.y -= 4

    def signature(self, day):
        self._room(60)
        self.y -= 10 * mm
        self.pdf.setFont(FONT_NAME, 12)
        self.pdf.drawRightString(WIDTH - MARGIN, self.y, f"{settings.WAGEWATCH_BUREAU_NAME}（印章）")
        self.y -= 20
        self.pdf.drawRightString(WIDTH - MARGIN, self.y, cn_date(day))

    def render(self) -> bytes:
        self.pdf.showPage()
        self.pdf.save()
        return self.buffer.getvalue()


# --- QR codes (added for certificates, issue 7) -------------------------------------------------

QR_BORDER = 2  # quiet-zone modules drawn around the code (white paper does the rest)


def qr_matrix(data: str) -> tuple:
    """The module matrix of the QR code for data (always a full QR, error level M), rows of 0/1."""
    import segno

    return tuple(tuple(int(bool(m)) for m in row) for row in segno.make_qr(data, error="m").matrix)


def draw_qr(pdf, data: str, x: float, y: float, size: float) -> tuple:
    """Draw the QR code for data as vector squares in the square (x, y, size); returns its matrix."""
    matrix = qr_matrix(data)
    module = size / (len(matrix) + 2 * QR_BORDER)
    pdf.saveState()
    pdf.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(x + (c + QR_BORDER) * module, y + size - (r + QR_BORDER + 1) * module, module, module,
                         stroke=0, fill=1)
    pdf.restoreState()
    return matrix

"""The certificate and the commitment letter as PDF (core.pdf: ReportLab with the embedded WenQuanYi Zen Hei
font, never STSong-Light; ecosystem.md §5). The body is the official document's Chinese wording, whatever
the UI language. The QR code (segno, drawn as vector squares) carries the public verification URL."""

from django.conf import settings
from reportlab.lib.units import mm

from core.branding import product_name_zh
from core.pdf import FONT_NAME, MARGIN, WIDTH, Document, cn_date, draw_qr

from . import signing
from .choices import Purpose

# Where the QR code sits (bottom left; the seal and date are on the right): tests read it back from here.
QR_SIZE = 40 * mm
QR_X = MARGIN
QR_Y = MARGIN + 12 * mm

PURPOSES_ZH = {Purpose.BIDDING: "参加招标投标", Purpose.LISTING: "上市或资质申报", Purpose.AWARD: "评优评先",
               Purpose.OTHER: "其他"}

CERTIFICATE_BODY = (
    "兹证明{name}（统一社会信用代码：{code}）截至{day}，经本局劳动保障监察机构核查：无在办的拖欠农民工工资"
    "案件，无未履行的限期支付工资指令，未被列入拖欠农民工工资失信联合惩戒对象名单，近{months}个月内无重大"
    "劳动保障违法行为社会公布记录。"
)
CERTIFICATE_USE = "本证明用于{purpose}{detail}，有效期至{until}。"
CERTIFICATE_NOTE = (
    "本证明可扫描左下方二维码或访问下列网址核验真伪。在有效期内，该单位如被立案查处拖欠工资案件或被列入失信联合"
    "惩戒对象名单，本证明自动失效。"
)


def certificate_pdf(certificate, verify_url: str, months: int) -> bytes:
    doc = Document("无拖欠农民工工资证明", f"编号：{certificate.serial}")
    detail = f"（{certificate.purpose_detail}）" if certificate.purpose_detail else ""
    doc.para(CERTIFICATE_BODY.format(name=certificate.enterprise_name, code=certificate.credit_code,
                                     day=cn_date(certificate.issued_on), months=months))
    doc.para(CERTIFICATE_USE.format(purpose=PURPOSES_ZH.get(certificate.purpose, "其他"), detail=detail,
                                    until=cn_date(certificate.valid_until)))
    doc.para(CERTIFICATE_NOTE)
    doc.y -= 4 * mm
    doc.field("证书编号", certificate.serial)
    doc.field("校验码", signing.grouped(signing.code_of(certificate.signature)))
    doc.para("核验网址：", indent=False)
    doc.pdf.setFont(FONT_NAME, 9)
    doc.pdf.drawString(MARGIN, doc.y + 6, verify_url)
    doc.y -= 12
    doc.signature(certificate.issued_on)
    draw_qr(doc.pdf, verify_url, QR_X, QR_Y, QR_SIZE)
    doc.pdf.setFont(FONT_NAME, 8)
    doc.pdf.drawString(QR_X, QR_Y - 4 * mm, "扫码核验")
    doc.pdf.drawRightString(WIDTH - MARGIN, MARGIN, f"{settings.WAGEWATCH_BUREAU_NAME} · {product_name_zh()}")
    return doc.render()


def commitment_pdf(letter) -> bytes:
    doc = Document("工资无拖欠承诺书", f"编号：{letter.serial}")
    doc.field("承诺单位", letter.enterprise.name)
    doc.field("统一社会信用代码", letter.enterprise.credit_code)
    detail = f"（{letter.purpose_detail}）" if letter.purpose_detail else ""
    doc.field("承诺用途", f"{PURPOSES_ZH.get(letter.purpose, '其他')}{detail}")
    doc.para(letter.text)
    doc.field("承诺有效期至", cn_date(letter.valid_until))
    doc.y -= 8 * mm
    doc.field("法定代表人（签字）", letter.signatory)
    doc.field("承诺日期", cn_date(letter.signed_on))
    return doc.render()

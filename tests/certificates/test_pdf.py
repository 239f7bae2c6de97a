"""The certificate PDF: Chinese text that extracts (pdftotext), the font embedded (pdffonts: no
STSong-Light reference), the bureau's name, and a QR code that encodes the verification URL."""

import re

import pytest

from certificates import signing, verification

from .factories import issue
from .pdfcheck import pdf_fonts, pdf_text, qr_matches

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate_pdf(login, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    response = login(personas.enterprise_a_user).get(f"/certificates/{certificate.pk}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    return certificate, response.content


def test_pdf_renders_the_chinese_text(certificate_pdf, personas, settings):
    certificate, data = certificate_pdf
    text = re.sub(r"\s+", "", pdf_text(data))
    assert "无拖欠农民工工资证明" in text
    assert settings.WAGEWATCH_BUREAU_NAME in text
    assert personas.enterprise_a.name in text and personas.enterprise_a.credit_code in text
    assert "未被列入拖欠农民工工资失信联合惩戒对象名单" in text
    assert f"{certificate.valid_until.year}年{certificate.valid_until.month}月{certificate.valid_until.day}日" in text
    assert certificate.serial in text
    assert signing.grouped(signing.code_of(certificate.signature)) in text


def test_pdf_embeds_its_font(certificate_pdf):
    fonts = pdf_fonts(certificate_pdf[1])
    assert "STSong" not in fonts
    lines = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert lines and all(" yes " in line for line in lines)  # emb yes


def test_the_qr_code_encodes_the_printed_verification_url(certificate_pdf):
    certificate, data = certificate_pdf
    url = "http://testserver" + verification.path_for(certificate)
    assert url in pdf_text(data)
    assert qr_matches(data, url)
    assert not qr_matches(data, url.replace(certificate.serial, "WQX20260101000000"))


def test_a_revoked_certificate_has_no_pdf(login, personas):
    from certificates import services

    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    services.revoke(certificate, actor=personas.chengguan_official, reason="核查")
    assert login(personas.enterprise_a_user).get(f"/certificates/{certificate.pk}/certificate.pdf").status_code == 404


def test_other_enterprises_cannot_download(login, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    assert login(personas.enterprise_b_user).get(f"/certificates/{certificate.pk}/certificate.pdf").status_code == 404

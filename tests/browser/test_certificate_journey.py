"""An enterprise user applies for a no-arrears certificate, downloads the PDF, and the link in its QR code
verifies it on the public page (the QR is read back from the rendered PDF and compared module by module
with the QR of the printed URL: tests/certificates/pdfcheck.py)."""

import re

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from tests.certificates.pdfcheck import pdf_text, qr_matches
from tests.factories import PASSWORD

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_enterprise_applies_downloads_and_the_qr_link_verifies(page, personas, live_server):
    login(page, "enterprise_a_user", PASSWORD)
    page.locator("nav.app-sidebar a[href=\"/certificates/\"]").click()
    page.select_option("select[name=purpose]", "bidding")
    page.fill("input[name=purpose_detail]", "兰州新区综合管廊三标段")
    page.get_by_test_id("apply").click()

    expect(page.get_by_test_id("certificate-state")).to_have_attribute("class", re.compile("state-valid"))
    certificate = Certificate.objects.get(enterprise=personas.enterprise_a)
    with page.expect_download() as info:
        page.get_by_test_id("download-pdf").click()
    data = open(info.value.path(), "rb").read()  # noqa: PTH123, SIM115 (playwright's temp file)
    assert data.startswith(b"%PDF")

    urls = re.findall(r"http://\S+/public/verify/\S+", pdf_text(data))
    assert len(urls) == 1
    url = urls[0]
    assert url.startswith(live_server.url) and certificate.serial in url
    assert qr_matches(data, url)  # the QR encodes exactly the printed verification URL

    context = page.context.browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    phone = context.new_page()  # a bidding officer's phone, not logged in
    phone.goto(url)
    expect(phone.get_by_test_id("verify-state")).to_have_attribute("data-state", "valid")
    expect(phone.get_by_test_id("verify-result")).to_contain_text(certificate.serial)
    # the holder is named, so that no firm can present another's valid serial (issue 10)
    expect(phone.get_by_test_id("verify-result")).to_contain_text(personas.enterprise_a.name)
    phone.goto(url.replace(certificate.serial, certificate.serial[:-1] + ("0" if certificate.serial[-1] != "0"
                                                                          else "1")))
    expect(phone.locator("body")).to_contain_text("核验未通过")
    context.close()

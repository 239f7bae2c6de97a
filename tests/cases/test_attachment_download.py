"""Downloading a complaint's attachments: only for those who may view the complaint, always as a download with
the type checked at upload and nosniff, audited."""

from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from cases import services
from cases.models import Complaint

from .factories import new_complaint

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def attachment(personas):
    # An HTML name on PDF content: the download is named and typed from the content.
    upload = SimpleUploadedFile("工资条.html", PDF, content_type="text/html")
    complaint = services.submit_complaint(
        Complaint(channel="walk_in", kind="complaint", complainant_name="李四", complainant_phone="13800001111",
                  employer_name=personas.enterprise_a.name, workers_count=1, amount_owed=Decimal("5000"),
                  description="欠薪"), attachments=[upload])
    return complaint.attachments.get()


def url(attachment):
    return reverse("cases:attachment-download", args=[attachment.complaint_id, attachment.pk])


def test_an_inspector_of_the_district_downloads_it_as_an_attachment(personas, login, attachment):
    response = login(personas.chengguan_inspector).get(url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "inline" not in response["Content-Disposition"]
    assert ".pdf" in response["Content-Disposition"] and ".html" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    event = AuditEvent.objects.get(event="attachment_downloaded")
    assert event.actor == personas.chengguan_inspector
    assert event.object_id == str(attachment.complaint_id)
    assert event.data["attachment"] == attachment.pk


def test_the_complaint_page_links_the_download(personas, login, attachment):
    html = login(personas.chengguan_inspector).get(attachment.complaint.get_absolute_url()).content.decode()
    assert f'href="{url(attachment)}"' in html


def test_other_district_gets_404(personas, login, attachment):
    assert login(personas.qilihe_inspector).get(url(attachment)).status_code == 404
    assert not AuditEvent.objects.filter(event="attachment_downloaded").exists()


def test_enterprise_user_gets_403(personas, login, attachment):
    # employers may not view complaints at all (the role, not the row): 403 for every id, as on the API
    assert login(personas.enterprise_a_user).get(url(attachment)).status_code == 403


def test_attachment_of_another_complaint_gets_404(personas, login, attachment):
    other = new_complaint(None, enterprise=personas.enterprise_a)
    path = reverse("cases:attachment-download", args=[other.pk, attachment.pk])
    assert login(personas.chengguan_inspector).get(path).status_code == 404


def test_anonymous_is_sent_to_login(client, attachment):
    response = client.get(url(attachment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(django_settings.LOGIN_URL))

"""Attachment checks from the content, not the file name (ASVS 12.1.1, 12.2.1): the first bytes must be
those of a PDF, JPEG or PNG and the size within the limit."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENTS = 5
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def sniff(head: bytes) -> str | None:
    for magic, content_type in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def check_attachment(upload) -> str:
    """The content type of an acceptable upload; ValidationError for anything else."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("%(name)s is larger than %(mb)d MB.") % {
            "name": upload.name, "mb": MAX_ATTACHMENT_BYTES // 1024 // 1024})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        raise ValidationError(_("%(name)s is not a PDF, JPEG or PNG file.") % {"name": upload.name})
    return content_type

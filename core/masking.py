"""Masks for personal data, as docs/ui.md prescribes. Pages and API bodies show only these."""


def mask_id_number(value: str | None) -> str:
    """6201**********123X: the first 4 and last 4 characters."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_bank_card(value: str | None) -> str:
    """**** **** **** 1234"""
    if not value:
        return ""
    return "**** **** **** " + value[-4:]


def mask_phone(value: str | None) -> str:
    """138****5678 for mobiles; other numbers keep their last 4 characters."""
    if not value:
        return ""
    digits = value.strip()
    if len(digits) == 11 and digits.isdigit():
        return digits[:3] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]

"""Masks for personal data, as docs/ui.md prescribes. Pages and API bodies show only these; and the one
rule of who may read the full value."""

from kernel.roles import Role

# PIPL Art. 28 (sensitive personal data) with ASVS 8.3.5: only the inspectors and officials of the district that
# handles the record read a full ID number or phone, giving a reason, audited (audit.events.personal_data_revealed).
# City administrators run the platform, not the cases: they do not (the minimum-necessary rule, PIPL Art. 6).
REVEAL_ROLES = frozenset({Role.INSPECTOR, Role.DISTRICT_OFFICIAL})


def may_reveal(user) -> bool:
    """Whether the user's role may read full personal data at all; the caller adds the record's scope."""
    return getattr(user, "is_authenticated", False) and user.is_active and user.role in REVEAL_ROLES


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


def mask_name(value: str | None) -> str:
    """张*, 欧阳** : the first character. Used where a name on file is shown to someone outside its scope (an
    employer whose roster names a person registered by another)."""
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1)

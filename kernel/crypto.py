"""Encryption at rest for personal data (PIPL Art. 28/51; ASVS 6.1.1).

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under FIELD_ENCRYPTION_KEYS; the
first key encrypts, all keys decrypt, so keys can be rotated (`manage.py rotate_field_keys`).
Exact look-up uses a keyed hash (blind index) under BLIND_INDEX_KEY, never the plaintext.
In DEBUG without configured keys, keys are derived from SECRET_KEY so that a dev site works.
"""

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


def _derived(label: str) -> bytes:
    return hashlib.sha256(f"wagewatch:{label}:{settings.SECRET_KEY}".encode()).digest()


@cache
def _fernet() -> MultiFernet:
    keys = list(settings.FIELD_ENCRYPTION_KEYS) or [base64.urlsafe_b64encode(_derived("fernet")).decode()]
    return MultiFernet([Fernet(k.encode() if isinstance(k, str) else k) for k in keys])


def _index_key() -> bytes:
    return settings.BLIND_INDEX_KEY.encode() if settings.BLIND_INDEX_KEY else _derived("blind-index")


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """Re-encrypt a token under the first (newest) key."""
    return _fernet().rotate(token.encode()).decode()


def blind_index(value: str) -> str:
    """A keyed hash of a normalised value, for exact look-up and de-duplication."""
    normalised = "".join(value.split()).upper()
    return hmac.new(_index_key(), normalised.encode(), hashlib.sha256).hexdigest()


def reset_cache():
    """For tests that change the keys."""
    _fernet.cache_clear()

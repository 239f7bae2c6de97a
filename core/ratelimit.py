"""A small fixed-window rate limit on the cache, for the public pages (no login to slow guessing down).
In production the cache is Redis (CACHE_URL), so every web process counts against the same window.

The client address behind a reverse proxy depends on PROXY_COUNT (wagewatch/settings.py, README
"Deployment"): with the default 0 behind nginx every caller would share the proxy's address."""

import math
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The caller's address. Behind PROXY_COUNT trusted proxies it is the entry that the outermost
    proxy appended to X-Forwarded-For; anything further left was written by the client."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(key: str) -> str:
    return f"cases:rl:{key}"


def allow(key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit on `key`; False once more than `limit` hits fell in the current window."""
    cache_key = _key(key)
    if cache.add(cache_key, 1, window_seconds):
        cache.set(f"{cache_key}:until", time.time() + window_seconds, window_seconds)
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, window_seconds)
        cache.set(f"{cache_key}:until", time.time() + window_seconds, window_seconds)
        return True
    return count <= limit


def exceeded(key: str, limit: int) -> bool:
    """Whether `key` is over its limit, without counting a hit."""
    return (cache.get(_key(key)) or 0) > limit


def reached(key: str, limit: int) -> bool:
    """Whether `key` has its `limit` hits already (the next one would be refused), without counting."""
    return (cache.get(_key(key)) or 0) >= limit


def retry_after(key: str, window_seconds: int) -> int:
    """Seconds until the current window of `key` ends (the whole window when unknown), at least 1."""
    until = cache.get(f"{_key(key)}:until")
    left = (until - time.time()) if until else window_seconds
    return max(1, math.ceil(min(left, window_seconds)))

"""Notifications: the one way any app tells people something (in-app inbox, e-mail, SMS).

This is the contract; the notifications app implements it (inbox, channels, retries, digests)."""


def notify(recipients, *, kind: str, title: str, body: str = "", link: str = "", key: str = "") -> int:
    """Queue a message to each user in ``recipients`` (an iterable of accounts.User) after the current
    transaction commits. ``kind`` names the source ("warning.raised", "reminder.case_deadline"), ``title``
    and ``body`` are plain text in the recipient's language (zh-Hans), ``link`` a site path, ``key`` makes it
    idempotent: a second call with the same key for the same user adds nothing. Returns how many messages
    were queued."""
    return 0

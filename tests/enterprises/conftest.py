import pytest
from django.test import Client
from django.utils import timezone


@pytest.fixture
def year():
    """This year's evaluation year; its period is the previous calendar year."""
    return timezone.localdate().year


@pytest.fixture
def login():
    """A Django test client signed in as the given user."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read the English source strings, whatever the zh_Hans catalogue says."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield

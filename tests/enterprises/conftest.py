import pytest
from django.utils import timezone


@pytest.fixture
def year():
    """This year's evaluation year; its period is the previous calendar year."""
    return timezone.localdate().year

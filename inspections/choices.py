"""The vocabulary of the inspections app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InspectorKind(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time inspector")
    GRID_ASSISTANT = "grid_assistant", _("Grid assistant")


class Stratum(models.TextChoices):
    """The credit grade a sampling rate applies to; employers not graded yet form their own stratum."""

    A = "A", _("Grade A")
    B = "B", _("Grade B")
    C = "C", _("Grade C")
    UNGRADED = "-", _("Not graded")


class DrawStatus(models.TextChoices):
    COMMITTED = "committed", _("Commitment published")
    DRAWN = "drawn", _("Drawn, seed revealed")
    SUPERSEDED = "superseded", _("Superseded")


class Outcome(models.TextChoices):
    NO_PROBLEM = "no_problem", _("No problem found")
    ADVISED = "advised", _("Advised to correct")
    ORDERED = "ordered", _("Ordered to correct")
    CASE_FILED = "case_filed", _("Case filed")

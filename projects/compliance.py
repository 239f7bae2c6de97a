"""Real-name compliance of a project, computed from its employments (never typed): the share of workers
with a wage card issued within one month, held by the worker, activated, and a labour contract signed
before entering the site, each against the target in force (projects.rules)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import rules
from .choices import ComplianceMetric
from .querysets import compliance_counts


@dataclass(frozen=True)
class Ratio:
    metric: ComplianceMetric
    count: int
    total: int
    target: Decimal

    @property
    def ratio(self) -> Decimal | None:
        if not self.total:
            return None
        return (Decimal(self.count) / Decimal(self.total)).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    @property
    def ok(self) -> bool:
        """Met when there is nobody to count, or the share reaches the target (compared exactly)."""
        return self.total == 0 or Decimal(self.count) >= self.target * self.total

    @property
    def label(self):
        return self.metric.label

    @property
    def missing(self) -> int:
        """How many more workers must comply to reach the target."""
        needed = (self.target * self.total).to_integral_value(rounding="ROUND_CEILING")
        return max(int(needed) - self.count, 0)


@dataclass(frozen=True)
class Compliance:
    total: int
    ratios: list[Ratio]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.ratios)

    @property
    def problems(self) -> list[Ratio]:
        return [r for r in self.ratios if not r.ok]


def from_counts(counts: dict, targets: dict) -> Compliance:
    total = counts.get("n_workers") or 0
    return Compliance(total, [Ratio(m, counts.get(f"n_{m}") or 0, total, targets[m]) for m in ComplianceMetric])


def for_project(project, targets=None) -> Compliance:
    """One query: the aggregates over the project's employments."""
    from .models import Employment

    targets = targets or rules.targets_on()
    return from_counts(Employment.objects.filter(project=project).compliance_counts(), targets)


def for_projects(project_ids, targets=None) -> dict:
    """{project_id: Compliance} for many projects in one grouped query (list pages, the API)."""
    from .models import Employment

    targets = targets or rules.targets_on()
    rows = (Employment.objects.filter(project_id__in=list(project_ids)).values("project_id")
            .annotate(**compliance_counts()).order_by())
    by_project = {row["project_id"]: row for row in rows}
    return {pk: from_counts(by_project.get(pk, {}), targets) for pk in project_ids}

"""Construction-permit preconditions (施工许可前置条件), computed from the records, never typed:

- the client's funding is confirmed in place (Decree 724 Art. 23);
- the dedicated wage account is opened (Decree 724 Art. 26; Rugao and similar local rules);
- the wage deposit is stored, guaranteed or exempt (Decree 724 Art. 32, 人社部发〔2021〕65号).

The deposits app supplies the third answer: it registers a provider with `register_requirement` in its
AppConfig.ready(). Until a provider is registered the deposit reads as missing; nothing is assumed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# A check takes projects and answers {project_id: True when met}; a missing id means "not met".
Check = Callable[[list], dict]


@dataclass(frozen=True)
class Requirement:
    code: str
    label: str
    check: Check | None  # None: no app answers for this requirement yet (reads as missing)
    missing_note: str = ""


def _funds(projects) -> dict:
    return {p.pk: p.funds_confirmed_on is not None for p in projects}


def _account(projects) -> dict:
    from .models import WageAccount

    opened = set(WageAccount.objects.filter(project_id__in=[p.pk for p in projects], closed_on__isnull=True)
                 .values_list("project_id", flat=True))
    return {p.pk: p.pk in opened for p in projects}


_REQUIREMENTS: dict[str, Requirement] = {
    "funds": Requirement("funds", _("Funding confirmed in place"), _funds),
    "wage_account": Requirement("wage_account", _("Dedicated wage account opened"), _account),
    "wage_deposit": Requirement(
        "wage_deposit", _("Wage deposit stored, guaranteed or exempt"), None,
        _("No wage-deposit record: the deposit register is not connected yet.")),
}


def register_requirement(code: str, check: Check, label=None) -> None:
    """Let another app answer a requirement (the deposits app: code "wage_deposit"), or add one.
    `check(projects) -> {project_id: bool}` must answer for many projects in a fixed number of queries."""
    current = _REQUIREMENTS.get(code)
    _REQUIREMENTS[code] = Requirement(code, label or (current.label if current else code), check)


def unregister_requirement(code: str) -> None:
    """Back to "not connected" (tests)."""
    if code == "wage_deposit":
        _REQUIREMENTS[code] = Requirement(
            "wage_deposit", _("Wage deposit stored, guaranteed or exempt"), None,
            _("No wage-deposit record: the deposit register is not connected yet."))
    else:
        _REQUIREMENTS.pop(code, None)


@dataclass(frozen=True)
class Eligibility:
    checks: list  # [(Requirement, met: bool)]

    @property
    def eligible(self) -> bool:
        return all(met for _req, met in self.checks)

    @property
    def missing(self) -> list:
        return [req for req, met in self.checks if not met]

    def as_dict(self) -> dict:
        return {
            "eligible": self.eligible,
            "requirements": [{"code": r.code, "label": str(r.label), "met": met,
                              "note": str(r.missing_note) if not met and r.missing_note else ""}
                             for r, met in self.checks],
            "missing": [str(r.label) for r in self.missing],
        }


def eligibility_for(projects: Iterable) -> dict:
    """{project_id: Eligibility}; one query per requirement whatever the number of projects."""
    projects = list(projects)
    answers = {code: (req.check(projects) if req.check else {}) for code, req in _REQUIREMENTS.items()}
    return {p.pk: Eligibility([(req, bool(answers[code].get(p.pk))) for code, req in _REQUIREMENTS.items()])
            for p in projects}


def eligibility(project) -> Eligibility:
    return eligibility_for([project])[project.pk]

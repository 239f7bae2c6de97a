"""One structure for "which rule says so": a rule's name and its legal basis, shown beside every deadline and
grade reason (page and API), as the deposit-rate explanation does with its lines.

Rule modules (cases.rules, blacklist.rules, certificates, enterprises.grading) declare their rules as `Rule`
constants next to the number they govern; pages render `{% citation rule %}` and API bodies `rule.as_dict()`.
"""

from dataclasses import dataclass

# A value the city sets by its own practice, not by a regulation (domain.md [L]).
LOCAL_PRACTICE = "本市工作惯例"


@dataclass(frozen=True)
class Rule:
    """A rule as the user reads it: its name (translatable) and its basis (the act and article, in Chinese as
    the act is cited)."""

    name: str
    basis: str

    def as_dict(self) -> dict:
        return {"rule": str(self.name), "basis": self.basis}

    def __str__(self):
        return f"{self.name}（{self.basis}）"

"""Run one rule as the engine does: its evaluate() on a day with the parameters at their SPEC defaults (or
overridden), the hits listed."""

from earlywarning.rules.base import EvaluationContext


def run(rule, on, **params):
    """[Hit] of the rule module on the day; every evidence key has its label in the SPEC, every hit names the
    rule's subject and its district."""
    values = {name: param.default for name, param in rule.SPEC.params.items()}
    values.update(params)
    hits = list(rule.evaluate(EvaluationContext(on=on, params=values)))
    for hit in hits:
        assert set(hit.evidence) <= set(rule.SPEC.evidence_labels), set(hit.evidence) - set(rule.SPEC.evidence_labels)
        assert hit.subject == rule.SPEC.subject and hit.district_id is not None
    return hits


def by_subject(hits):
    """{(subject id, part): hit}."""
    return {(hit.subject_id, hit.part): hit for hit in hits}

"""Run one rule as the engine does: its evaluate() on a day with the parameters at their SPEC defaults (or
overridden), the hits listed."""

from earlywarning.rules.base import EvaluationContext


def run(rule, on, **params):
    """[Hit] of the rule module on the day."""
    values = {name: param.default for name, param in rule.SPEC.params.items()}
    values.update(params)
    return list(rule.evaluate(EvaluationContext(on=on, params=values)))


def by_subject(hits):
    """{(subject id, part): hit}."""
    return {(hit.subject_id, hit.part): hit for hit in hits}

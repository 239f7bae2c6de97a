"""Running one rule as the engine does, with its SPEC's default parameters (or a few overridden)."""

from earlywarning.rules.base import EvaluationContext


def defaults(spec) -> dict:
    return {name: param.default for name, param in spec.params.items()}


def run(rule, on, **params) -> list:
    """The hits of a rule module (SPEC + evaluate) on the day `on`."""
    return list(rule.evaluate(EvaluationContext(on=on, params={**defaults(rule.SPEC), **params})))

import pytest

from earlywarning.rules.base import EvaluationContext


def defaults(spec) -> dict:
    return {name: param.default for name, param in spec.params.items()}


@pytest.fixture
def run_rule():
    """run_rule(module, on, **params) -> the rule's hits, with the SPEC's defaults unless overridden."""

    def run(module, on, **params):
        return list(module.evaluate(EvaluationContext(on=on, params={**defaults(module.SPEC), **params})))

    return run

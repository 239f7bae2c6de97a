"""The catalogue entries of W06–W08, W11–W13, W15 and W16: listed, cited, and translated."""

import pytest
from django.utils import translation

from earlywarning.rules import all_rules

CODES = ["W06", "W07", "W08", "W11", "W12", "W13", "W15", "W16"]


@pytest.fixture
def specs():
    found = {spec.code: spec for spec, _evaluate in all_rules()}
    return [found[code] for code in CODES]


def test_each_rule_is_listed_with_a_chinese_citation(specs):
    for spec in specs:
        assert spec.citation.basis.startswith("《"), spec.code
        assert spec.clear_within_workdays > 0, spec.code
        assert spec.recipients, spec.code


def test_every_text_of_the_rules_is_translated(specs):
    texts = []
    for spec in specs:
        texts += [spec.name, spec.description, spec.how_to_clear, spec.citation.name]
        texts += [param.label for param in spec.params.values()]
        texts += list(spec.evidence_labels.values())
    with translation.override("en"):
        english = [str(text) for text in texts]
    with translation.override("zh-hans"):
        chinese = [str(text) for text in texts]
    assert [en for en, zh in zip(english, chinese, strict=True) if en == zh] == []


def test_parameter_defaults_lie_within_their_bounds(specs):
    for spec in specs:
        for name, param in spec.params.items():
            assert param.minimum is None or param.default >= param.minimum, (spec.code, name)
            assert param.maximum is None or param.default <= param.maximum, (spec.code, name)

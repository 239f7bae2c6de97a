"""The published draw algorithm on its own (no database): reproducible from the seed, bound by the commitment,
sampling rates honoured per grade, and in every draw at least the plan's inspectors per target, none recused
(property-based over random rosters)."""

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspections import drawing

SEED = "ab" * 32
OTHER_SEED = "cd" * 32


def inputs(targets, inspectors, rates=None, needed=2):
    return {
        "algorithm": drawing.ALGORITHM,
        "plan": 1,
        "batch": 1,
        "frozen_on": "2026-03-02",
        "min_inspectors": needed,
        "rates": rates or {"*:A": "5.00", "*:B": "20.00", "*:C": "50.00", "*:-": "10.00"},
        "targets": targets,
        "inspectors": inspectors,
    }


def roster(n, district="620102", recusals=None):
    recusals = recusals or {}
    return [{"id": i, "district": district, "recusals": sorted(recusals.get(i, []))} for i in range(1, n + 1)]


def register(per_grade, district="620102", start=100):
    targets, pk = [], start
    for grade, count in per_grade.items():
        for _ in range(count):
            targets.append({"id": pk, "district": district, "grade": grade})
            pk += 1
    return targets


def test_the_same_seed_gives_the_same_draw_and_another_seed_another():
    data = inputs(register({"A": 40, "B": 30, "C": 20, "": 10}), roster(8))
    assert drawing.run(data, SEED) == drawing.run(data, SEED)
    assert drawing.run(data, SEED) != drawing.run(data, OTHER_SEED)


def test_the_commitment_binds_the_seed_and_the_inputs():
    data = inputs(register({"A": 5, "C": 5}), roster(3))
    published = drawing.commitment(SEED, data)
    result = drawing.run(data, SEED)
    assert drawing.verify(data, SEED, published, result) == {"commitment": True, "result": True}
    assert drawing.verify(data, OTHER_SEED, published, drawing.run(data, OTHER_SEED))["commitment"] is False
    changed = inputs(register({"A": 5, "C": 5}), roster(3, recusals={1: [100]}))
    assert drawing.verify(changed, SEED, published, drawing.run(changed, SEED))["commitment"] is False
    tampered = {"algorithm": result["algorithm"], "targets": list(reversed(result["targets"]))}
    assert drawing.verify(data, SEED, published, tampered) == {"commitment": True, "result": False}
    # The canonical form ignores key order but not content.
    assert drawing.commitment(SEED, dict(reversed(list(data.items())))) == published


def test_sampling_rates_are_honoured_per_grade_and_district():
    targets = register({"A": 40, "B": 30, "C": 7, "": 10}) + register({"C": 9}, district="620103", start=500)
    rates = {"*:A": "5.00", "*:B": "20.00", "*:C": "50.00", "*:-": "0", "620103:C": "100"}
    result = drawing.run(inputs(targets, roster(6) + roster(0), rates), SEED)
    by_id = {t["id"]: t for t in targets}
    drawn = [by_id[row["target"]] for row in result["targets"]]
    count = lambda grade, district="620102": sum(1 for t in drawn if t["grade"] == grade and t["district"] == district)  # noqa: E731
    assert (count("A"), count("B"), count("C"), count("")) == (2, 6, 4, 0)  # ceil(40×5%), 30×20%, ceil(7×50%), 0
    assert count("C", "620103") == 9


@pytest.mark.parametrize(
    ("population", "rate", "expected"),
    [(0, "50", 0), (1, "0.01", 1), (10, "10", 1), (11, "10", 2), (3, "100", 3), (7, "0", 0)],
)
def test_sample_size_is_the_ceiling(population, rate, expected):
    assert drawing.sample_size(population, Decimal(rate)) == expected


def test_too_few_inspectors_after_recusal_makes_the_draw_impossible():
    data = inputs(register({"C": 1}), roster(2, recusals={1: [100]}), rates={"*:C": "100"})
    with pytest.raises(drawing.DrawImpossible):
        drawing.run(data, SEED)


@st.composite
def worlds(draw):
    districts = ["620102", "620103", "620104"]
    n_targets = draw(st.integers(min_value=0, max_value=40))
    targets = [
        {
            "id": 1000 + i,
            "district": draw(st.sampled_from(districts)),
            "grade": draw(st.sampled_from(["A", "B", "C", ""])),
        }
        for i in range(n_targets)
    ]
    n_inspectors = draw(st.integers(min_value=0, max_value=12))
    ids = [t["id"] for t in targets]
    inspectors = [
        {
            "id": i + 1,
            "district": draw(st.sampled_from(districts)),
            "recusals": sorted(set(draw(st.lists(st.sampled_from(ids), max_size=8)))) if ids else [],
        }
        for i in range(n_inspectors)
    ]
    rates = {f"*:{g}": str(draw(st.integers(min_value=0, max_value=100))) for g in ("A", "B", "C", "-")}
    return inputs(targets, inspectors, rates, needed=draw(st.integers(min_value=2, max_value=3))), draw(
        st.binary(min_size=32, max_size=32)
    ).hex()


@settings(max_examples=300, deadline=None)
@given(worlds())
def test_every_draw_assigns_enough_inspectors_never_a_recused_one(world):
    data, seed = world
    recused = {i["id"]: set(i["recusals"]) for i in data["inspectors"]}
    try:
        result = drawing.run(data, seed)
    except drawing.DrawImpossible as exc:
        # Only when the target really has too few inspectors who are not recused.
        assert sum(1 for i in data["inspectors"] if exc.target_id not in recused[i["id"]]) < data["min_inspectors"]
        return
    assert result == drawing.run(data, seed)
    drawn = [row["target"] for row in result["targets"]]
    assert len(drawn) == len(set(drawn))
    for row in result["targets"]:
        assert len(row["inspectors"]) == len(set(row["inspectors"])) == data["min_inspectors"]
        assert not any(row["target"] in recused[i] for i in row["inspectors"])
    # The rates per stratum hold exactly.
    strata = {}
    for t in data["targets"]:
        strata.setdefault((t["district"], t["grade"] or "-"), []).append(t["id"])
    for (_district, grade), members in strata.items():
        rate = Decimal(data["rates"][f"*:{grade}"])
        assert sum(1 for pk in drawn if pk in members) == min(len(members), math.ceil(len(members) * rate / 100))

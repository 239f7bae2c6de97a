"""The double-random draw (双随机), as a published algorithm anyone can re-run: standard-library Python only,
no Django, so that tools/verify_draw.py (and any citizen with Python) runs exactly this code.

Algorithm "wagewatch-draw-1"
============================

Inputs (frozen before the draw, published with the commitment) are one JSON object:

    {"algorithm": "wagewatch-draw-1", "plan": 7, "batch": 1, "frozen_on": "2026-03-02", "min_inspectors": 2,
     "rates": {"*:A": "5.00", "*:B": "10.00", "*:C": "30.00", "620102:C": "50.00", ...},
     "targets": [{"id": 12, "district": "620102", "grade": "C"}, ...],          # sorted by id
     "inspectors": [{"id": 3, "district": "620102", "recusals": [12]}, ...]}    # sorted by id

The seed is 32 random bytes, written as 64 hexadecimal digits.

1. Commitment (published before the draw): SHA-256 over the seed bytes followed by the canonical JSON of the
   inputs (keys sorted, no spaces, UTF-8, `json.dumps(inputs, sort_keys=True, separators=(",", ":"),
   ensure_ascii=False)`), as 64 hexadecimal digits.
2. Every random choice is an ordering by a key, key(label) = HMAC-SHA256(seed, label) in hexadecimal
   (a counter-free keyed ordering: the same seed and label always give the same key, and without the seed
   nobody can predict it).
3. Targets: the targets are grouped into strata by (district, grade; "-" for not graded). The rate of a stratum
   is rates["<district>:<grade>"] if present, else rates["*:<grade>"], else 0 (percent, a decimal string).
   A stratum of n targets gives ceil(n × rate / 100) targets, taken in the order of key("target|<id>").
4. Inspectors: the drawn targets are taken in the order of key("order|<id>"). For each, the inspectors not
   recused from it are ordered by (not of the target's district, assignments so far, key("inspector|<target
   id>|<inspector id>")) and the first `min_inspectors` are assigned: same district first, then the least
   loaded, then at random. A recused inspector is never a candidate (the redraw of Decree 423 Art. 16).
   If fewer than `min_inspectors` are eligible, the draw is impossible and nothing is drawn.

Output: {"algorithm": ..., "targets": [{"target": <id>, "inspectors": [<id>, ...]}, ...]} in the order of
step 4. verify(inputs, seed, commitment, result) checks both the commitment and the result.
"""

import hashlib
import hmac
import json
from decimal import ROUND_CEILING, Decimal

ALGORITHM = "wagewatch-draw-1"
SEED_BYTES = 32
UNGRADED = "-"


class DrawImpossible(ValueError):
    """Fewer eligible inspectors than the plan needs for a target (after recusals)."""

    def __init__(self, target_id, eligible, needed):
        super().__init__(f"target {target_id}: {eligible} eligible inspectors, {needed} needed")
        self.target_id, self.eligible, self.needed = target_id, eligible, needed


def canonical(data) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def commitment(seed_hex: str, inputs) -> str:
    return hashlib.sha256(bytes.fromhex(seed_hex) + canonical(inputs)).hexdigest()


def _key(seed: bytes, label: str) -> str:
    return hmac.new(seed, label.encode("utf-8"), hashlib.sha256).hexdigest()


def rate_of(rates: dict, district: str, grade: str) -> Decimal:
    return Decimal(str(rates.get(f"{district}:{grade}", rates.get(f"*:{grade}", "0"))))


def sample_size(population: int, rate: Decimal) -> int:
    """ceil(population × rate / 100), exactly (a rate above 0 on a non-empty stratum draws at least one)."""
    if population <= 0 or rate <= 0:
        return 0
    return min(population, int((Decimal(population) * rate / 100).to_integral_value(rounding=ROUND_CEILING)))


def run(inputs: dict, seed_hex: str) -> dict:
    seed = bytes.fromhex(seed_hex)
    needed = int(inputs["min_inspectors"])
    strata: dict[tuple[str, str], list[dict]] = {}
    for target in inputs["targets"]:
        strata.setdefault((target["district"], target["grade"] or UNGRADED), []).append(target)
    drawn = []
    for (district, grade), members in sorted(strata.items()):
        members = sorted(members, key=lambda t: _key(seed, f"target|{t['id']}"))
        drawn += members[: sample_size(len(members), rate_of(inputs["rates"], district, grade))]
    drawn.sort(key=lambda t: _key(seed, f"order|{t['id']}"))

    load = {inspector["id"]: 0 for inspector in inputs["inspectors"]}
    assignments = []
    for target in drawn:
        eligible = [i for i in inputs["inspectors"] if target["id"] not in i["recusals"]]
        if len(eligible) < needed:
            raise DrawImpossible(target["id"], len(eligible), needed)
        eligible.sort(
            key=lambda i: (
                i["district"] != target["district"],
                load[i["id"]],
                _key(seed, f"inspector|{target['id']}|{i['id']}"),
            )
        )
        chosen = [i["id"] for i in eligible[:needed]]
        for pk in chosen:
            load[pk] += 1
        assignments.append({"target": target["id"], "inspectors": chosen})
    return {"algorithm": ALGORITHM, "targets": assignments}


def verify(inputs: dict, seed_hex: str, published_commitment: str, published_result: dict) -> dict:
    """{"commitment": bool, "result": bool}: whether the seed and inputs give the published commitment, and
    whether re-running the algorithm gives the published result."""
    try:
        same_commitment = hmac.compare_digest(commitment(seed_hex, inputs), published_commitment)
        rerun = run(inputs, seed_hex)
    except (ValueError, KeyError, TypeError):
        return {"commitment": False, "result": False}
    return {"commitment": same_commitment, "result": rerun == published_result}

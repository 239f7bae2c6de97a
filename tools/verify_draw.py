#!/usr/bin/env python3
"""Re-run a published spot-check draw (双随机) and check it, with nothing but Python 3.11 and this repository's
inspections/drawing.py (the published algorithm; it imports no Django and no other package).

    python tools/verify_draw.py https://<site>/inspections/public/draws/12/record.json
    python tools/verify_draw.py record.json          # a saved copy of the same record

The record holds the frozen inputs and the commitment (published before the draw), and the seed and the result
(published after it). The script checks that SHA-256(seed ‖ canonical inputs) is the commitment and that the
algorithm, run on the inputs with the seed, gives exactly the published targets and inspectors. It prints
both checks and exits 0 when both hold, 1 when one fails, 2 when the draw has not run yet.
"""

import json
import pathlib
import sys
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from inspections import drawing  # noqa: E402 (after the path is set: the script runs from anywhere)


def load(source: str) -> dict:
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=30) as response:  # noqa: S310 (a URL the user gives)
            return json.load(response)
    return json.loads(pathlib.Path(source).read_text(encoding="utf-8"))


def check(record: dict) -> int:
    if not record.get("seed") or record.get("result") is None:
        print(f"commitment {record.get('commitment')}: the draw has not run, the seed is not revealed yet.")
        return 2
    outcome = drawing.verify(record["inputs"], record["seed"], record["commitment"], record["result"])
    print(f"algorithm   {record['inputs'].get('algorithm')}")
    print(f"commitment  {record['commitment']}: {'matches' if outcome['commitment'] else 'DOES NOT MATCH'}")
    print(
        f"result      {len(record['result']['targets'])} targets: "
        f"{'the re-run gives the same' if outcome['result'] else 'THE RE-RUN DIFFERS'}"
    )
    names = record.get("names", {})
    for row in record["result"]["targets"]:
        who = ", ".join(names.get("inspectors", {}).get(str(i), str(i)) for i in row["inspectors"])
        print(f"  {names.get('targets', {}).get(str(row['target']), row['target'])}: {who}")
    return 0 if outcome["commitment"] and outcome["result"] else 1


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    return check(load(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))

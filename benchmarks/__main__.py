"""`make bench`: the enterprise registry at Lanzhou's scale (35,000 employers).

Runs against a throw-away test database created next to DATABASE_URL's (test_<name>), so it never
touches real data, and reports:

- the time to import 35,000 enterprises from one Excel file (validate + apply), and to re-import it;
- the annual grading run over 35,000 enterprises;
- the list API's latency (median and 95th percentile) and query count at that size, page 1 and a
  search, and the HTML list page's query count.
"""

import argparse
import os
import statistics
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=35_000, help="enterprises to import (default 35000)")
    parser.add_argument("--requests", type=int, default=30, help="API requests per measurement")
    parser.add_argument("--keepdb", action="store_true", help="keep the benchmark database afterwards")
    parser.add_argument("--only", choices=["enterprises", "projects", "cases"], help="run one benchmark group")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wagewatch.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from . import bench_cases, bench_projects, registry

        groups = {
            "enterprises": lambda: registry.run(rows=args.rows, requests=args.requests),
            "projects": lambda: bench_projects.run(requests=args.requests),
            "cases": lambda: _collect(bench_cases.run, args.requests),
        }
        for name, group in groups.items():
            if args.only in (None, name):
                print(f"== {name}", flush=True)
                for line in group():
                    print(line, flush=True)
    finally:
        if not args.keepdb:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    return 0


def _collect(run, requests):
    """bench_cases reports through a callback; turn it into lines like the others."""
    lines = []
    run(lines.append, requests=requests)
    return lines


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def percentiles(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


if __name__ == "__main__":
    sys.exit(main())

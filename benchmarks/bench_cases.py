"""Casework at Lanzhou's yearly scale (issue 6), for `make bench`.

`run(report)` calls `report(line)` for each result, on the throw-away benchmark database:

- generating a year of casework (8,350 complaints, 797 cases, 49.87 million recovered) with cases.scale;
- the case list API, the statistics endpoint and the complaint list API at that size: latency (median,
  95th percentile) and query count.
"""

import io
import statistics
import time


def _enterprises():
    from accounts.models import District
    from enterprises.generator import credit_code
    from enterprises.models import Enterprise

    made = [Enterprise(credit_code=credit_code(d.code, 95_000_000 + n), name=f"案件基准企业{d.code}-{n}",
                       district=d, legal_representative="基准")
            for d in District.objects.all() for n in range(30)]
    Enterprise.objects.bulk_create(made, ignore_conflicts=True)


def _latency(client, url, params, requests):
    from django.db import connection

    samples, queries = [], []

    def count(execute, sql, params_, many, context):
        queries.append(sql)
        return execute(sql, params_, many, context)

    for _ in range(requests):
        queries.clear()
        start = time.perf_counter()
        with connection.execute_wrapper(count):
            response = client.get(url, params)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1], len(queries)


def run(report, requests=30):
    from django.utils import timezone
    from rest_framework.test import APIClient

    from accounts.models import User
    from cases import scale
    from kernel.roles import Role

    _enterprises()
    year = timezone.localdate().year - 1
    start = time.perf_counter()
    summary = scale.generate(year, seed=2026, stdout=io.StringIO())
    report(f"cases: generated a year of casework in {time.perf_counter() - start:.1f}s: "
           f"{summary['complaints']} complaints, {summary['cases']} cases, ¥{summary['recovered']:,.2f} recovered")
    leader, _ = User.objects.get_or_create(username="bench_case_leader", defaults={"role": Role.CITY_LEADER})
    client = APIClient()
    client.force_authenticate(leader)
    for label, url, params in [("case list API", "/api/v1/cases/", {"page_size": 50}),
                               ("case statistics API", "/api/v1/cases/statistics/", {}),
                               ("complaint list API", "/api/v1/complaints/", {"page_size": 50})]:
        median, p95, queries = _latency(client, url, params, requests)
        report(f"cases: {label}: median {median:.0f} ms, p95 {p95:.0f} ms, {queries} queries")

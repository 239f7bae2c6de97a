"""Projects at Lanzhou's scale (issue 4), for `make bench`.

Call `run()` after the benchmark database exists (benchmarks/__main__.py creates a throw-away one); it yields
report lines:

- a payroll import of a 10,000-row sheet (validate + apply in one transaction): rows/s, and the ratio to
  openpyxl merely reading the same file in read-only mode (aim: ≤ 2×);
- seeding 3,000 live projects, 300,000 workers and 12 months of payroll (≈ 3.6 million lines) with COPY;
- the project list API's latency (median, 95th percentile) and query count at that size.
"""

import datetime as dt
import io
import statistics
import time


def _enterprises():
    from accounts.models import District
    from enterprises.choices import EnterpriseKind
    from enterprises.generator import credit_code
    from enterprises.models import Enterprise

    district = District.objects.get(code="620102")
    made = []
    for serial, kind in enumerate([EnterpriseKind.CLIENT] * 20 + [EnterpriseKind.GENERAL_CONTRACTOR] * 40
                                  + [EnterpriseKind.LABOUR_SUBCONTRACTOR] * 40, start=90_000_000):
        made.append(Enterprise(credit_code=credit_code("620102", serial), name=f"基准企业{serial}", kind=kind,
                               district=district, legal_representative="基准"))
    Enterprise.objects.bulk_create(made, ignore_conflicts=True)


def _payroll_sheet(project, rows):
    from openpyxl import Workbook

    from projects.importers import payroll
    from projects.models import Employment

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("工资支付台账")
    ws.append([c.header for c in payroll.COLUMNS])
    for n, e in enumerate(Employment.objects.filter(project=project).select_related("worker")[:rows]):
        ws.append([e.worker.name, e.worker.id_number, 22, 6600, 100, 6500, 6500, "2026-04-15", f"B{n}", "是"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _openpyxl_read(data):
    from openpyxl import load_workbook

    start = time.perf_counter()
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for _row in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count, time.perf_counter() - start


def bench_payroll_import(rows=10_000):
    from accounts.models import User
    from core.imports import service
    from projects import generator, importers
    from projects.models import Project

    generator.generate(1, rows, 1, seed=1, today=dt.date(2026, 3, 20))
    project = Project.objects.order_by("-pk").first()
    data = _payroll_sheet(project, rows)
    _count, read_seconds = _openpyxl_read(data)
    actor = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("bench", password=None)
    job = importers.stage(project, "payroll", actor=actor, file_name="bench.xlsx", data=data,
                          month=dt.date(2026, 3, 1))
    start = time.perf_counter()
    job = service.run(job)
    seconds = time.perf_counter() - start
    yield (f"payroll import {rows} rows: {seconds:.2f} s ({rows / seconds:,.0f} rows/s), status {job.status}; "
           f"openpyxl read-only read {read_seconds:.2f} s; ratio {seconds / read_seconds:.2f}× (aim ≤ 2×)")


def bench_scale(projects=3000, workers=100, months=12, requests=30):
    from projects import generator

    start = time.perf_counter()
    counts = generator.generate(projects, workers, months, seed=2026)
    yield (f"seeded {counts['projects']} projects, {counts['workers']} workers, {counts['payroll_lines']:,} payroll "
           f"lines in {time.perf_counter() - start:.0f} s")
    yield from bench_api(requests)


def bench_api(requests=30):
    from django.db import connection
    from rest_framework.test import APIClient

    from accounts.models import User

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = APIClient(SERVER_NAME="localhost")
    client.force_authenticate(User.objects.filter(is_superuser=True).first())
    for label, url in (("project list API page 1", "/api/v1/projects/"),
                       ("project list API, compliance problems", "/api/v1/projects/?problems=true"),
                       ("payroll summaries API", "/api/v1/payroll-months/")):
        timings, queries = [], []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        # An execute wrapper, not CaptureQueriesContext: request_started resets the queries log mid-request.
        with connection.execute_wrapper(count):
            assert client.get(url).status_code == 200
        for _ in range(requests):
            t = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - t)
        p95 = sorted(timings)[max(0, int(len(timings) * 0.95) - 1)]
        yield (f"{label}: median {statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
               f"{len(queries)} queries")


def run(rows=10_000, projects=3000, workers=100, months=12, requests=30):
    """Yield the report lines (see the module docstring)."""
    _enterprises()
    yield from bench_payroll_import(rows)
    yield from bench_scale(projects, workers, months, requests)

"""The enterprise registry benchmark (see benchmarks/__main__.py)."""

import io
import time

from django.db import connection
from openpyxl import Workbook


def _workbook(enterprises) -> bytes:
    from enterprises import importer

    kinds = {v: k for k, v in importer.KIND_VALUES.items()}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("企业名录")
    ws.append([c.header for c in importer.COLUMNS])
    for e in enterprises:
        values = {
            "credit_code": e.credit_code, "name": e.name, "legal_representative": e.legal_representative,
            "district": e.district.name, "address": e.address, "kind": kinds.get(e.kind, "其他用人单位"),
            "industry": e.industry, "registered_capital": float(e.registered_capital),
            "employee_count": e.employee_count, "insured_count": e.insured_count,
            "state_owned": "是" if e.state_owned else "否", "provincial": "否", "status": "存续", "former_names": "",
        }
        ws.append([values[c.field] for c in importer.COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _measure(client, url, params, requests):
    from . import __main__ as bench

    samples, queries = [], []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url, params)
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url, params)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    median, p95 = bench.percentiles(samples)
    return median, p95, len(queries)


def run(*, rows: int, requests: int):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from rest_framework.test import APIClient

    from accounts.models import User
    from core.imports import service
    from core.imports.reading import check_upload
    from enterprises import generator, grading
    from enterprises.models import CreditGrade, Enterprise, EnterpriseImport
    from kernel.roles import Role

    from . import __main__ as bench

    admin = User.objects.create(username="bench_admin", name="基准测试", role=Role.CITY_ADMIN)
    yield f"Enterprise registry benchmark: {rows} enterprises ({connection.vendor}, {connection.settings_dict['NAME']})"

    data, seconds = bench.timed(lambda: _workbook(generator.build_enterprises(rows, seed=1)))
    yield f"  workbook built:              {len(data) / 1024 / 1024:6.1f} MB in {seconds:6.1f} s (not measured)"
    check_upload(SimpleUploadedFile("bench.xlsx", data))

    def do_import():
        return service.run(service.stage(EnterpriseImport, actor=admin, file_name="bench.xlsx", data=data))

    job, seconds = bench.timed(do_import)
    assert job.status == "done", job.errors[:5]
    rate = rows / seconds
    yield f"  import {rows:>6} rows:         {seconds:8.1f} s  ({job.created_count} created, {rate:,.0f} rows/s)"
    job, seconds = bench.timed(do_import)
    yield f"  re-import same file:         {seconds:8.1f} s  ({job.created_count} created, {job.updated_count} updated)"

    year = 2026
    result, seconds = bench.timed(lambda: grading.propose_grades(Enterprise.objects.all(), year, actor=admin))
    yield f"  annual grading proposals:    {seconds:8.1f} s  ({result.created} proposals)"
    sample = list(CreditGrade.objects.filter(year=year).values_list("pk", flat=True)[:5000])
    confirmed, seconds = bench.timed(lambda: grading.confirm_grades(sample, actor=admin))
    yield f"  bulk confirmation:           {seconds:8.1f} s  ({confirmed} grades)"

    api = APIClient()
    api.force_authenticate(admin)
    for label, params in (("list page 1 (50)", {}), ("list page_size=500", {"page_size": 500}),
                          ("search q=建设", {"q": "建设"}), ("filter grade=A", {"grade": "A"})):
        median, p95, queries = _measure(api, "/api/v1/enterprises/", params, requests)
        yield f"  API {label:22} median {median:7.1f} ms  p95 {p95:7.1f} ms  {queries} queries"
    html = Client()
    html.force_login(admin)
    median, p95, queries = _measure(html, "/enterprises/", {}, max(5, requests // 3))
    yield f"  HTML list page              median {median:7.1f} ms  p95 {p95:7.1f} ms  {queries} queries"
    pk = Enterprise.objects.order_by("pk").values_list("pk", flat=True).first()
    median, p95, queries = _measure(html, f"/enterprises/{pk}/", {}, max(5, requests // 3))
    yield f"  HTML detail page            median {median:7.1f} ms  p95 {p95:7.1f} ms  {queries} queries"

"""Names in pinyin order on PostgreSQL (issue 10: they were sorted by code point, 城 before 安)."""

import io

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from core.collation import pinyin
from enterprises.models import Enterprise
from projects.models import Worker
from tests.factories import EnterpriseFactory
from tests.projects.factories import WorkerFactory

pytestmark = pytest.mark.django_db
NAMES = ["城关建设有限公司", "安宁建设有限公司", "北站劳务有限公司"]  # code points: 北 < 城 < 安
PINYIN = ["安宁建设有限公司", "北站劳务有限公司", "城关建设有限公司"]  # an, bei, cheng


def test_the_collation_exists_and_sorts_in_pinyin():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT collname FROM pg_collation WHERE collname = 'zh_pinyin'")
        assert cursor.fetchone()
    assert sorted(NAMES) != PINYIN  # code-point order is what we had


def test_enterprise_list_and_export_are_in_pinyin_order(personas, login, chengguan):
    for name in NAMES:
        EnterpriseFactory(name=name, district=chengguan)
    ours = Enterprise.objects.filter(name__in=NAMES)
    assert list(ours.order_by(pinyin("name")).values_list("name", flat=True)) == PINYIN
    client = login(personas.city_admin)
    page = client.get(reverse("enterprises:list"), {"q": "有限公司"}).content.decode()
    positions = [page.index(name) for name in PINYIN]
    assert positions == sorted(positions)
    export = client.get(reverse("enterprises:list"), {"q": "有限公司", "export": "xlsx"})
    ws = load_workbook(io.BytesIO(b"".join(export.streaming_content))).worksheets[0]
    exported = [row[1] for row in ws.iter_rows(min_row=2, values_only=True) if row[1] in NAMES]
    assert exported == PINYIN


def test_worker_register_is_in_pinyin_order(personas, login):
    in_pinyin = ["李四", "王五", "张三", "赵六"]  # li, wang, zhang, zhao
    for name in ("赵六", "王五", "李四", "张三"):
        WorkerFactory(name=name)
    assert list(Worker.objects.order_by(pinyin("name")).values_list("name", flat=True)) == in_pinyin
    page = login(personas.city_admin).get(reverse("projects:workers")).content.decode()
    positions = [page.index(name) for name in in_pinyin]
    assert positions == sorted(positions)


def test_descending_and_related_fields():
    assert "zh_pinyin" in str(Worker.objects.order_by(pinyin("name", descending=True)).query)
    assert "zh_pinyin" in str(Enterprise.objects.order_by(pinyin("district__name")).query)


def test_the_api_orders_names_in_pinyin(personas, chengguan):
    from rest_framework.test import APIClient

    for name in NAMES:
        EnterpriseFactory(name=name, district=chengguan)
    client = APIClient()
    client.force_authenticate(personas.city_admin)
    body = client.get("/api/v1/enterprises/", {"ordering": "name", "page_size": 100}).json()
    names = [row["name"] for row in body["results"] if row["name"] in NAMES]
    assert names == PINYIN
    body = client.get("/api/v1/enterprises/", {"ordering": "-name", "page_size": 100}).json()
    assert [row["name"] for row in body["results"] if row["name"] in NAMES] == PINYIN[::-1]

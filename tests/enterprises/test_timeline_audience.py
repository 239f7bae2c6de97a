"""The enterprise's own file shows only what was served on it (Decree 423 Art. 9 protects those who report):
never a complaint, its channel, the inspectors assigned or a transfer; and never a link it cannot open.
Officials keep the whole file."""

import importlib

import pytest
from django.apps import apps

from cases.choices import Channel
from enterprises.models import TimelineEntry
from enterprises.timeline import add_entry
from tests.blacklist.factories import notified_entry, proposed_entry
from tests.cases.factories import new_complaint, ordered_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_a(personas, partner, calendar_2029):
    """Enterprise A: a hotline complaint, then a case walked to a served order."""
    new_complaint(personas.chengguan_inspector, enterprise=personas.enterprise_a, channel=Channel.HOTLINE)
    ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    return personas.enterprise_a


def titles(user, enterprise):
    return [e.title for e in TimelineEntry.objects.visible_to(user).filter(enterprise=enterprise)]


def test_the_enterprise_reads_the_order_but_not_the_complaint_or_the_assignments(personas, file_a):
    seen = " | ".join(titles(personas.enterprise_a_user, file_a))
    assert "Rectification order" in seen
    assert "complaint" not in seen.lower() and "hotline" not in seen.lower()
    assert "assigned" not in seen and "Case filed" not in seen and "Investigation started" not in seen


def test_officials_read_the_whole_file(personas, file_a):
    seen = " | ".join(titles(personas.chengguan_official, file_a))
    assert "Wage complaint received" in seen and "assigned" in seen and "Rectification order" in seen


def test_the_enterprise_page_links_only_what_the_viewer_may_open(personas, file_a, login):
    page = login(personas.enterprise_a_user).get(file_a.get_absolute_url()).content.decode()
    assert "Rectification order" in page
    assert "/cases/" not in page and "Hotline" not in page and "hotline" not in page
    official_page = login(personas.chengguan_official).get(file_a.get_absolute_url()).content.decode()
    assert 'href="/cases/' in official_page


def test_another_districts_record_on_the_file_is_plain_text(personas, chengguan, qilihe, login):
    """A Qilihe official reads enterprise B's file, whose entry points at a Chengguan project."""
    from tests.deposits.factories import project

    chengguan_project = project(personas.enterprise_a, client=personas.enterprise_b)
    add_entry(personas.enterprise_b, "project", "作为建设单位登记项目", obj=chengguan_project,
              url=chengguan_project.get_absolute_url())
    page = login(personas.qilihe_official).get(personas.enterprise_b.get_absolute_url()).content.decode()
    assert "作为建设单位登记项目" in page and chengguan_project.get_absolute_url() not in page
    city_page = login(personas.city_leader).get(personas.enterprise_b.get_absolute_url()).content.decode()
    assert f'href="{chengguan_project.get_absolute_url()}"' in city_page


def test_a_listing_proposal_is_internal_until_the_notice_is_served(personas, calendar_2029):
    b = personas.enterprise_b
    from tests.cases.factories import inspector

    second = inspector(personas.qilihe_inspector.district, "qilihe_inspector_2")
    proposed_entry(personas.qilihe_inspector, second, b)
    assert any("Proposed" in t for t in titles(personas.qilihe_official, b))
    assert not any("joint-punishment" in t for t in titles(personas.enterprise_b_user, b))


def test_a_served_listing_notice_is_on_the_enterprise_file(personas, calendar_2029):
    from tests.cases.factories import inspector

    b = personas.enterprise_b
    second = inspector(personas.qilihe_inspector.district, "qilihe_inspector_2")
    notified_entry(personas.qilihe_inspector, second, b)
    seen = titles(personas.enterprise_b_user, b)
    assert any("Proposed" in t for t in titles(personas.qilihe_official, b))
    assert not any("Proposed" in t for t in seen)
    assert len(seen) < len(titles(personas.qilihe_official, b)) and seen


def test_the_migration_marks_existing_entries_by_what_was_served(personas, file_a):
    TimelineEntry.objects.update(visible_to_enterprise=False)
    migration = importlib.import_module("enterprises.migrations.0005_timeline_audience")
    migration.mark_existing(apps, None)
    seen = " | ".join(titles(personas.enterprise_a_user, file_a))
    assert "Rectification order" in seen and "complaint" not in seen.lower() and "assigned" not in seen

"""Role navigation, home pages, error pages, language and the admin's door."""

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def nav_links(client, user):
    client.force_login(user)
    html = client.get("/").content.decode()
    return html.split('class="app-sidebar')[1].split("</nav>")[0]


def test_navigation_follows_the_role(client, personas):
    admin_nav = nav_links(client, personas.city_admin)
    assert "/admin/" in admin_nav and "/enterprises/" in admin_nav
    inspector_nav = nav_links(Client(), personas.chengguan_inspector)
    assert "/admin/" not in inspector_nav and "/enterprises/" in inspector_nav
    enterprise_nav = nav_links(Client(), personas.enterprise_a_user)
    assert "/enterprises/mine/" in enterprise_nav and 'href="/enterprises/"' not in enterprise_nav
    assert "/api/docs/" not in enterprise_nav


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("chengguan_official", "城关区"), ("city_leader", "七里河区"), ("enterprise_a_user", "甲建设有限公司"),
     ("api_client", "市住房和城乡建设局")],
)
def test_each_role_has_a_home_page(client, personas, persona, expected):
    client.force_login(getattr(personas, persona))
    response = client.get("/")
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_district_official_home_shows_only_their_district(client, personas):
    client.force_login(personas.chengguan_official)
    html = client.get("/").content.decode()
    assert "城关区" in html and "七里河区" not in html


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_admin_is_for_city_administrators_only(client, personas):
    client.force_login(personas.city_admin)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/district/").status_code == 200
    for persona in ("city_leader", "chengguan_official", "enterprise_a_user"):
        other = Client()
        other.force_login(getattr(personas, persona))
        assert other.get("/admin/").status_code == 302  # to the admin login


def test_only_city_admins_are_staff(personas):
    assert personas.city_admin.is_staff
    assert not personas.chengguan_official.is_staff
    personas.chengguan_official.is_staff = True
    personas.chengguan_official.save()
    assert not personas.chengguan_official.is_staff


def test_404_page_is_styled_and_chinese(client, personas):
    client.force_login(personas.chengguan_inspector)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and "app-sidebar" in html


def test_out_of_scope_enterprise_is_a_404_not_a_403(client, personas):
    client.force_login(personas.chengguan_inspector)
    assert client.get(f"/enterprises/{personas.enterprise_a.pk}/").status_code == 200
    assert client.get(f"/enterprises/{personas.enterprise_b.pk}/").status_code == 404


def test_500_page_renders_without_a_request_context():
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "500" in html


def test_english_is_available(client, personas):
    client.force_login(personas.chengguan_inspector)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Welcome" in client.get("/").content.decode()


def test_catalogue_is_complete_and_compiled():
    import polib
    from django.conf import settings

    po = polib.pofile(str(settings.BASE_DIR / "locale/zh_Hans/LC_MESSAGES/django.po"))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert missing == []
    with translation.override("zh-hans"):
        assert translation.gettext("Enterprises") == "企业"
        assert translation.gettext("Unified social credit code") == "统一社会信用代码"


def test_session_expires_after_thirty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_logout_ends_the_server_session(client, personas):
    client.force_login(personas.chengguan_inspector)
    session_key = client.session.session_key
    client.post("/accounts/logout/")
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get("/").status_code == 302


def test_filter_bars_offer_all_instead_of_dashes(client, personas):
    client.force_login(personas.chengguan_inspector)
    html = client.get("/enterprises/").content.decode()
    bar = html.split('class="filter-bar')[1].split("</form>")[0]
    assert "---------" not in bar
    assert "全部" in bar


def test_filter_bar_keeps_a_filter_it_does_not_show(client, personas):
    client.force_login(personas.chengguan_official)
    html = client.get("/projects/", {"enterprise": personas.enterprise_a.pk, "status": "registered"}).content.decode()
    bar = html.split('class="filter-bar')[1].split("</form>")[0]
    assert f'<input type="hidden" name="enterprise" value="{personas.enterprise_a.pk}">' in bar
    assert 'name="status"' in bar and 'type="hidden" name="status"' not in bar


def test_filter_bar_shows_exactly_the_named_filters(client, personas):
    client.force_login(personas.chengguan_official)
    bar = client.get("/enterprises/").content.decode().split('class="filter-bar')[1].split("</form>")[0]
    assert 'name="q"' in bar and 'name="industry"' in bar
    assert 'name="credit_code"' not in bar and 'name="state_owned"' not in bar


@pytest.mark.parametrize("model", ["audit/auditevent", "deposits/deposit", "cases/complaint",
                                   "certificates/certificate", "blacklist/listingentry"])
def test_records_changed_only_by_services_are_read_only_in_the_admin(client, personas, model):
    client.force_login(personas.city_admin)
    assert client.get(f"/admin/{model}/").status_code == 200
    assert client.get(f"/admin/{model}/add/").status_code == 403

"""Staff navigation on tablets and phones: below 768 px the sidebar is Bootstrap's offcanvas panel, opened by a
menu button in the top bar, with no inline script (CSP); the language menu names each language in its own
language. (tests/browser looks at the rendering; this checks the markup every staff page carries.)"""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["chengguan_inspector", "city_admin", "enterprise_a_user", "api_client"])
def test_every_signed_in_page_has_a_menu_button_for_the_offcanvas_navigation(client, personas, persona):
    client.force_login(getattr(personas, persona))
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="app-sidebar[^"]*"[^>]*>', html).group(0)
    assert "offcanvas-md" in nav and 'id="app-nav"' in nav
    button = re.search(r'<button[^>]*data-testid="menu-button"[^>]*>', html).group(0)
    assert 'data-bs-toggle="offcanvas"' in button and 'data-bs-target="#app-nav"' in button
    assert 'aria-label="菜单"' in button and "d-md-none" in button
    assert 'data-bs-dismiss="offcanvas"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script (the CSP forbids it)"


def test_the_language_menu_names_each_language_in_its_own_language(client, personas):
    client.force_login(personas.chengguan_inspector)
    menu = client.get("/").content.decode().split('id="lang-select"')[1].split("</select>")[0]
    assert ">简体中文<" in menu and ">English<" in menu and "英语" not in menu

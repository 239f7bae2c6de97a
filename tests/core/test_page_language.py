"""What an official sees: a crawler over every page of every role (issue 10).

Each persona signs in, starts from the home page and every route of the urlconf that needs no argument, and
follows the links it is shown, breadth-first within the site. Two promises are checked on every page:

* the zh-Hans page shows no English word outside a short allow-list (visible text, and the attributes a person
  reads: title, placeholder, aria-label, alt);
* every link rendered for a viewer opens for that viewer ("never render a link the viewer cannot open"):
  200, or a redirect to a page that opens; never 403 or 404.

The crawl starts from every route of the urlconf that takes no argument and reaches the detail pages through
the links, with records of every kind in two districts (the world fixture).
"""

import pprint
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.django_db

# Words an official reads as they are in Chinese documents too; each with its reason.
ALLOWED_WORDS = {
    "API",  # 接口 is used in prose; "API" names the machine interface in the department's contracts
    "Excel", "xlsx", "PDF", "CSV",  # file formats are named so in Chinese software
    "ID",  # 身份证 ID in column headers of imports
    "QR",  # 二维码 (QR) on certificates
    "HTTP", "JSON", "URL", "Swagger", "ReDoc", "OpenAPI",  # API documentation links
    "CA",  # certification authority
}
# Pages that are not ours to translate or not HTML a person reads.
NO_LANGUAGE_CHECK = (r"^/api/", r"^/jsi18n/", r"^/static/", r"^/media/")
# Links a crawler must not follow: they change state or leave the session.
NEVER_FOLLOW = (r"^/accounts/logout/", r"^/i18n/", r"^/admin/logout/", r"^/admin/password_change/",
                r"^/admin/r/", r"/delete/$", r"^/admin/.*/history/$")
MAX_PAGES = 400  # per persona: enough for every page type with the world below, bounded for CI


class PageParser(HTMLParser):
    """Visible text, the human-read attributes and the links of one HTML page."""

    READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
    HIDDEN = {"script", "style", "template", "noscript"}  # and any element in another language (lang="en")
    VOID = {"input", "img", "br", "hr", "meta", "link", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links = [], []
        self._hidden, self._hidden_tags = 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID and (tag in self.HIDDEN or (attrs.get("lang") or "zh").lower()[:2] != "zh"):
            self._hidden += 1
            self._hidden_tags.append(tag)
        if self._hidden:
            return
        for name in self.READ_ATTRIBUTES & attrs.keys():
            self.text.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.text.append(attrs["value"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._hidden_tags and tag == self._hidden_tags[-1]:
            self._hidden_tags.pop()
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def english_words(text: str) -> set:
    """Words of Latin letters. Parts mixing letters and digits are codes (LZ-2026-00001, WQX2026…, credit codes),
    as are short capitals (LZ, MB); a raw code shown as text is caught by its words (open_case, lanzhou-2021)."""
    found = set()
    text = re.sub(r"https?://\S+", " ", text)  # a URL shown as text (the verification link) is not prose
    for token in re.split(r"[^A-Za-z0-9'_\-./@:]+", text):
        if "@" in token or "/" in token or re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", token):
            continue  # e-mail addresses, paths, dotted task names (celery.backend_cleanup)
        for part in re.split(r"[-_.:']+", token):
            if len(part) < 2 or re.search(r"\d", part) or part in ALLOWED_WORDS:
                continue
            if part.isupper() and len(part) <= 4:
                continue
            found.add(part)
    return found


def language_checked(url: str) -> bool:
    """Our pages, and the admin's index and app pages."""
    if any(re.match(p, url) for p in NO_LANGUAGE_CHECK):
        return False
    if not url.startswith("/admin/"):
        return True
    path = urlsplit(url).path
    # The admin is the city administrator's maintenance tool over raw records (JSON, event codes, user names):
    # its index and app pages, the section and model names an official reads, are held to Chinese.
    return len([p for p in path.split("/") if p]) <= 2


def internal(href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def argumentless_routes():
    from tests.core.test_access_matrix import walk

    for pattern, _entry in walk():
        if "<" in pattern or "(?P" in pattern or pattern.startswith(("api/", "admin/")):
            continue
        url = "/" + pattern.replace("^", "").replace("$", "").replace("\\Z", "")
        yield url


class Crawl:
    def __init__(self, user):
        self.client = Client()
        self.client.force_login(user)
        self.user = user
        self.status = {}  # url -> final status
        self.words = {}  # url -> English words
        self.broken = []  # (page, link, status)

    def open(self, url):
        if url not in self.status:
            response = self.client.get(url)
            hops = 0
            while response.status_code in (301, 302) and hops < 5:
                target = internal(response["Location"])
                if target is None:
                    break
                response = self.client.get(target)
                hops += 1
            self.status[url] = (response.status_code, response)
        return self.status[url]

    def run(self, seeds):
        queue, seen = deque(seeds), set()
        pages = 0
        while queue and pages < MAX_PAGES:
            url = queue.popleft()
            key = _key(url)
            if key in seen:
                continue
            seen.add(key)
            status, response = self.open(url)
            if status == 200 and response.get("Content-Type", "").startswith("application/pdf"):
                self._check_pdf(url, response)
            if status != 200 or "html" not in response.get("Content-Type", ""):
                continue
            pages += 1
            parser = PageParser()
            parser.feed(response.content.decode())
            if language_checked(url):
                words = english_words(" ".join(parser.text))
                if words:
                    self.words[url] = words
            for href in parser.links:
                link = internal(href)
                if link is None or any(re.search(p, link) for p in NEVER_FOLLOW) or link.startswith("/static/"):
                    continue
                link_status, linked = self.open(link)
                if link_status != 200:
                    self.broken.append((url, link, link_status))
                elif linked.get("Content-Type", "").startswith("application/pdf"):
                    self._check_pdf(link, linked)
                queue.append(link)
        return self

    def _check_pdf(self, url, response):
        """Official documents are Chinese too (the verification URL aside)."""
        from tests.certificates.pdfcheck import pdf_text

        text = re.sub(r"https?://\S+|/\S*\?\S*", " ", pdf_text(response.content))
        words = english_words(text)
        if words:
            self.words[url] = words



def _key(url):
    parts = urlsplit(url)
    keys = tuple(sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)}))
    try:
        match = resolve(parts.path)
    except Resolver404:
        return (parts.path, keys)
    # Detail pages of the same kind are one page type after the first few (the world has a handful each).
    return (parts.path, keys) if not match.kwargs else (match.route, keys, _bucket(parts.path))


_BUCKETS = {}


def _bucket(path):
    """The first three records of each detail route are crawled; more are the same page type."""
    route = resolve(path).route
    seen = _BUCKETS.setdefault(route, [])
    if path not in seen and len(seen) < 3:
        seen.append(path)
    return path if path in seen else "more"


# --- the world every persona looks at ----------------------------------------------------------------------


@pytest.fixture
def world(personas, partner, chengguan, qilihe, calendar_2029):
    """Records of every kind in two districts, so that detail pages exist and cross-district links appear:
    Chengguan's project has Qilihe's enterprise B as its client."""
    from cases.choices import Channel
    from tests.blacklist.factories import listed_entry
    from tests.cases.factories import inspector, new_complaint, ordered_case
    from tests.certificates.factories import issue
    from tests.deposits.factories import project, stored
    from tests.factories import ContactFactory, CreditGradeFactory, EnterpriseFactory, ViolationFactory
    from tests.projects.factories import EmploymentFactory, PayrollLineFactory, SubcontractFactory, WageAccountFactory

    a, b = personas.enterprise_a, personas.enterprise_b
    cg_official, qh_official = personas.chengguan_official, personas.qilihe_official
    qh_partner = inspector(qilihe, "qilihe_inspector_2")
    ContactFactory(enterprise=a)
    ViolationFactory(enterprise=a)
    CreditGradeFactory(enterprise=b)

    project_a = project(a, client=b, name="甲工程")
    SubcontractFactory(project=project_a)
    WageAccountFactory(project=project_a)
    PayrollLineFactory(batch__project=project_a)
    EmploymentFactory(project=project_a)
    stored(project_a, cg_official)
    project_b = project(b, name="乙工程", client=EnterpriseFactory(kind="client", district=qilihe))
    stored(project_b, qh_official)

    new_complaint(personas.chengguan_inspector, enterprise=a, channel=Channel.HOTLINE)
    ordered_case(personas.chengguan_inspector, partner, a, project=project_a)
    ordered_case(personas.qilihe_inspector, qh_partner, b)
    listed_entry(personas.qilihe_inspector, qh_partner, qh_official, b)
    clean = EnterpriseFactory(name="丁建设有限公司", district=chengguan)
    issue(clean, cg_official)
    return personas


PERSONAS = ["city_admin", "city_leader", "chengguan_official", "qilihe_official", "chengguan_inspector",
            "chengguan_grid", "enterprise_a_user", "enterprise_b_user", "api_client"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_is_chinese_and_every_link_opens(world, persona):
    _BUCKETS.clear()
    crawl = Crawl(getattr(world, persona)).run(["/", *argumentless_routes()])
    by_word = {}
    for url, words in sorted(crawl.words.items()):
        for word in words:
            by_word.setdefault(word, []).append(url)
    english = {word: urls[:3] + ([f"... {len(urls)} pages"] if len(urls) > 3 else []) for word, urls in by_word.items()}
    assert not english, f"English words on {persona}'s zh-Hans pages (word: pages):\n" + pprint.pformat(english)
    broken = sorted({f"{link}: {status} (on {page})" for page, link, status in crawl.broken})
    assert not broken, f"links {persona} is shown but cannot open:\n" + "\n".join(broken)

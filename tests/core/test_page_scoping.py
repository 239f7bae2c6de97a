"""Pages fetch their row in one place (kernel.views.page_object, kernel.fetch): out of scope
answers 404, a role that may not take the action at all 403, and a new page cannot forget either.

The scan reads every view module (`<app>/views.py`, `<app>/views/*.py`) and fails on a row fetched by hand:
`get_object_or_404(…)`, `<ScopedModel>.objects.get(…)` / `.objects.filter(pk=…)`, a `visible_to(…)` chain
narrowed to one row (`.filter(pk=…)`, `.get(…)`), and a role compared with a string instead of a Role member.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from tests.cases.factories import ComplaintFactory
from tests.factories import ContactFactory

ROOT = Path(settings.BASE_DIR)
SKIP = {"tests", "benchmarks", "tools", ".venv", "kernel"}  # kernel/views.py is the helper itself

# (file, function) → why it may read a row without the helper. Public pages read what the public may see.
_OWN_INBOX = "a message belongs to its recipient, not to a district: Message.objects.for_recipient is its scope"
ALLOWED = {
    ("notifications/views.py", "open_message"): _OWN_INBOX,
    ("notifications/views.py", "read"): _OWN_INBOX,
    ("inspections/views/public.py", "_draw"): "a draw is public from its commitment on (双随机、一公开): the plan, the "
    "commitment, the revealed seed and the drawn targets are what the bureau publishes",
}

SCOPED_MODELS = {m.__name__ for m in apps.get_models() if hasattr(m._default_manager, "visible_to")}
ONE_ROW_KEYWORDS = {"pk", "id"}


def _view_modules():
    for path in sorted(ROOT.glob("*/views.py")) + sorted(ROOT.glob("*/views/*.py")):
        if path.relative_to(ROOT).parts[0] not in SKIP:
            yield path


def _chain(node):
    """The names along an attribute/call chain, innermost first: X.objects.visible_to(u).filter → [X, objects,
    visible_to, filter]."""
    names = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def _one_row(call) -> bool:
    return any(k.arg in ONE_ROW_KEYWORDS for k in call.keywords)


def _problem(node):
    if isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        if any(isinstance(s, ast.Attribute) and s.attr == "role" for s in sides) and any(
            isinstance(s, ast.Constant) and isinstance(s.value, str) for s in sides
        ):
            return "role compared with a string (use kernel.roles.Role)"
        return None
    if not isinstance(node, ast.Call):
        return None
    names = _chain(node)
    if names and names[-1] == "get_object_or_404":
        return "get_object_or_404 (use kernel.views.page_object)"
    single = names[-1:] == ["get"] or (names[-1:] == ["filter"] and _one_row(node))
    if single and len(names) >= 3 and names[-2] == "objects" and names[-3] in SCOPED_MODELS:
        return f"{names[-3]}.objects.{names[-1]}(…) outside scope (use kernel.views.page_object)"
    if single and "visible_to" in names[:-1]:
        return "one row fetched by hand through visible_to (use page_object / kernel.fetch)"
    return None


def _problems():
    found = []
    for path in _view_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            key = (str(path.relative_to(ROOT)), function.name)
            for node in ast.walk(function):
                problem = _problem(node)
                if problem and key not in ALLOWED:
                    found.append(f"{key[0]}:{node.lineno} {function.name}: {problem}")
    return sorted(set(found))


def test_view_modules_fetch_rows_only_through_the_central_helper():
    assert _problems() == []


def test_the_scan_sees_a_hand_made_fetch():
    bad = [
        "get_object_or_404(Case.objects.visible_to(u), pk=pk)",
        "Deposit.objects.get(pk=pk)",
        "Project.objects.filter(pk=pk).first()",
        "Complaint.objects.visible_to(u, 'change').filter(pk=pk).exists()",
        "u.role != 'enterprise'",
    ]
    for source in bad:
        node = ast.parse(source, mode="eval").body
        assert any(_problem(n) for n in ast.walk(node)), source
    assert not any(_problem(n) for n in ast.walk(ast.parse("page_object(request, Case, 'view', pk=pk)")))
    assert not any(_problem(n) for n in ast.walk(ast.parse("Case.objects.visible_to(u).filter(enterprise=e)")))


def test_every_allowed_exception_still_exists_and_says_why():
    names = {
        (str(p.relative_to(ROOT)), f.name)
        for p in _view_modules()
        for f in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(f, ast.FunctionDef)
    }
    for key, reason in ALLOWED.items():
        assert key in names and reason.strip(), key


# --- behaviour over a sample of converted pages --------------------------------------------------------


@pytest.fixture
def pages(personas):
    """(url, method, allowed user, out-of-district user, in-scope user whose role lacks the action)."""
    enterprise = personas.enterprise_a  # Chengguan
    contact = ContactFactory(enterprise=enterprise)
    complaint = ComplaintFactory(enterprise=enterprise)
    return [
        (
            reverse("enterprises:update", args=[enterprise.pk]),
            "get",
            personas.chengguan_official,
            personas.qilihe_official,
            personas.city_leader,
        ),
        (
            reverse("enterprises:contact-update", args=[contact.pk]),
            "get",
            personas.chengguan_official,
            personas.qilihe_official,
            personas.city_leader,
        ),
        (
            reverse("enterprises:grade-propose", args=[enterprise.pk]),
            "post",
            None,
            personas.qilihe_official,
            personas.city_leader,
        ),
        (
            complaint.get_absolute_url(),
            "get",
            personas.chengguan_inspector,
            personas.qilihe_inspector,
            personas.enterprise_a_user,
        ),
        (
            reverse("cases:complaint-reveal", args=[complaint.pk, "phone"]),
            "post",
            personas.chengguan_inspector,
            personas.qilihe_inspector,
            personas.chengguan_grid,
        ),
    ]


@pytest.mark.django_db
def test_out_of_scope_is_404_and_a_missing_action_is_403(pages, login):
    for url, method, allowed, outside, refused in pages:
        if allowed is not None:
            assert getattr(login(allowed), method)(url).status_code == 200, url
        assert getattr(login(outside), method)(url).status_code == 404, url
        assert getattr(login(refused), method)(url).status_code == 403, url

"""One contract between apps (docs/architecture.md): the apps above the case register read it through
cases.facts (with cases.choices for its vocabulary and cases.hooks to plug in), call cases.services only
for an action they cause, and never import its models; demo-data modules, which build cases as an
official would, are the exception. A registry of facts an app fills for itself is not allowed either."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
READERS = ["deposits", "blacklist", "certificates", "reminders", "portal", "inspections"]
ALLOWED = {"cases.facts", "cases.choices", "cases.hooks", "cases.services"}


def _imports_of_cases(package):
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts or path.name.startswith("demo"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module] if node.module != "cases" else [f"cases.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            else:
                continue
            for module in modules:
                if module.split(".")[0] == "cases":
                    yield str(path.relative_to(ROOT)), module


def test_apps_above_cases_read_it_through_its_fact_module():
    found = [(path, module) for package in READERS for path, module in _imports_of_cases(package)
             if ".".join(module.split(".")[:2]) not in ALLOWED]
    assert found == []


def test_cases_services_are_called_only_where_an_action_is_caused():
    callers = sorted({path for package in READERS for path, module in _imports_of_cases(package)
                      if module.startswith("cases.services")})
    assert callers == ["blacklist/services/listing.py"]


def test_deposits_keeps_only_the_blacklist_registry():
    from deposits import providers

    registers = sorted(name for name in dir(providers) if name.startswith("register_"))
    assert registers == ["register_blacklist_provider"]
    assert not (ROOT / "deposits" / "case_link.py").exists()
    assert not (ROOT / "portal" / "sections.py").exists()

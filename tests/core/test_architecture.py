"""The layering that every app builds on (docs/architecture.md): no import cycle between top-level
packages, and the kernel imports no app. Imports inside functions count too: a lazy import hides a
cycle from Python's loader, not from the next reader."""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = sorted(
    p.name for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name not in {"tests", "benchmarks", "tools"}
)


def _imports_of(package):
    """{imported top-level package: [file, …]} for every import in the package, migrations excepted."""
    found = defaultdict(list)
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in PACKAGES and top != package:
                    found[top].append(str(path.relative_to(ROOT)))
    return found


GRAPH = {package: _imports_of(package) for package in PACKAGES}


def _cycles():
    """Strongly connected components of more than one package (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in GRAPH[node]:
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for package in PACKAGES:
        if package not in index:
            visit(package)
    return components


def test_no_import_cycle_between_top_level_packages():
    assert _cycles() == []


def test_the_kernel_imports_no_app():
    assert dict(GRAPH["kernel"]) == {}


def _function_level_imports():
    """(file, line) of every import of another top-level package made inside a function."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            source = path.read_text(encoding="utf-8")
            for function in ast.walk(ast.parse(source)):
                if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for node in ast.walk(function):
                    module = node.module if isinstance(node, ast.ImportFrom) and node.level == 0 else None
                    if module and module.split(".")[0] in PACKAGES and module.split(".")[0] != package:
                        found.append((path, node.lineno, source.splitlines()))
    return found


def test_imports_inside_functions_say_why():
    """A cross-app import inside a function is allowed only where a module-level one cannot work (an
    AppConfig.ready() that runs after the app registry is loaded), and says so in a comment above it."""
    unexplained = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, line, lines in _function_level_imports()
        if "#" not in lines[line - 2] and "#" not in lines[line - 1]
    ]
    assert unexplained == []

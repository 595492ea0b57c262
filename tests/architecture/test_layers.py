"""The apps form layers and depend only downwards.

    newsroom                  (embargo links, release bundles, safety review, press kit)
        ↓
    countries                 (country pages, the country dossier)
        ↓
    reports                   (report, chapters, press releases)
        ↓
    statements    actions     (quote desk; calls to action and signatures)
        ↓             ↓
    people        accounts    (people and the press page; staff sign-in)
        ↓             ↓
    core                      (home, plain pages, page parts, visibility, search, API base)

A module may import only from its own app or a lower layer, whether at module level or
inside a function, and may name only those apps' models ("app_label.Model" strings in
fields, choosers and page-type rules). The composition root (advocacy/urls.py,
advocacy/api.py, advocacy/settings, advocacy/wsgi.py) wires the apps together and may
import anything. Migrations are history and are not checked.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package → (layer, app label)
APPS = {
    "advocacy.core": (0, "core"),
    "advocacy.accounts": (1, "accounts"),
    "advocacy.people": (1, "people"),
    "advocacy.statements": (2, "statements"),
    "advocacy.actions": (2, "actions"),
    "reports": (3, "reports"),
    "countries": (4, "countries"),
    "advocacy.newsroom": (5, "newsroom"),
}
LABELS = {label: package for package, (_, label) in APPS.items()}
COMPOSITION_ROOT = {"advocacy", "advocacy.urls", "advocacy.api", "advocacy.wsgi"}
MODEL_REFERENCE = re.compile(r"^(" + "|".join(LABELS) + r")\.[A-Z]\w*$")


def app_of(module):
    for package in sorted(APPS, key=len, reverse=True):
        if module == package or module.startswith(package + "."):
            return package
    return None


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree, module, is_package):
    """Every module an import statement names, relative imports resolved."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            if app_of(target):
                yield node.lineno, target
            else:  # "from advocacy import statements"
                for alias in node.names:
                    yield node.lineno, f"{target}.{alias.name}"


def model_references(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = MODEL_REFERENCE.match(node.value)
            if match:
                yield node.lineno, LABELS[match.group(1)]


def violations_in(path):
    module = module_name(path)
    source = app_of(module)
    if source is None or module in COMPOSITION_ROOT or ".settings" in module:
        return []
    layer = APPS[source][0]
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    references = [
        *imported_modules(tree, module, path.name == "__init__.py"),
        *model_references(tree),
    ]
    for lineno, target in references:
        target_app = app_of(target)
        if target_app is None or target_app == source:
            continue
        if APPS[target_app][0] >= layer:
            direction = "sideways" if APPS[target_app][0] == layer else "upwards"
            found.append(f"{path.relative_to(ROOT)}:{lineno}: {source} → {target} ({direction})")
    return found


def app_modules():
    for top in ("advocacy", "countries", "reports"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_every_app_depends_only_on_lower_layers():
    found = [v for path in app_modules() for v in violations_in(path)]
    assert not found, "Imports against the layers:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from advocacy.statements.models import Statement\n", "upwards"),
        ("def f():\n    from countries.models import CountryPage\n", "upwards"),
        ("import advocacy.accounts.models\n", "sideways"),
        ("from advocacy import accounts\n", "sideways"),
        ("x = models.ForeignKey('reports.ReportPage', on_delete=None)\n", "upwards"),
    ],
)
def test_the_check_catches_imports_against_the_layers(tmp_path, monkeypatch, source, expected):
    """The check itself: a people module reaching up or sideways is reported."""
    package = tmp_path / "advocacy" / "people"
    package.mkdir(parents=True)
    module = package / "probe.py"
    module.write_text(source)
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    [violation] = violations_in(module)
    assert expected in violation


def test_the_check_allows_lower_layers_and_the_composition_root(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    package = tmp_path / "advocacy" / "statements"
    package.mkdir(parents=True)
    module = package / "probe.py"
    module.write_text(
        "from advocacy.core.visibility import published\n"
        "from advocacy.people.models import Person\n"
        "from .models import Statement\n"
        "x = ForeignKey('people.Person')\n"
    )
    assert violations_in(module) == []
    root = tmp_path / "advocacy" / "urls.py"
    root.write_text("from countries.models import CountryPage\n")
    assert violations_in(root) == []

"""Imports go one way between the project's apps, so each can be read and changed from below.

    core ← towns ← accounts ← home ← shops, learning ← programme ← demo

An app imports only apps below it, never a sibling (shops and learning) nor one above, not
even inside a function: a lower app that needs a higher one's answer offers a hook
(`core.project_apps.contributions`). No app imports the project (`portal`), `tests` or
`bench`; `tests` never imports `bench`; `bench` imports only `tests.support`, which imports
nothing else of `tests`. Every import of every module is read, whatever the function.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEVELS = {
    "core": 0,
    "towns": 1,
    "accounts": 2,
    "home": 3,
    "shops": 4,
    "learning": 4,
    "programme": 5,
    "demo": 6,
}
TOOLS = {"portal", "tests", "bench"}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path):
    """(line, module) of every import in the file, relative ones made absolute."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                # The name may be a module (`from tests import support`): keep it.
                yield node.lineno, f"{module}.{alias.name}"


def project_files():
    for top in [*LEVELS, *TOOLS]:
        yield from sorted((ROOT / top).rglob("*.py"))


def refusal(importer, imported):
    """Why `importer` (a module) may not import `imported`; None when it may."""
    source, target = importer.split(".")[0], imported.split(".")[0]
    if (
        importer.startswith("tests.support")
        and target == "tests"
        and not imported.startswith("tests.support")
    ):
        return "tests.support imports nothing else of tests (the bench uses it)"
    if source == target or target not in LEVELS | dict.fromkeys(TOOLS):
        return None
    if source in LEVELS:
        if target in TOOLS:
            return f"an app never imports {target}"
        if LEVELS[target] >= LEVELS[source]:
            return f"{target} is not below {source}: offer a hook in {source} instead"
        return None
    if source == "tests" and target == "bench":
        return "tests never import the bench"
    if source == "bench" and target == "tests" and not imported.startswith("tests.support"):
        return "the bench imports only tests.support"
    if (
        importer.startswith("tests.support")
        and target == "tests"
        and not imported.startswith("tests.support")
    ):
        return "tests.support imports nothing else of tests (the bench uses it)"
    return None


def test_every_import_goes_down_the_order_of_the_apps():
    wrong = []
    for path in project_files():
        importer = module_name(path)
        for line, imported in imported_modules(path):
            reason = refusal(importer, imported)
            if reason:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {imported}: {reason}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("programme.forms", "learning.models", True),
        ("learning.help", "programme.shopkeeper_help", False),
        ("shops.admin_shopkeepers", "learning.models", False),
        ("towns.towns", "home.models", False),
        ("home.views", "tests.factories", False),
        ("tests.live", "bench.server", False),
        ("bench.run", "tests.browser.page_weight", False),
        ("bench.run", "tests.support.gunicorn", True),
        ("portal.urls", "shops.urls", True),
        ("tests.support.live_portal", "tests.factories", False),
    ],
)
def test_the_rule_refuses_what_the_order_forbids(importer, imported, allowed):
    assert (refusal(importer, imported) is None) is allowed

"""How the code base is laid out: test modules stand alone, and no module grows past 500 lines.

A test module takes its setup from conftest.py fixtures and from helper modules (tests/factories/, tests/access_*.py
and the like), never from another test module: importing one runs its fixtures under two names and ties the two
modules together. A module past 500 lines becomes a package (STYLE.md).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
MAX_LINES = 500


def is_test_module(dotted: str) -> bool:
    return dotted.rsplit(".", 1)[-1].startswith("test_")


def imported_modules(source: str, path: Path) -> set[str]:
    """Every module the source (of the file at ``path``) imports, as absolute names: relative imports resolved,
    ``from package import module`` counted as the module, imports inside functions included."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *([node.module] if node.module else [])])
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return found


def python_modules() -> list[Path]:
    """The repository's own Python files: not the virtualenv, migrations or the seed commands (data, not logic)."""
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if not {".venv", "migrations", "node_modules"} & set(path.relative_to(ROOT).parts)
        and not (path.parent.match("management/commands") and path.name.startswith("seed_"))
    )


def test_no_test_module_imports_another_test_module():
    crossings = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in sorted(TESTS.rglob("*.py"))
        for module in sorted(imported_modules(path.read_text(), path))
        if is_test_module(module)
    ]

    assert crossings == []


def test_the_import_check_sees_relative_packaged_and_nested_imports():
    source = "from ..aftercare.test_views import x\nfrom . import test_other\ndef f():\n    import tests.test_y\n"

    found = imported_modules(source, TESTS / "campaigns" / "test_example.py")

    assert {name for name in found if is_test_module(name)} == {
        "tests.aftercare.test_views",
        "tests.campaigns.test_other",
        "tests.test_y",
    }


def test_no_python_module_is_over_500_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in python_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }

    assert too_long == {}


def test_the_length_check_leaves_out_migrations_the_virtualenv_and_the_seed_commands():
    names = {str(path.relative_to(ROOT)) for path in python_modules()}
    seeds = list(ROOT.glob("*/management/commands/seed_*.py"))

    assert "tests/test_layout.py" in names
    assert seeds
    assert not any(str(path.relative_to(ROOT)) in names for path in seeds)
    assert not any("/migrations/" in name or name.startswith(".venv/") for name in names)

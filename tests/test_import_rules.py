"""The arrows point one way (docs/architecture.md): every import of the project's packages,
read with `ast`, against the layers

    policy  <  core  <  accounts, channels  <  cases  <  api, actions, cli

A package imports itself and the layers below it, never one beside or above it; `policy`
imports nothing of the project, and `bot/` (run by the Rasa process, in its own
environment) imports nothing of it but `core.masking`, the one masking function, which is
pure standard library.

Inside `cases`, the roster cross-check's library (`cases.rosters`: reading the files, the
households, the findings, the tables) imports only `core`, `policy` and itself: the CLI
runs it without a store. Its store side (`models`, `runs`, `results`, `followup`, `shapes`) may use
the rest of `cases`.

Inside `actions`, the readers of residents' words (`actions.reading`) import nothing of the
action-server side (the form, the actions, the store) and of the other packages only
`core`; the readers about people (`actions.reading.people`) import only themselves and the
numerals of `actions.reading.parsing`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYER = {"policy": 0, "core": 1, "accounts": 2, "channels": 2, "cases": 3,
         "api": 4, "actions": 4, "cli": 4}  # fmt: skip
PROJECT = set(LAYER) | {"bot", "tests"}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & PROJECT


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """The dotted names a module imports; `from a.b import c` is `a.b.c` when c is a module
    of the project, else `a.b`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                folder = ROOT.joinpath(*node.module.split("."), alias.name)
                is_module = folder.is_dir() or folder.with_suffix(".py").is_file()
                names.add(f"{node.module}.{alias.name}" if is_module else node.module)
    return names


# Within `actions`: a subpackage's modules and the parts of `actions` they may import.
ACTIONS_RULES = {
    "actions/reading": ("actions.reading",),
    "actions/reading/people": ("actions.reading.people", "actions.reading.parsing"),
}
READERS_USE = {"core"}  # of the project's other packages


def against_actions_rules(path: Path, folder: str) -> set[str]:
    allowed = ACTIONS_RULES[folder]
    wrong = set()
    for name in imported_modules(path):
        top = name.split(".")[0]
        if top == "actions" and not any(name == a or name.startswith(a + ".") for a in allowed):
            wrong.add(name)
        elif top in PROJECT - {"actions"} and top not in READERS_USE:
            wrong.add(name)
    return wrong


@pytest.mark.parametrize("package", sorted(LAYER))
def test_a_package_imports_only_itself_and_the_layers_below(package):
    wrong = {}
    for path in modules(package):
        for other in imported_packages(path) - {package}:
            if other not in LAYER or LAYER[other] >= LAYER[package]:
                wrong.setdefault(str(path.relative_to(ROOT)), set()).add(other)
    assert not wrong, f"imports against the arrows: {wrong}"


def test_policy_imports_nothing_of_the_project():
    for path in modules("policy"):
        assert imported_packages(path) <= {"policy"}, path


def test_the_rasa_side_imports_nothing_of_the_app():
    for path in modules("bot"):
        assert imported_packages(path) <= {"bot", "core"}, path
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_core = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("core")
        }
        assert from_core <= {"core.masking"}, path


def test_the_masking_module_is_standard_library_only():
    assert imported_packages(ROOT / "core" / "masking.py") == set()


ROSTER_STORE = {"models", "runs", "results", "followup", "shapes"}


def against_the_roster_library_rule(path: Path) -> set[str]:
    """What a module of the roster library imports of the project beyond its rule."""
    wrong = set()
    for name in imported_modules(path):
        top = name.split(".")[0]
        if top in ("core", "policy"):
            continue
        if name.startswith("cases.rosters.") and name.split(".")[2] not in ROSTER_STORE:
            continue
        if top in PROJECT:
            wrong.add(name)
    return wrong


def test_the_roster_library_imports_nothing_of_the_store():
    folder = ROOT / "cases" / "rosters"
    library = [p for p in sorted(folder.glob("*.py")) if p.stem not in ROSTER_STORE]
    assert {p.stem for p in library} >= {"reading", "xlsx", "members", "check", "tables"}
    wrong = {p.name: found for p in library if (found := against_the_roster_library_rule(p))}
    assert not wrong, f"the roster library imports the store: {wrong}"


def test_the_roster_library_rule_sees_an_import_of_the_store(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "from cases.rosters import runs\nfrom cases.rosters.members import Member\n"
        "from cases.models import Case\nimport core.security\n",
        encoding="utf-8",
    )
    assert against_the_roster_library_rule(module) == {"cases.rosters.runs", "cases.models"}


@pytest.mark.parametrize("folder", sorted(ACTIONS_RULES))
def test_the_readers_import_nothing_of_the_action_server_side(folder):
    wrong = {}
    for path in sorted((ROOT / folder).glob("*.py")):
        if found := against_actions_rules(path, folder):
            wrong[str(path.relative_to(ROOT))] = found
    assert not wrong, f"imports against the readers' rule: {wrong}"


def test_the_readers_rule_sees_an_import_of_the_form_or_of_another_reader(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "from actions import slots\n"
        "from actions.reading import money_text, parsing\n"
        "from actions.reading.people import ages\n"
        "from cases import filing\n",
        encoding="utf-8",
    )
    assert against_actions_rules(module, "actions/reading") == {"actions.slots", "cases.filing"}
    assert against_actions_rules(module, "actions/reading/people") == {
        "actions.slots",
        "actions.reading.money_text",
        "cases.filing",
    }


def test_the_rule_sees_an_import_against_the_arrows(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text("from api.deps import SessionDep\nimport cases.models\n", encoding="utf-8")
    assert imported_packages(module) == {"api", "cases"}

"""The arrows point one way (docs/architecture.md): every import of the project's packages,
read with `ast`, against the layers

    policy  <  core  <  accounts, channels  <  cases  <  api, actions, cli

A package imports itself and the layers below it, never one beside or above it; `policy`
imports nothing of the project, and `bot/` (run by the Rasa process, in its own
environment) imports nothing of it but `core.masking`, the one masking function, which is
pure standard library."""

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


def test_the_rule_sees_an_import_against_the_arrows(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text("from api.deps import SessionDep\nimport cases.models\n", encoding="utf-8")
    assert imported_packages(module) == {"api", "cases"}

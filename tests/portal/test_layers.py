"""Which way the imports run (docs/architecture.md, "Layers"): the import-linter contracts in pyproject.toml
hold, they fail when an import goes the wrong way, they cover every app, and no app's template loads a tag
library of ``portal``."""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
CONTRACT_NAMES = {contract["id"]: contract["name"] for contract in CONFIG["contracts"]}


def lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_app_is_in_the_contracts():
    assert sorted(CONFIG["root_packages"]) == APPS
    (layers,) = [contract for contract in CONFIG["contracts"] if contract["type"] == "layers"]
    layered = sorted(app.strip() for layer in layers["layers"] for app in layer.split("|"))
    assert layered == APPS


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    """The apps' Python modules and the contracts, copied: a probe module added there breaks nothing."""
    copy = tmp_path_factory.mktemp("layers")

    def not_python(folder, names):
        return [
            name
            for name in names
            if name == "__pycache__" or not (name.endswith(".py") or (Path(folder) / name).is_dir())
        ]

    for app in APPS:
        shutil.copytree(ROOT / app, copy / app, ignore=not_python)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


@pytest.mark.parametrize(
    ("module", "source", "contract", "line"),
    [
        # the two features do not know each other
        ("news/_layer_probe.py", "import documents\n", "news-documents", "news._layer_probe -> documents"),
        # nothing imports portal
        ("users/_layer_probe.py", "import portal\n", "layers", "users is not allowed to import portal"),
        # the ground floor knows no feature
        ("sites/_layer_probe.py", "import news.models\n", "layers", "sites is not allowed to import news"),
    ],
)
def test_a_wrong_way_import_breaks_a_contract(project_copy, module, source, contract, line):
    probe = project_copy / module
    probe.write_text(source, encoding="utf-8")
    try:
        result = lint_imports(project_copy)
    finally:
        probe.unlink()
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(rf"^{re.escape(CONTRACT_NAMES[contract])} BROKEN\b", output, re.MULTILINE), output
    assert line in output, output


def test_no_app_template_loads_a_portal_tag_library():
    """Tag libraries that apps' templates need live in the apps (the unit and language tags in ``sites``)."""
    libraries = {path.stem for path in (ROOT / "portal" / "templatetags").glob("*.py")} - {"__init__"}
    if not libraries:
        return
    load = re.compile(r"{%\s*load\s[^%]*\b(" + "|".join(map(re.escape, sorted(libraries))) + r")\b[^%]*%}")
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for app in APPS
        if app != "portal"
        for path in sorted((ROOT / app / "templates").glob("**/*"))
        if path.is_file()
        for match in load.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "\n".join(offenders)

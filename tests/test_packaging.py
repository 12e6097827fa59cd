"""Packaging: the wheel holds the whole package and its entry points, and runs on its own."""

from __future__ import annotations

import configparser
import importlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "site_builder"
# What a working copy holds besides its sources, at its top: never copied into the build.
GENERATED = {".git", ".venv", ".cache", ".mypy_cache", ".ruff_cache", ".pytest_cache",
             ".hypothesis", "site", "radio", "build", "dist"}  # fmt: skip
ENTRY_POINTS = {
    ("console_scripts", "site-builder"): "site_builder.cli:main",
    ("mkdocs.plugins", "site-builder"): "site_builder.engine.plugin:SiteBuilderPlugin",
}


def package_files() -> set[str]:
    """Every file of the package in the source tree, named as in the wheel."""
    return {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}  # fmt: skip


def _generated(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == ROOT
    return {n for n in names if n == "__pycache__" or n.endswith(".egg-info")
            or (top and (n in GENERATED or n.startswith(".site.")))}  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The project's wheel, built offline by the venv's setuptools from a copy of the tree.

    A copy, so that the build's `build/` and `*.egg-info` never land in the working copy.
    """
    try:
        version = metadata.version("setuptools")
    except metadata.PackageNotFoundError:
        version = "0 (none)"
    if int(version.split(".")[0]) < 77:
        pytest.fail(f"setuptools {version} cannot build the wheel here (77+ does): "
                    ".venv/bin/pip install -e '.[test]'", pytrace=False)  # fmt: skip
    work = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, work / "source", ignore=_generated, symlinks=True)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
               "--no-index", "--quiet", "-w", str(work / "dist"), str(work / "source")]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = (work / "dist").glob("site_builder-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def test_the_wheel_holds_every_file_of_the_package(wheel: zipfile.ZipFile) -> None:
    """Computed from the source tree: a subpackage left out fails here (#29: radio/ was)."""
    expected = package_files()
    assert [n for n in expected if n.count("/") > 1]  # the subpackages are seen
    shipped = {n for n in wheel.namelist() if not n.split("/")[0].endswith(".dist-info")}
    assert sorted(expected - shipped) == [], "left out of the wheel"
    assert sorted(shipped - expected) == [], "in the wheel but not in site_builder/"


def test_the_package_has_no_data_to_ship() -> None:
    """The package reads no file of its own folder but its modules: what the build reads at
    run time (templates/, assets/, content/, mkdocs.yml) lives in the project folder."""
    assert sorted(n for n in package_files() if not n.endswith(".py")) == []
    readers = re.compile(r"importlib\.resources|import resources|pkgutil|pkg_resources")
    for module in PACKAGE.rglob("*.py"):
        found = readers.search(module.read_text(encoding="utf-8"))
        assert found is None, (module.relative_to(ROOT).as_posix(), found.group())


def test_the_wheel_declares_the_command_and_the_mkdocs_plugin(wheel: zipfile.ZipFile) -> None:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    declared = configparser.ConfigParser(delimiters=("=",))
    declared.optionxform = str  # names keep their case
    declared.read_string(wheel.read(name).decode("utf-8"))
    for (group, entry), target in ENTRY_POINTS.items():
        assert declared.get(group, entry, fallback=None) == target, (group, entry)
        module, attribute = target.split(":")
        assert module.replace(".", "/") + ".py" in wheel.namelist(), target
        assert hasattr(importlib.import_module(module), attribute), target


def test_the_wheel_alone_builds_a_site(wheel: zipfile.ZipFile, make_site, tmp_path: Path) -> None:
    """Unpacked away from the source tree, with no `site` (so no editable install either):
    the modules come from the wheel only, the dependencies from the venv."""
    installed = tmp_path / "installed"
    wheel.extractall(installed)
    venv = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), *venv]),
           "SITE_BUILDER_CACHE": str(tmp_path / "cache")}  # fmt: skip
    site = make_site()
    probe = "import site_builder.cli; print(site_builder.cli.__file__)"
    run = {"cwd": site.root, "env": env, "capture_output": True, "text": True, "check": False}
    found = subprocess.run([sys.executable, "-S", "-c", probe], timeout=60, **run)
    assert Path(found.stdout.strip()).is_relative_to(installed), found.stdout + found.stderr
    built = subprocess.run([sys.executable, "-S", "-m", "site_builder", "build"], timeout=300,
                           **run)  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    assert site.exists("index.html") and site.exists("en/index.html")

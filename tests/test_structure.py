"""The package's shape: its folders are layers, no import cycles, MkDocs only in engine/, and
the code digest sees every module."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import REPO, add_programme

PACKAGE = REPO / "site_builder"

# Lower layers first. A module may import its own layer and those before it, never one after.
LAYERS = [
    {"text"},
    {"core"},
    {"images", "cache"},
    {"content"},
    {"render", "radio"},
    {"checks"},
    {"output", "cms", "editors"},
    {"pipeline"},
    {"engine"},
    {"build"},
    {"cli", "__main__"},
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports() -> dict[str, set[str]]:
    """Every module of the package → the package's modules it imports, anywhere in it
    (function-local and TYPE_CHECKING imports included: a hidden cycle is still one)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    found: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        out = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
                if not node.level:
                    target = node.module or ""
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    out.add(sub if sub in modules else target)
            elif isinstance(node, ast.Import):
                out.update(alias.name for alias in node.names)
        found[name] = {m for m in out if m in modules and m not in (name, "site_builder")}
    return found


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph`, or []."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node], _ = 1, path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node], _ = 2, path.pop()
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def layer_of(module: str) -> int:
    part = module.split(".")[1]
    return next(n for n, layer in enumerate(LAYERS) if part in layer)


def test_the_package_has_no_import_cycle() -> None:
    assert cycle(imports()) == []


def test_the_cycle_finder_finds_one() -> None:  # the control: a broken finder cannot pass
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]


def test_the_layer_rule_sees_an_import_upward() -> None:  # the control
    assert layer_of("site_builder.content.validate") < layer_of("site_builder.radio.script")
    assert layer_of("site_builder.text.slugs") < layer_of("site_builder.core.errors")


def test_no_layer_imports_one_above_it() -> None:
    upward = [
        f"{module} → {target}"
        for module, targets in imports().items()
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_only_engine_imports_mkdocs_or_material() -> None:
    leaks = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "engine":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            ours = [n for n in names if n.split(".")[0] in ("mkdocs", "material")]
            leaks += [f"{path.name}: {n}" for n in ours]
    assert leaks == []


# Module-level objects that are not state: the templates compiled once for every process,
# and per-thread tools (a thread's Markdown converter; the list a thread's read of one file
# records its images into, emptied when that read ends).
NOT_STATE = {
    "cache/templates.py": {"compiled_templates"},
    "content/richtext.py": {"_converters"},
    "content/references.py": {"_local"},
}
_MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "local"}


def module_state(source: str) -> list[str]:
    """The names a module binds at its top level to something that can change (constants,
    in capitals, aside), and the names its functions declare `global`."""
    found = []
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names, value = [t.id for t in node.targets if isinstance(t, ast.Name)], node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names, value = [node.target.id], node.value
        else:
            continue
        literal = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
        mutable = isinstance(value, literal)
        if isinstance(value, ast.Call):  # a container, or an instance of a class
            func = value.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            mutable = called in _MUTABLE_CALLS or called[:1].isupper()
        found += [n for n in names if mutable and not n.isupper() and n != "__all__"]
    found += [n for node in ast.walk(tree) if isinstance(node, ast.Global) for n in node.names]
    return found


def test_no_module_keeps_state_of_its_own() -> None:
    """What builds know lives in a session (`pipeline.Session`, its `Memory`) handed to the
    stages, or in an object whose owner says how long it lives: not in module globals."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        state = set(module_state(path.read_text(encoding="utf-8"))) - NOT_STATE.get(name, set())
        if state:
            found[name] = sorted(state)
    assert found == {}


def test_the_state_finder_finds_each_kind() -> None:  # the control
    source = textwrap.dedent("""
        import threading
        TABLE = {"a": 1}
        _memo: dict[str, int] = {}
        kept = []
        idle = Collector()
        _local = threading.local()
        def f():
            global counter
    """)
    assert sorted(module_state(source)) == ["_local", "_memo", "counter", "idle", "kept"]


WITHOUT_ENGINE = """
import datetime as dt, importlib, pkgutil, sys
from pathlib import Path

import site_builder

skipped = ("site_builder.engine", "site_builder.cli", "site_builder.build", "site_builder.__main__")
for info in pkgutil.walk_packages(site_builder.__path__, "site_builder."):
    if not info.name.startswith(skipped):
        importlib.import_module(info.name)

from site_builder.checks import load_content
from site_builder.radio.render import write_all
from site_builder.render.charts import chart
from site_builder.render.pages import Generator

root = Path(sys.argv[1])
content, problems = load_content(root)
assert not [p for p in problems if p.severity == "error"], problems
site = Generator(root, content, "vi", dt.date(2022, 12, 2), False, {}).generate()
body = next(p.html for p in site.pages if p.path == "tin-tuc/tin/")
assert "Nội dung" in body, body
svg = chart(((2002, 1.0), (2022, 7.0)), "xã", str, "c")
assert svg and "<svg" in svg
written = write_all(root, content, root / "radio")
assert any(p.suffix == ".txt" for p in written)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material")))
"""
NEWS = """\
title: {vi: Tin, en: News}
date: 2022-06-01
summary: {vi: Tóm tắt., en: Summary.}
body: {vi: Nội dung **đậm**., en: A **bold** body.}
category: chien-dich
"""


def test_pages_charts_and_scripts_need_no_mkdocs(make_site) -> None:
    """Replacing the engine when Material reaches its end must leave the rest as it is."""
    site = add_programme(make_site({"content/news/2022/tin.yml": NEWS}))
    run = subprocess.run([sys.executable, "-c", WITHOUT_ENGINE, str(site.root)],
                         capture_output=True, text=True, check=False, cwd=site.root)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_the_code_digest_sees_a_change_in_every_subpackage(make_site, tmp_path: Path) -> None:
    """A build that finds nothing changed writes nothing: a change to any module of ours
    must count as a change, or a fixed bug would stay in the site."""
    copy = tmp_path / "code"
    shutil.copytree(PACKAGE, copy / "site_builder", ignore=shutil.ignore_patterns("__pycache__"))
    site = make_site()
    env = {**os.environ, "PYTHONPATH": str(copy), "SITE_BUILDER_LANG": "en"}

    def build() -> str:
        run = subprocess.run([sys.executable, "-m", "site_builder", "build"], cwd=site.root,
                             env=env, capture_output=True, text=True, check=False)  # fmt: skip
        assert run.returncode == 0, run.stderr
        return run.stdout

    which = "import site_builder; print(site_builder.__file__)"
    where = subprocess.run([sys.executable, "-c", which], env=env, cwd=site.root,
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert where.stdout.strip().startswith(str(copy))  # the copy runs, not the checkout
    build()
    assert "Nothing changed" in build()
    subpackages = sorted(p.parent for p in (copy / "site_builder").glob("*/__init__.py"))
    assert len(subpackages) >= 10
    for folder in [copy / "site_builder", *subpackages]:
        module = next(p for p in sorted(folder.glob("*.py")) if p.name != "__init__.py")
        with module.open("a", encoding="utf-8") as code:
            code.write(textwrap.dedent("\n# changed by the test\n"))
        assert "Nothing changed" not in build(), module

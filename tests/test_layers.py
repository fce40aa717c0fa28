"""The packages import each other in one direction only: no loops, none hidden in a function.

Every import of every module under crawler/, spiders/ and pipelines/ is read from its source (ast: module
level, inside functions, under TYPE_CHECKING alike), and the layering is asserted:

- `crawler` never imports `spiders`, `pipelines` or `replica` (Scrapy and the CLI load those by name:
  `CRAWLER_SPIDER_CLASS_FOR`, `ITEM_PIPELINES`, `crawler.replica_package.load_replica` through importlib);
- `pipelines` and `spiders` import `crawler` only (of the project's packages);
- `crawler.monitor` never imports `crawler.service` (the service imports the monitors);
- the graph of crawler's parts (`crawler.X` → `crawler.Y`, a subpackage or a top-level module each) has no
  cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("crawler", "spiders", "pipelines")
PROJECT = (*PACKAGES, "replica", "bench", "tests")


@dataclass(frozen=True)
class Import:
    source: str
    """The importing module (`crawler.runner`)."""
    target: str
    """The module imported (`crawler.feed.commit`), or the name imported from it (`crawler.feed.commit.x`)."""
    where: str
    """`path:line`, for the failure message."""


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path = ROOT) -> Iterator[Import]:
    """Every import in the file, wherever it stands; relative ones resolved to absolute names."""
    source = module_name(path, root)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(source, alias.name, where)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield Import(source, module, where)
            for alias in node.names:
                yield Import(source, f"{module}.{alias.name}", where)


def project_imports(root: Path = ROOT) -> list[Import]:
    found: list[Import] = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            found.extend(i for i in imports_of(path, root) if i.target.split(".")[0] in PROJECT)
    return found


def part(module: str) -> str:
    """The part of crawler a module belongs to: `crawler.feed.commit` -> `crawler.feed`,
    `crawler.runner` -> `crawler.runner`; outside crawler, the top package."""
    names = module.split(".")
    return ".".join(names[:2]) if names[0] == "crawler" and len(names) > 1 else names[0]


def crawler_modules(root: Path = ROOT) -> set[str]:
    return {module_name(p, root) for p in (root / "crawler").rglob("*.py")}


def part_graph(found: list[Import], modules: set[str]) -> dict[str, dict[str, list[str]]]:
    """crawler.X -> crawler.Y -> where, for imports of crawler's own modules (names imported from a module
    count as imports of that module)."""
    graph: dict[str, dict[str, list[str]]] = {}
    for imp in found:
        if part(imp.source).split(".")[0] != "crawler" or imp.target not in modules:
            continue
        a, b = part(imp.source), part(imp.target)
        if a != b and a != "crawler" and b != "crawler":
            graph.setdefault(a, {}).setdefault(b, []).append(imp.where)
    return graph


def find_cycle(graph: dict[str, dict[str, list[str]]]) -> list[str] | None:
    """One cycle of the graph (its nodes in order, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def violations(found: list[Import]) -> list[str]:
    """The imports that break the layering, one line each."""
    bad = []
    for imp in found:
        source, target = imp.source.split(".")[0], imp.target.split(".")[0]
        if source == "crawler" and target in ("spiders", "pipelines", "replica", "bench", "tests"):
            bad.append(f"{imp.where}: {imp.source} imports {imp.target} (crawler never imports {target})")
        elif source in ("spiders", "pipelines") and target not in ("crawler", source):
            bad.append(f"{imp.where}: {imp.source} imports {imp.target} ({source} imports crawler only)")
        elif part(imp.source) == "crawler.monitor" and part(imp.target) == "crawler.service":
            bad.append(f"{imp.where}: {imp.source} imports {imp.target} (the service imports the monitors)")
    return bad


@pytest.fixture(scope="module")
def found() -> list[Import]:
    return project_imports()


def test_the_packages_are_layered(found: list[Import]) -> None:
    assert violations(found) == []


def test_crawler_parts_import_each_other_without_a_cycle(found: list[Import]) -> None:
    graph = part_graph(found, crawler_modules())
    cycle = find_cycle(graph)
    assert cycle is None, (
        "import cycle: "
        + " -> ".join(cycle or [])
        + "".join(
            f"\n  {a} -> {b}: {', '.join(graph[a][b][:3])}"
            for a, b in zip(cycle or [], (cycle or [])[1:], strict=False)
        )
    )


def test_the_replica_is_loaded_by_name_only() -> None:
    text = (ROOT / "crawler" / "replica_package.py").read_text(encoding="utf-8")
    assert 'importlib.import_module("replica")' in text


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("crawler/steps/__init__.py", "from pipelines.dates import DatesPipeline\n"),
        ("crawler/runner.py", "def run():\n    from spiders.site_spider import SiteSpider\n"),
        (
            "crawler/feed/commit.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import replica\n",
        ),
        ("pipelines/identity.py", "from spiders import site_spider\n"),
        ("spiders/site_spider.py", "import pipelines.storage\n"),
        ("crawler/monitor/engine.py", "from crawler.service.history import RunHistory\n"),
        ("crawler/monitor/engine.py", "from ..service import history\n"),
    ],
)
def test_a_forbidden_import_is_caught(tmp_path: Path, name: str, text: str) -> None:
    """The checks themselves: a `from pipelines...` (or the like) added anywhere in crawler fails them."""
    _write(tmp_path, name, text)
    found = violations(project_imports(tmp_path))
    assert found
    assert all(line.startswith(f"{name}:") for line in found)


def test_a_cycle_between_parts_is_caught(tmp_path: Path) -> None:
    _write(tmp_path, "crawler/feed/__init__.py", "")
    _write(tmp_path, "crawler/store/__init__.py", "def f():\n    from crawler.feed import x\n")
    _write(tmp_path, "crawler/feed/x.py", "from crawler.store import open_store\n")
    found = project_imports(tmp_path)
    assert find_cycle(part_graph(found, crawler_modules(tmp_path))) in (
        ["crawler.feed", "crawler.store", "crawler.feed"],
        ["crawler.store", "crawler.feed", "crawler.store"],
    )

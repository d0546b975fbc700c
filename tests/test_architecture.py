"""The app layering, read from the source: no import cycle between the apps under meisterhub/,
`core` imports no app, and no app imports another app's private (`_x`) names.

Every import counts, top-level and inside functions (a function-level import is still a
dependency; it only hides it). Tests and migrations are left out: tests may build any world,
and migrations are frozen history."""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = "meisterhub"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE
SKIPPED_DIRS = {"tests", "migrations"}


def _source_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if len(parts) < 2 or SKIPPED_DIRS.intersection(parts[:-1]):
            continue
        yield parts[0], path


def _module_of(path: Path) -> list[str]:
    parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _package_of(path: Path) -> list[str]:
    module = _module_of(path)
    return module if path.name == "__init__.py" else module[:-1]


def _imports(path: Path, package: list[str]):
    """(imported module, imported names, line) for each import; relative ones resolved
    against `package`, the dotted package the file lives in."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield module, [alias.name for alias in node.names], node.lineno


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == PACKAGE else None


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _read():
    """The app -> app edges (each with the places that make it) and the private-name imports."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    private: list[str] = []
    for app, path in _source_files():
        where = path.relative_to(ROOT.parent)
        for module, names, line in _imports(path, _package_of(path)):
            target = _app_of(module)
            if target is None or target == app:
                continue
            edges[app, target].append(f"{where}:{line}")
            if any(_is_private(part) for part in module.split(".")[2:]):
                private.append(f"{where}:{line} imports {module}")
            private += [f"{where}:{line} imports {module}.{name}" for name in names
                        if _is_private(name)]
    return edges, private


def _cycles(edges) -> list[list[str]]:
    """The strongly connected components with more than one app (Tarjan), sorted."""
    graph = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _shortest_cycle(start: str, members: set[str], edges) -> list[str]:
    """One shortest way from `start` back to itself inside the component (breadth first)."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for source, target in sorted(edges):
            if source != node or target not in members:
                continue
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return [start]


def _describe(component: list[str], edges) -> str:
    """The apps of one cycle, one concrete loop, then every edge inside it with its files:
    every edge inside a strongly connected component lies on some cycle, so each is a
    candidate to cut."""
    members = set(component)
    loop = " -> ".join(_shortest_cycle(component[0], members, edges))
    lines = [f"{', '.join(component)} (for example {loop})"]
    for (source, target), places in sorted(edges.items()):
        if source in members and target in members:
            shown = ", ".join(places[:3]) + (f" (+{len(places) - 3} more)" if len(places) > 3 else "")
            lines.append(f"  {source} -> {target}: {shown}")
    return "\n".join(lines)


def test_the_apps_import_each_other_without_a_cycle():
    edges, _ = _read()
    cycles = _cycles(edges)
    assert not cycles, "import cycle between apps:\n" + "\n".join(
        _describe(component, edges) for component in cycles
    )


def test_core_imports_no_app():
    edges, _ = _read()
    found = [
        f"core -> {target}: {', '.join(places)}"
        for (source, target), places in sorted(edges.items())
        if source == "core"
    ]
    assert not found, "core is the bottom layer and imports no app:\n" + "\n".join(found)


def test_no_app_imports_another_apps_private_names():
    _, private = _read()
    assert not private, "private names imported across apps:\n" + "\n".join(private)


def test_the_reader_sees_function_level_and_relative_imports(tmp_path):
    # The checks above are only as good as the reader: it must see an import hidden in a
    # function, and resolve a relative one, or a cycle could hide there.
    source = tmp_path / "module.py"
    source.write_text(
        "from .selectors import _percent\n"
        "def view():\n"
        "    from meisterhub.reports.jobs import run\n"
    )
    found = list(_imports(source, ["meisterhub", "programs"]))
    assert ("meisterhub.programs.selectors", ["_percent"], 1) in found
    assert ("meisterhub.reports.jobs", ["run"], 3) in found


def test_a_cycle_is_found_and_named():
    edges = {("a", "b"): ["a.py:1"], ("b", "c"): ["b.py:2"], ("c", "a"): ["c.py:3"], ("c", "d"): []}
    assert _cycles(edges) == [["a", "b", "c"]]
    described = _describe(["a", "b", "c"], edges)
    assert "a -> b -> c -> a" in described and "c -> a: c.py:3" in described
    assert "c -> d" not in described


"""The project's import graph: no cycle between its modules, and no import hidden inside a function.

Reads every project module with `ast` (tests/, migrations and the standalone bench/ script
aside) and never imports one, so it needs no database. A function-level import is still a
dependency (it is the usual way to hide a cycle), so the graph has an edge for every import,
wherever it stands; only `AppConfig.ready` and the optional dependencies in
OPTIONAL_IMPORTS may import inside a function.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not project modules: the tests themselves, migrations (generated), the virtualenv, and
# bench/, a standalone script that must configure Django before it may import it.
EXCLUDED_DIRS = {"tests", "migrations", ".venv", "bench", "node_modules", "static", "media"}

# (module, imported module): why it may be imported inside a function. Keep this short.
OPTIONAL_IMPORTS: dict[tuple[str, str], str] = {
    ("search.backend", "search.sqlite"): "modelsearch's SQLite module needs its FTS model, defined on SQLite only",
    # Memory, not cycles: a page-serving worker under 160 MiB (issue 16) loads neither.
    ("publications.builders", "publications.rendering"): "WeasyPrint and fontTools (45 MiB): PDF builds only",
    ("mediastore.store", "mediastore.s3"): "boto3 (25 MiB): only when the media are in a bucket",
}


def project_files() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if not EXCLUDED_DIRS.intersection(parts[:-1]):
            yield path


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def parse_project() -> dict[str, tuple[Path, ast.Module]]:
    """{dotted module name: (path, syntax tree)} for every project module."""
    return {module_name(path): (path, ast.parse(path.read_text(), filename=str(path))) for path in project_files()}


MODULES = parse_project()


def is_package(module: str) -> bool:
    return MODULES[module][0].name == "__init__.py"


def project_module(name: str) -> str | None:
    """`name` if it is a project module, else its nearest enclosing project module, else None."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imported_modules(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The project modules an import statement in `module` loads (its own target, not the packages above it)."""
    if isinstance(node, ast.Import):
        return {target for alias in node.names if (target := project_module(alias.name))}
    if node.level:  # relative: from the module's package, one level up per extra dot
        package = module if is_package(module) else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = ".".join(part for part in (package, node.module) if part)
    else:
        base = node.module or ""
    targets = set()
    for alias in node.names:
        # `from pkg import submodule` loads the submodule; `from module import name` the module.
        target = project_module(f"{base}.{alias.name}") if f"{base}.{alias.name}" in MODULES else project_module(base)
        if target:
            targets.add(target)
    return targets


def is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, list[ast.AST]]]:
    """Every import statement with its enclosing classes and functions, outermost first."""

    def walk(node: ast.AST, scopes: list[ast.AST]):
        for child in ast.iter_child_nodes(node):
            if is_type_checking_block(child):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, scopes
            elif isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from walk(child, [*scopes, child])
            else:
                yield from walk(child, scopes)

    yield from walk(tree, [])


def import_graph() -> dict[str, set[str]]:
    graph = {module: set() for module in MODULES}
    for module, (_path, tree) in MODULES.items():
        for node, _scopes in imports(tree):
            graph[module] |= imported_modules(module, node) - {module}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that ends where it starts) per strongly connected component (Tarjan)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [shortest_cycle(graph, component) for component in components]


def shortest_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """The shortest path from the component's first module back to itself, inside the component."""
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & component):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle in the component {component}")


def is_app_config_ready(scopes: list[ast.AST]) -> bool:
    """Directly inside `def ready(self)` of a class whose bases name an AppConfig."""
    if len(scopes) != 2:
        return False
    cls, function = scopes
    return (
        isinstance(cls, ast.ClassDef)
        and isinstance(function, ast.FunctionDef)
        and function.name == "ready"
        and any("AppConfig" in ast.unparse(base) for base in cls.bases)
    )


def function_level_imports() -> list[str]:
    found = []
    for module, (path, tree) in MODULES.items():
        for node, scopes in imports(tree):
            if not any(isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) for scope in scopes):
                continue
            if is_app_config_ready(scopes):
                continue
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if all((module, name) in OPTIONAL_IMPORTS for name in names):
                continue
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_check_reads_the_project_and_sees_its_imports():
    # Guards the checks below against passing vacuously (no file found, no edge resolved).
    graph = import_graph()
    assert {"home.models", "guide.models.guide", "search.views", "events.models.event_page"} <= graph.keys()
    assert "home.models" in graph["guide.models.guide"]
    assert not any(module.startswith(("tests", "bench")) or ".migrations" in module for module in graph)


def test_the_cycle_finder_reports_a_cycle_path():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_project_modules():
    cycles = find_cycles(import_graph())
    assert not cycles, "Import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_no_function_level_import_outside_app_config_ready():
    found = function_level_imports()
    assert not found, "Function-level imports (move them to the top, or break the cycle they hide):\n" + "\n".join(
        found
    )

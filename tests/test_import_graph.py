"""The machinery's modules import each other in one direction only: no module of
``src/site_tools`` imports, directly or through others, a module that imports it."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "site_tools"


def imports_of(module: str) -> set[str]:
    """The ``site_tools`` modules that ``module`` imports, at the top or inside a function."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "site_tools":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("site_tools."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("site_tools.")}
    return found - {module}


def test_site_tools_has_no_import_cycle():
    graph = {path.stem: imports_of(path.stem) for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in path:
                cycles.append(" -> ".join(path[path.index(imported) :] + [imported]))
            else:
                visit(imported, path + [imported])

    for module in sorted(graph):
        visit(module, [module])
    assert not cycles, "site_tools modules import each other in a circle:\n" + "\n".join(sorted(set(cycles)))

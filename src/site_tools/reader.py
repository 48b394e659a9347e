"""What a reader must install to run a page's or a notebook's code outside this repository.

The home page promises that the examples need only :data:`HOME_PAGE_LINE`. Code that imports
anything else (the guide's own ``tutorials_lib``, PyTorch, TensorFlow, a dataset package) must
say so: a page in one install line where its code starts (:func:`requirements_line`), and a
downloadable notebook in a first cell that installs what is missing (:func:`install_cell`,
:func:`download_notebook`).

The modules come from the code itself (:func:`imported_modules`, with :mod:`ast`); the
distributions and their versions from this environment (:mod:`importlib.metadata`).
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat

from site_tools.environment import ROOT
from site_tools.wheel import DISTRIBUTION, requirement, version

HOME_PAGE_LINE = 'pip install numpy pandas matplotlib scikit-learn "keras>=3" "jax[cpu]"'
HOME_PAGE_REQUIREMENTS = shlex.split(HOME_PAGE_LINE)[2:]  # what that line gives pip
# The modules that line makes importable.
HOME_PAGE_MODULES = frozenset(
    {"numpy", "pandas", "matplotlib", "sklearn", "keras", "jax"}
    # scikit-learn requires these; the reader test checks that the line makes them importable.
    | {"scipy", "joblib", "threadpoolctl"}
)
LIBRARY = "tutorials_lib"
# Where the requirement is not the distribution's bare name. Keras needs a backend: the guide's
# code chooses JAX, so a module list with keras also checks for jax (see :func:`needed_modules`).
REQUIREMENTS = {"keras": "keras>=3", "jax": "jax[cpu]"}
# Libraries whose usual install command differs from `pip install <name>`: these CPU builds are
# the small ones (PyTorch's default Linux wheel bundles CUDA).
SEPARATE_COMMANDS = {
    "torch": "pip install torch --index-url https://download.pytorch.org/whl/cpu",
    "tensorflow": "pip install tensorflow-cpu",
}
# A module that code uses without importing it, declared on a line of its own: `# requires: a, b`.
REQUIRES = re.compile(r"^# requires: (?P<modules>[\w.]+(?:\s*,\s*[\w.]+)*)\s*$", re.MULTILINE)
MAGIC = re.compile(r"^\s*[%!]")  # IPython magics and shell escapes are not Python
PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.)(?: |$)(?P<code>.*)$")


def site_url() -> str:
    """``site_url`` from mkdocs.yml (read as text: the file holds tags that safe YAML rejects)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)\s*$", config, re.MULTILINE)
    if match is None:
        raise ValueError("mkdocs.yml has no site_url: the wheel's address needs it")
    return match[1]


def imported_modules(code: str) -> set[str]:
    """The top-level names of the modules ``code`` imports (absolute imports, at any depth)."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def used_modules(code: str) -> set[str]:
    """The modules ``code`` imports, and those it declares on a ``# requires: a, b`` line: a
    module used without an import (FastAPI's TestClient uses httpx2 where it is installed, and
    warns where it is not)."""
    return imported_modules(code) | set(declared_modules(code))


def declared_modules(code: str) -> list[str]:
    """The modules ``code`` declares with ``# requires: a, b`` lines, in order."""
    return [module.strip() for match in REQUIRES.finditer(code) for module in match["modules"].split(",")]


def doctest_code(block: str) -> str:
    """The Python of a ``>>>`` session: its prompt lines without the prompts, outputs dropped."""
    return "\n".join(match["code"] for line in block.splitlines() if (match := PROMPT.match(line)))


def notebook_code(notebook: nbformat.NotebookNode) -> str:
    """The code cells of ``notebook`` as one script, without IPython magics."""
    return "\n\n".join(
        "\n".join(line for line in cell.source.splitlines() if not MAGIC.match(line))
        for cell in notebook.cells
        if cell.cell_type == "code"
    )


def source_code(path: Path) -> str:
    """The Python of a tutorial source (percent-format ``.py``) or of a notebook (``.ipynb``)."""
    if path.suffix == ".ipynb":
        return notebook_code(nbformat.read(path, as_version=4))
    return path.read_text(encoding="utf-8")


def third_party(modules: Iterable[str]) -> list[str]:
    """``modules`` without the standard library's, sorted."""
    return sorted(
        module for module in set(modules) if module not in sys.stdlib_module_names and module != "__future__"
    )


def needed_modules(modules: Iterable[str]) -> list[str]:
    """The third-party modules to check for: those imported, and JAX wherever Keras is."""
    found = set(third_party(modules))
    if "keras" in found:
        found.add("jax")
    return sorted(found)


@functools.cache
def _distributions() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def distribution(module: str) -> str:
    """The distribution that provides ``module`` here (``sklearn`` -> ``scikit-learn``).

    Raises:
        LookupError: If no installed distribution provides it.
    """
    if module == LIBRARY:
        return DISTRIBUTION
    names = _distributions().get(module)
    if not names:
        raise LookupError(f"no installed distribution provides the module {module!r}")
    return names[0]


def installed_version(module: str) -> str:
    """The version of the distribution that provides ``module`` in this environment."""
    return version() if module == LIBRARY else importlib.metadata.version(distribution(module))


def requirement_for(module: str, url: str | None = None) -> str:
    """What ``pip install`` takes for ``module``: ``tutorials_lib`` is the wheel on the site."""
    if module == LIBRARY:
        return requirement(url or site_url())
    return REQUIREMENTS.get(module, distribution(module))


def _quoted(requirement_text: str) -> str:
    return f'"{requirement_text}"' if re.search(r"[\s<>=!\[\]@;]", requirement_text) else requirement_text


def requirements_line(modules: Iterable[str], url: str | None = None) -> str:
    """One shell line that installs the distributions behind ``modules``, for a page.

    >>> requirements_line(["numpy", "sklearn", "os"])
    'pip install numpy scikit-learn'
    >>> requirements_line(["keras"])
    'pip install "jax[cpu]" "keras>=3"'
    >>> requirements_line(["torch", "numpy"])
    'pip install numpy && pip install torch --index-url https://download.pytorch.org/whl/cpu'
    """
    needed = needed_modules(modules)
    plain = [_quoted(requirement_for(module, url)) for module in needed if module not in SEPARATE_COMMANDS]
    commands = ([f"pip install {' '.join(plain)}"] if plain else []) + [
        SEPARATE_COMMANDS[module] for module in needed if module in SEPARATE_COMMANDS
    ]
    return " && ".join(commands)


def install_cell(modules: Iterable[str], url: str | None = None) -> str:
    """The code of a first notebook cell that installs whichever of ``modules`` is missing.

    Where everything is installed it only checks (``importlib.util.find_spec``) and installs
    nothing; it works in Jupyter, Colab and a plain script, since it calls pip through the
    running interpreter. A comment names the versions the notebook was run with.
    """
    needed = needed_modules(modules)
    python = ".".join(map(str, sys.version_info[:2]))
    ran = [f"# It ran for the guide with Python {python} and"]
    for item in [f"{distribution(module)} {installed_version(module)}" for module in needed]:
        if len(ran[-1]) + len(item) > 96:
            ran.append("#")
        ran[-1] += f" {item},"
    ran[-1] = ran[-1][:-1] + "."
    lines = [
        "# Installs what this notebook needs where it is missing; where all is installed, does nothing.",
        *ran,
        "import importlib",
        "import importlib.util",
        "import subprocess",
        "import sys",
        "",
        "_needed = {",
        *(f'    "{module}": "{requirement_for(module, url)}",' for module in needed),
        "}",
        "_missing = [spec for module, spec in _needed.items() if importlib.util.find_spec(module) is None]",
        "if _missing:",
        '    print("Installing:", ", ".join(_missing))',
        '    subprocess.check_call([sys.executable, "-m", "pip", "install", *_missing])',
        "    importlib.invalidate_caches()",
    ]
    return "\n".join(lines)


INSTALL_NOTE = (
    "The next cell installs the libraries this notebook uses, where they are missing (in Colab, "
    "or a fresh environment). Where they are all installed, it does nothing."
)


def with_install_cell(notebook: nbformat.NotebookNode, modules: Iterable[str], url: str | None = None):
    """A copy of ``notebook`` that starts, after its title if it has one, with a note and the
    :func:`install_cell` for ``modules``."""
    copy = nbformat.from_dict(notebook)
    note = nbformat.v4.new_markdown_cell(INSTALL_NOTE, id="install-note")
    code = nbformat.v4.new_code_cell(install_cell(modules, url), id="install")
    cells = copy.cells
    after_title = 1 if cells and cells[0].cell_type == "markdown" and cells[0].source.startswith("# ") else 0
    cells[after_title:after_title] = [note, code]
    return copy


def download_notebook(source: Path, executed: Path, url: str | None = None) -> bytes:
    """The notebook a reader downloads: the install cell for what ``source`` imports (a tutorial's
    ``.py`` or a notebook), then the ``executed`` notebook with its outputs."""
    notebook = nbformat.read(executed, as_version=4)
    modules = used_modules(source_code(source))
    return nbformat.writes(with_install_cell(notebook, modules, url)).encode("utf-8") + b"\n"


# ---------------------------------------------------------------- pages
INCLUDE = "includes/install-tutorials-lib.md"
INCLUDE_LINE = f'--8<-- "{INCLUDE}"'


def install_admonition(url: str | None = None) -> str:
    """The note that the pages using ``tutorials_lib`` include with :data:`INCLUDE_LINE`."""
    return (
        '!!! note "Install the guide\'s helper package"\n'
        "    The code on this page imports `tutorials_lib`, the guide's small library. This installs it,\n"
        "    with NumPy, pandas, Matplotlib and scikit-learn (in a notebook, start the line with `%pip`):\n"
        "\n"
        "    ```bash\n"
        f"    {requirements_line([LIBRARY], url)}\n"
        "    ```\n"
    )


def page_code(page: Path, root: Path = ROOT) -> list[tuple[int, int, str]]:
    """The Python a reader copies from ``page``: for each doctest and embedded snippet, its
    character offset, its line and its code, in page order."""
    from site_tools.fences import fences, included_path

    found = []
    for fence in fences(page.read_text(encoding="utf-8")):
        if not fence.renders_as_python:
            continue
        if (included := included_path(fence)) is not None:
            if included.endswith(".py") and (root / included).is_file():
                found.append((fence.start, fence.line, (root / included).read_text(encoding="utf-8")))
        elif ">>>" in fence.body:
            found.append((fence.start, fence.line, doctest_code(fence.body)))
    return found


def install_mention(module: str) -> str:
    """The text a page must hold, before its code, to tell a reader how to install ``module``."""
    if module == LIBRARY:
        return INCLUDE_LINE
    if module in SEPARATE_COMMANDS:
        return f"pip install {module}"
    try:
        return f"pip install {distribution(module)}"
    except LookupError:
        return f"pip install {module}"


def unannounced_modules(page: Path, root: Path = ROOT) -> list[str]:
    """Problems of ``page``: each module its code imports beyond the home page's line that the
    page does not tell the reader to install before the block that first imports it."""
    text = page.read_text(encoding="utf-8")
    first_import: dict[str, tuple[int, int]] = {}
    for start, line, code in page_code(page, root):
        for module in needed_modules(used_modules(code)):
            first_import.setdefault(module, (start, line))
    problems = []
    for module, (start, line) in sorted(first_import.items()):
        if module in HOME_PAGE_MODULES:
            continue
        mention = install_mention(module)
        at = text.find(mention)
        if at == -1 or at > start:
            problems.append(
                f"{page}, line {line}: the code imports {module}, which {HOME_PAGE_LINE!r} does not install, "
                f"and the page does not say `{mention}` before it"
            )
    return problems


if __name__ == "__main__":
    # After a version change: `uv run python -m site_tools.reader` rewrites the include.
    (ROOT / INCLUDE).write_text(install_admonition(), encoding="utf-8")
    print(f"wrote {INCLUDE}")

"""Which outputs vary between machines, and is each covered by the tolerance its page declares?

Another machine changes float arithmetic in a few ways: more threads (a different summation
order), another BLAS kernel, another CPU. This script reruns every snippet whose output a page
shows under settings that imitate those changes, compares what it prints with the recorded
``.out`` under the site's output policy (``site_tools.outputs``), and writes the result to
``benchmarks/VARIATION.md``:

    uv run python benchmarks/variation.py            # every shown output, two settings
    uv run python benchmarks/variation.py keras rnn  # only snippets whose path holds a word

An output that differs under some setting needs a ``±`` tolerance in its output block's title
(or a coarser print); an output that never differs is compared exactly.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conftest import PAGES  # noqa: E402
from site_tools.environment import run_environment, warning_filters_code  # noqa: E402
from site_tools.notebooks import code_cell_lines, execute_tutorial  # noqa: E402
from site_tools.outputs import Tolerance, mismatch, normalise  # noqa: E402
from site_tools.runner import WARNING_FILTERS  # noqa: E402
from site_tools.runs import RUNNER  # noqa: E402
from site_tools.sybil_snippets import SnippetBlock  # noqa: E402

SETTINGS = {
    "2 threads": {
        "OMP_NUM_THREADS": "2",
        "OPENBLAS_NUM_THREADS": "2",
        "MKL_NUM_THREADS": "2",
        "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads=2",
    },
    "OpenBLAS Prescott kernel": {"OPENBLAS_CORETYPE": "Prescott"},
}
REPORT = ROOT / "benchmarks" / "VARIATION.md"


@dataclass
class Shown:
    page: str
    snippet: str
    output: str
    tolerance: Tolerance | None


def shown_outputs(words: list[str]) -> list[Shown]:
    found = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for _, region in PAGES.parse(page).regions:
            block = region.parsed
            if (
                isinstance(block, SnippetBlock)
                and block.output
                and (not words or any(w in block.snippet for w in words))
            ):
                found[block.snippet] = Shown(
                    str(page.relative_to(ROOT)), block.snippet, block.output, block.tolerance
                )
    return list(found.values())


def printed_under(snippet: str, overrides: dict[str, str]) -> str:
    with tempfile.TemporaryDirectory() as outdir:
        result = subprocess.run(
            [sys.executable, "-P", str(RUNNER), str(ROOT / snippet), outdir],
            capture_output=True,
            text=True,
            env=run_environment(MPLBACKEND="Agg", **{WARNING_FILTERS: warning_filters_code()}, **overrides),
        )
        if result.returncode != 0:
            return f"FAILED: {result.stderr.strip().splitlines()[-1]}"
        return (Path(outdir) / "stdout.txt").read_text(encoding="utf-8")


def verdict(shown: Shown, setting: dict[str, str]) -> str:
    recorded = (ROOT / shown.output).read_text(encoding="utf-8")
    printed = printed_under(shown.snippet, setting)
    if printed.startswith("FAILED"):
        return printed
    if normalise(printed) == normalise(recorded):
        return "same"
    return (
        "differs, within tolerance"
        if mismatch(recorded, printed, shown.tolerance) is None
        else "**differs: NOT covered**"
    )


def cell_texts(notebook_path: Path) -> list[str]:
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    return [
        "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def tutorial_verdict(tutorial: Path, setting: dict[str, str]) -> str:
    """Lines of the tutorial whose cells print something else under ``setting``."""
    recorded = cell_texts(execute_tutorial(tutorial))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "run.ipynb"
        environment = run_environment(**setting)
        environment.pop("MPLBACKEND", None)
        result = subprocess.run(
            [sys.executable, "-m", "site_tools.notebooks", str(tutorial), str(out)],
            capture_output=True,
            text=True,
            env=environment,
        )
        if result.returncode != 0:
            return f"FAILED: {result.stderr.strip().splitlines()[0]}"
        printed = cell_texts(out)
    lines = code_cell_lines(tutorial)
    differing = [str(line) for line, a, b in zip(lines, recorded, printed, strict=True) if a != b]
    return f"cells at lines {', '.join(differing)} differ" if differing else "same"


def main(words: list[str]) -> None:
    outputs = shown_outputs(words)
    jobs = [(shown, name, setting) for shown in outputs for name, setting in SETTINGS.items()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        verdicts = list(pool.map(lambda job: verdict(job[0], job[2]), jobs))
    table = {}
    for (shown, name, _), result in zip(jobs, verdicts, strict=True):
        table.setdefault(shown.snippet, {})[name] = result
        print(f"{shown.snippet:60} {name:26} {result}", flush=True)
    lines = [
        "# Which outputs vary between machines",
        "",
        f"Written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `uv run python benchmarks/variation.py`.",
        "Each shown",
        "output was recorded with one thread per library; here each snippet runs again under settings",
        "that change float arithmetic as another machine would, and its output is compared with the",
        "recorded one under the site's policy: exactly, or within the `±` tolerance in the title of",
        "its output block.",
        "",
        "| snippet | tolerance | " + " | ".join(SETTINGS) + " |",
        "| --- | --- | " + " | ".join("---" for _ in SETTINGS) + " |",
    ]
    for shown in outputs:
        cells = " | ".join(table[shown.snippet][name] for name in SETTINGS)
        lines.append(f"| `{shown.snippet}` | {shown.tolerance or 'exact'} | {cells} |")
    tutorials = [
        t
        for t in sorted((ROOT / "docs" / "tutorials").glob("*.py"))
        if not words or any(w in t.name for w in words)
    ]
    tutorial_jobs = [
        (tutorial, name, setting) for tutorial in tutorials for name, setting in SETTINGS.items()
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        tutorial_verdicts = list(pool.map(lambda job: tutorial_verdict(job[0], job[2]), tutorial_jobs))
    lines += [
        "",
        "## Tutorials",
        "",
        "A tutorial page shows the outputs of the build's own run, so no recorded output can go stale;",
        "this table says which cells print differently under each setting, so that the prose around",
        "them rounds their numbers.",
        "",
        "| tutorial | " + " | ".join(SETTINGS) + " |",
        "| --- | " + " | ".join("---" for _ in SETTINGS) + " |",
    ]
    by_tutorial: dict[str, list[str]] = {}
    for (tutorial, name, _), result in zip(tutorial_jobs, tutorial_verdicts, strict=True):
        by_tutorial.setdefault(tutorial.name, []).append(result)
        print(f"{tutorial.name:60} {name:26} {result}", flush=True)
    lines += [f"| `{name}` | " + " | ".join(results) + " |" for name, results in by_tutorial.items()]
    uncovered = [s.snippet for s in outputs if any("NOT covered" in v for v in table[s.snippet].values())]
    lines += ["", f"Outputs that vary beyond their declared tolerance: {len(uncovered)}."]
    lines += [f"- `{snippet}`" for snippet in uncovered]
    if not words:
        REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])

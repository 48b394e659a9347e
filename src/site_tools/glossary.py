"""The glossary: load ``data/glossary.yaml``, validate it, render the glossary page and the
site-wide abbreviation tooltips.

``includes/abbreviations.md`` (appended to every page by pymdownx.snippets) is generated from
the entries that have an abbreviation. After editing the data file, regenerate it with::

    uv run python -m site_tools.glossary          # rewrite includes/abbreviations.md
    uv run python -m site_tools.glossary --check  # exit 1 if it is out of date (the tests do this)
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA_FILE = ROOT / "data" / "glossary.yaml"
DOCS = ROOT / "docs"
ABBREVIATIONS_FILE = ROOT / "includes" / "abbreviations.md"

REQUIRED = ("term", "definition")
OPTIONAL = ("abbr", "page")
MARKER = re.compile(r"<!--\s*glossary\s*-->")


class GlossaryError(ValueError):
    """The glossary is wrong. The message lists every problem, one per line, each naming the
    entry and the field; ``problems`` holds the same lines."""

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            lines = "\n".join(f"- {problem}" for problem in self.problems)
            message = f"{len(self.problems)} problems, fix them all:\n{lines}"
        super().__init__(message)


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    definition: str
    abbr: str | None = None
    page: str | None = None  # relative to docs/, optionally with an #anchor

    @property
    def tooltip(self) -> str:
        return f"{self.term}: {self.definition}"


def load_glossary(path: Path = DATA_FILE, docs: Path = DOCS) -> list[Term]:
    """Read and validate the glossary; every ``page`` must exist under ``docs``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path.name}: is not valid YAML: {error}") from error
    return validate_glossary(data, docs)


def validate_glossary(data: object, docs: Path = DOCS, source: str = "data/glossary.yaml") -> list[Term]:
    """Validate the parsed YAML and return the terms; raise GlossaryError listing every problem."""
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or not data["terms"]:
        raise GlossaryError(f"{source}: expected a top-level 'terms:' list of entries")
    problems: list[str] = []
    terms: list[tuple[int, Term]] = []
    for number, entry in enumerate(data["terms"], 1):
        title = entry.get("term") if isinstance(entry, dict) else None
        where = f"{source}: entry {number}" + (f" ({title!r})" if isinstance(title, str) and title else "")
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a mapping with the fields term, definition, abbr, page")
            continue
        found = [f"{where}, field {field!r}: {text}" for field, text in _entry_problems(entry, docs)]
        problems += found
        if not found:
            terms.append((number, _term(entry)))
    problems += _duplicates(terms, source)
    if problems:
        raise GlossaryError(problems)
    return [term for _, term in terms]


def _entry_problems(entry: dict, docs: Path) -> list[tuple[str, str]]:
    """Every (field, problem) of one entry."""
    problems = [
        (field, "unknown field; use term, definition, abbr, page")
        for field in sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    ]
    for field in (*REQUIRED, *OPTIONAL):
        value = entry.get(field)
        if value is None and field in OPTIONAL:
            continue
        if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
            problems.append((field, f"must be a non-empty, one-line string, not {value!r}"))
            continue
        problem = _FIELD_CHECKS.get(field, lambda value, docs: None)(value.strip(), docs)
        if problem:
            problems.append((field, problem))
    return problems


def _definition_problem(definition: str, docs: Path) -> str | None:
    if definition.endswith("."):
        return "drop the final full stop (the page adds it)"
    if '"' in definition:
        return "must not contain double quotes (they break the tooltip)"
    return None


def _abbr_problem(abbr: str, docs: Path) -> str | None:
    if not re.fullmatch(r"[A-Za-z][\w-]*", abbr):
        return f"{abbr!r} must be letters, digits or hyphens"
    return None


def _page_problem(page: str, docs: Path) -> str | None:
    path = page.partition("#")[0]
    if not path.endswith((".md", ".py")) or not (docs / path).is_file():
        return (
            f"{page!r} is not a page of the site; give a path relative to docs/ of a page that exists, "
            "like concepts/what-is-machine-learning.md"
        )
    return None


_FIELD_CHECKS = {"definition": _definition_problem, "abbr": _abbr_problem, "page": _page_problem}


def _term(entry: dict) -> Term:
    """The Term of an entry that has no problem."""
    optional = {field: entry[field].strip() if entry.get(field) is not None else None for field in OPTIONAL}
    return Term(term=entry["term"].strip(), definition=entry["definition"].strip(), **optional)


def _duplicates(terms: Sequence[tuple[int, Term]], source: str) -> list[str]:
    """A problem for each term or abbreviation that repeats an earlier entry's."""
    problems = []
    for field in ("term", "abbr"):
        seen: dict[str, int] = {}
        for number, term in terms:
            value = getattr(term, field)
            if value is None:
                continue
            if value.casefold() in seen:
                problems.append(
                    f"{source}: entry {number} ({term.term!r}), field {field!r}: {value!r} duplicates entry "
                    f"{seen[value.casefold()]}"
                )
            seen.setdefault(value.casefold(), number)
    return problems


# ---------------------------------------------------------------- rendering


def render_abbreviations(terms: Sequence[Term]) -> str:
    """The content of ``includes/abbreviations.md``: one ``*[ABBR]: tooltip`` line per abbreviation."""
    with_abbr = sorted((t for t in terms if t.abbr), key=lambda t: (t.abbr or "").casefold())
    return "".join(f"*[{t.abbr}]: {t.tooltip}\n" for t in with_abbr)


def _key(term: Term) -> str:
    return term.term.casefold()


def page_title(docs: Path, page: str) -> str:
    """The H1 title of a page (a Markdown page or a percent-format tutorial)."""
    path = docs / page.partition("#")[0]
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^(?:# )?# (?P<title>.+)$", line)
        if heading and not line.startswith("# ---") and not line.startswith("# %%"):
            return heading["title"].strip()
    raise GlossaryError(f"{page}: has no '# Title' heading to name the link after")


def render_glossary(terms: Sequence[Term], page_path: str, docs: Path = DOCS) -> str:
    """The Markdown of the glossary: terms by first letter, as definition lists, with links
    relative to ``page_path`` (the glossary page's path under docs/)."""
    here = posixpath.dirname(page_path)
    parts: list[str] = []
    letter = ""
    for term in sorted(terms, key=_key):
        first = term.term[0].upper()
        if first != letter:
            letter = first
            parts.append(f"## {letter}\n")
        name = f"{term.term} ({term.abbr})" if term.abbr else term.term
        text = term.definition[0].upper() + term.definition[1:] + "."
        if term.page:
            path, _, anchor = term.page.partition("#")
            link = posixpath.relpath(path, here) + (f"#{anchor}" if anchor else "")
            text += f" Explained in [{page_title(docs, term.page)}]({link})."
        parts.append(f"**{name}**\n:   {text}\n")
    return "\n".join(parts)


def replace_marker(markdown: str, terms: Sequence[Term], page_path: str, docs: Path = DOCS) -> str:
    return MARKER.sub(lambda _: render_glossary(terms, page_path, docs), markdown)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Regenerate includes/abbreviations.md from data/glossary.yaml"
    )
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args(argv)
    expected = render_abbreviations(load_glossary())
    current = ABBREVIATIONS_FILE.read_text(encoding="utf-8") if ABBREVIATIONS_FILE.exists() else ""
    if args.check:
        if current != expected:
            print("includes/abbreviations.md is out of date: run uv run python -m site_tools.glossary")
            return 1
        return 0
    ABBREVIATIONS_FILE.write_text(expected, encoding="utf-8")
    print(f"wrote {ABBREVIATIONS_FILE.relative_to(ROOT)}: {expected.count(chr(10))} abbreviations")
    return 0


if __name__ == "__main__":
    sys.exit(main())

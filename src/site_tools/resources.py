"""The curated resources: load ``data/resources.yaml``, validate it, and render it for the pages.

Every problem is reported with the entry it is in (its number and title) and the field, so a
contributor who breaks an entry is told where and how to fix it::

    data/resources.yaml: entry 12 ('Pro Git'), field 'url': must start with https:// ...

``hooks/resources.py`` replaces markers in the Markdown pages with the rendered tables:

- ``<!-- resources: filter -->``  the filter form (hidden until JavaScript shows it)
- ``<!-- resources: by-step -->`` one heading and table per roadmap step
- ``<!-- resources: by-kind -->`` one heading and table per kind (course, book...)
- ``<!-- resources: step 3 -->``  the table of one step, for the roadmap
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA_FILE = ROOT / "data" / "resources.yaml"

STEPS: dict[int, str] = {
    1: "Python and tools",
    2: "Data analysis with NumPy, pandas and Matplotlib",
    3: "Machine learning with scikit-learn",
    4: "Deep learning",
    5: "Projects, sharing your work, rebuilding from scratch",
}
KINDS: dict[str, str] = {
    "course": "Courses",
    "book": "Books",
    "video": "Videos",
    "tutorial": "Tutorials and guides",
    "docs": "Official documentation",
}
LEVELS = ("beginner", "intermediate", "advanced")
COSTS = ("free", "partly-free", "paid")
FIELDS = ("title", "by", "url", "kind", "level", "cost", "topics", "step", "review")
MAX_REVIEW_LENGTH = 160

# Query parameters that track the reader or pay someone for the click.
TRACKING_PARAMETERS = frozenset(
    {
        "ranmid",
        "raneaid",
        "ransiteid",
        "affiliate",
        "affiliate_id",
        "affid",
        "aff",
        "aff_id",
        "ref",
        "ref_",
        "tag",
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "si",
    }
)

MARKER = re.compile(r"<!--\s*resources:\s*(?P<what>[^>]*?)\s*-->")


class ResourceError(ValueError):
    """The resources file is wrong. The message lists every problem, one per line, each naming
    the entry and the field; ``problems`` holds the same lines."""

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(_summary(self.problems))


def _summary(problems: Sequence[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    return f"{len(problems)} problems, fix them all:\n" + "\n".join(f"- {problem}" for problem in problems)


@dataclass(frozen=True)
class Resource:
    """One curated resource, as validated from the data file."""

    title: str
    by: str
    url: str
    kind: str
    level: str
    cost: str
    topics: tuple[str, ...]
    step: int
    review: str


# ---------------------------------------------------------------- loading and validation


def load_resources(path: Path = DATA_FILE) -> list[Resource]:
    """Read and validate the resources file; raise ResourceError naming the entry and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ResourceError(f"{_name(path)}: is not valid YAML: {error}") from error
    return validate_resources(data, source=_name(path))


def _name(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def validate_resources(data: object, source: str = "data/resources.yaml") -> list[Resource]:
    """Validate the parsed YAML (a mapping with a ``resources`` list) and return the entries.

    Every entry and every field is checked before anything is raised, so that one run reports
    every problem of the file.
    """
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        raise ResourceError(f"{source}: expected a top-level 'resources:' list of entries")
    entries = data["resources"]
    if not entries:
        raise ResourceError(f"{source}: the 'resources' list is empty")
    problems: list[str] = []
    resources = []
    for number, entry in enumerate(entries, start=1):
        where = _where(source, number, entry)
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a mapping with the fields {', '.join(FIELDS)}")
            continue
        found = [f"{where}, field {field!r}: {text}" for field, text in _entry_problems(entry)]
        problems += found
        if not found:
            resources.append((number, _resource(entry)))
    problems += _duplicates(resources, source)
    if problems:
        raise ResourceError(problems)
    return [resource for _, resource in resources]


def _where(source: str, number: int, entry: object) -> str:
    title = entry.get("title") if isinstance(entry, dict) else None
    named = f" ({title!r})" if isinstance(title, str) and title.strip() else ""
    return f"{source}: entry {number}{named}"


def _entry_problems(entry: dict) -> list[tuple[str, str]]:
    """Every (field, problem) of one entry: unknown fields, then each field in FIELDS order."""
    problems = [
        (field, f"unknown field; the fields are {', '.join(FIELDS)}")
        for field in sorted(set(entry) - set(FIELDS))
    ]
    for field in FIELDS:
        value = entry.get(field)
        problem = (
            "is required and missing or empty" if value in (None, "", []) else FIELD_CHECKS[field](value)
        )
        if problem:
            problems.append((field, problem))
    return problems


def _one_line(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"must be a non-empty string, not {value!r}"
    if "\n" in value.strip():
        return "must fit on one line"
    return None


def _one_of(allowed: Iterable[str]) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        problem = _one_line(value)
        if problem is None and value.strip() not in allowed:
            problem = f"{value.strip()!r} is not one of {', '.join(allowed)}"
        return problem

    return check


def _step_problem(step: object) -> str | None:
    if isinstance(step, bool) or not isinstance(step, int) or step not in STEPS:
        return f"{step!r} is not a roadmap step (1 to {len(STEPS)})"
    return None


def _topics_problem(topics: object) -> str | None:
    if not isinstance(topics, list) or not all(isinstance(t, str) and t.strip() for t in topics):
        return "must be a list of words, like [pandas, plotting]"
    if any(topic != topic.lower() for topic in topics):
        return "write topics in lowercase, like 'pandas'"
    return None


def _review_problem(review: object) -> str | None:
    problem = _one_line(review)
    if problem is None and len(review.strip()) > MAX_REVIEW_LENGTH:
        problem = f"is {len(review.strip())} characters; keep it to one line of at most {MAX_REVIEW_LENGTH}"
    return problem


def _url_problem(url: object) -> str | None:
    problem = _one_line(url)
    if problem is not None:
        return problem
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        return f"{url!r} must start with https:// and name a host"
    if " " in url:
        return f"{url!r} contains a space"
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        key = name.lower()
        if key.startswith("utm_") or key in TRACKING_PARAMETERS:
            return f"remove the tracking or affiliate parameter {name!r} from {url!r}"
    return None


FIELD_CHECKS: dict[str, Callable[[object], str | None]] = {
    "title": _one_line,
    "by": _one_line,
    "url": _url_problem,
    "kind": _one_of(KINDS),
    "level": _one_of(LEVELS),
    "cost": _one_of(COSTS),
    "topics": _topics_problem,
    "step": _step_problem,
    "review": _review_problem,
}
"""One check per field: it returns what is wrong with a value, or None."""


def _resource(entry: dict) -> Resource:
    """The Resource of an entry that has no problem."""
    return Resource(
        title=entry["title"].strip(),
        by=entry["by"].strip(),
        url=entry["url"].strip(),
        kind=entry["kind"].strip(),
        level=entry["level"].strip(),
        cost=entry["cost"].strip(),
        topics=tuple(topic.strip() for topic in entry["topics"]),
        step=entry["step"],
        review=entry["review"].strip(),
    )


def check_url(url: str, where: str = "url") -> str:
    """Return ``url`` if it is a clean https URL; raise ResourceError otherwise."""
    problem = _url_problem(url)
    if problem is not None:
        raise ResourceError(f"{where}, field 'url': {problem}")
    return url


def _canonical(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}?{parts.query}"


def _duplicates(resources: Sequence[tuple[int, Resource]], source: str) -> list[str]:
    """A problem for each entry whose URL or title repeats an earlier entry's."""
    problems = []
    seen_urls: dict[str, int] = {}
    seen_titles: dict[str, int] = {}
    for number, resource in resources:
        where = f"{source}: entry {number} ({resource.title!r})"
        url, title = _canonical(resource.url), resource.title.casefold()
        if url in seen_urls:
            problems.append(f"{where}, field 'url': duplicates the URL of entry {seen_urls[url]}")
        if title in seen_titles:
            problems.append(f"{where}, field 'title': duplicates the title of entry {seen_titles[title]}")
        seen_urls.setdefault(url, number)
        seen_titles.setdefault(title, number)
    return problems


# ---------------------------------------------------------------- rendering


def _row(resource: Resource, compact: bool) -> str:
    e = html.escape
    topics = ", ".join(resource.topics)
    search = " ".join([resource.title, resource.by, topics, resource.review]).lower()
    return (
        f'<tr data-resource data-step="{resource.step}" data-kind="{resource.kind}" '
        f'data-level="{resource.level}" data-cost="{resource.cost}" data-text="{e(search)}">'
        f'<td><a href="{e(resource.url)}">{e(resource.title)}</a><br><small>{e(resource.by)}</small></td>'
        f"<td>{e(resource.kind)}</td><td>{e(resource.level)}</td><td>{e(resource.cost)}</td>"
        f"<td>{e(resource.review)}"
        + ("" if compact else f"<br><small>Topics: {e(topics)}</small>")
        + "</td></tr>"
    )


def render_table(resources: Sequence[Resource], compact: bool = False) -> str:
    """An HTML table of ``resources`` (Markdown cannot put data attributes on table rows);
    ``compact`` leaves out the topics."""
    rows = "\n".join(_row(resource, compact) for resource in resources)
    return (
        "<table data-resources>\n<thead><tr><th>Resource</th><th>Kind</th><th>Level</th><th>Cost</th>"
        "<th>Why use it</th></tr></thead>\n<tbody>\n" + rows + "\n</tbody>\n</table>\n"
        '<p class="resources-none" hidden>No resource in this group matches the filter.</p>\n'
    )


def _options(name: str, label: str, values: Iterable[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in values)
    return f'<label>{label} <select name="{name}"><option value="">any</option>{options}</select></label>'


def render_filter() -> str:
    """The filter form; docs/javascripts/resources-filter.js shows it and makes it work."""
    return "\n".join(
        [
            '<form class="resources-filter" role="search" aria-label="Filter the resources" hidden>',
            _options("step", "Step", ((str(n), f"{n}. {name}") for n, name in STEPS.items())),
            _options("kind", "Kind", ((kind, kind) for kind in KINDS)),
            _options("level", "Level", ((level, level) for level in LEVELS)),
            _options("cost", "Cost", ((cost, cost) for cost in COSTS)),
            '<label>Search <input type="search" name="text" placeholder="title, author or topic"></label>',
            '<button type="reset">Show all</button>',
            '<p class="resources-status" role="status" aria-live="polite"></p>',
            "</form>",
            "",
        ]
    )


def render_by_step(resources: Sequence[Resource]) -> str:
    parts = []
    for step, name in STEPS.items():
        chosen = [r for r in resources if r.step == step]
        parts.append(f"## Step {step}: {name} {{#step-{step}}}\n\n{render_table(chosen)}")
    return "\n".join(parts)


def render_by_kind(resources: Sequence[Resource]) -> str:
    parts = []
    for kind, heading in KINDS.items():
        chosen = sorted((r for r in resources if r.kind == kind), key=lambda r: r.step)
        parts.append(f"## {heading} {{#{kind}}}\n\n{render_table(chosen)}")
    return "\n".join(parts)


def render_marker(what: str, resources: Sequence[Resource]) -> str:
    """The Markdown that replaces ``<!-- resources: <what> -->``."""
    if what == "filter":
        return render_filter()
    if what == "by-step":
        return render_by_step(resources)
    if what == "by-kind":
        return render_by_kind(resources)
    step = re.fullmatch(r"step (\d+)", what)
    if step and int(step[1]) in STEPS:
        return render_table([r for r in resources if r.step == int(step[1])], compact=True)
    raise ResourceError(
        f"unknown marker '<!-- resources: {what} -->'; use filter, by-step, by-kind or step 1 to {len(STEPS)}"
    )


def replace_markers(markdown: str, resources: Sequence[Resource]) -> str:
    """Replace every resources marker in a page's Markdown with the rendered resources."""
    return MARKER.sub(lambda match: render_marker(match["what"], resources), markdown)

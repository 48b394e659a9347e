"""MkDocs hook: write each exercise's statement, hint and solution into the page, from the registry.

A page marks where an exercise goes with two HTML comments:

- ``<!-- exercise: numpy-01 -->`` becomes the statement, the code the exercise starts from (its
  data) and the line that checks the answer;
- ``<!-- solution: numpy-01 -->`` becomes a collapsed hint and a collapsed model solution.

The text lives once, in ``tutorials_lib.exercises``, and the notebooks use the same text. The
tests run every solution shown here through its check. An unknown id fails the build.
"""

from __future__ import annotations

import re
import textwrap

from mkdocs.exceptions import PluginError

from tutorials_lib.exercises import get

MARKER = re.compile(r"^<!-- (?P<kind>exercise|solution): (?P<id>[\w-]+) -->[ \t]*$", re.MULTILINE)


def _indent(text: str) -> str:
    return textwrap.indent(text, "    ")


def render(kind: str, exercise_id: str) -> str:
    """The Markdown that replaces one marker."""
    try:
        exercise = get(exercise_id)
    except ValueError as error:
        raise PluginError(str(error)) from None
    if kind == "exercise":
        start = f"Start from this code:\n\n```python\n{exercise.given}\n```\n\n" if exercise.given else ""
        return (
            f"{exercise.statement}\n\n{start}"
            f'Check your answer in your notebook: `get("{exercise.id}").check({exercise.answer_name})`.'
        )
    solution = f"```python\n{exercise.solution_code}\n```"
    return f'??? tip "Hint"\n\n{_indent(exercise.hint_text)}\n\n??? success "Solution"\n\n{_indent(solution)}'


def on_page_markdown(markdown: str, page, config, files) -> str:
    return MARKER.sub(lambda match: render(match["kind"], match["id"]), markdown)

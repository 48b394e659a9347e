"""What the exercise-check tests share: an answer run as the reader's notebook cell would, and a
progress file of the test's own."""

from __future__ import annotations

import contextlib
import io

import matplotlib.pyplot as plt
import pytest

from tutorials_lib.exercises import PROGRESS_ENV, get


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    """A test's checks record progress in its own file, never the reader's."""
    monkeypatch.setenv(PROGRESS_ENV, str(tmp_path / "progress.json"))
    yield
    plt.close("all")


def answer_of(exercise_id: str, body: str) -> object:
    """Run the exercise's given code and then ``body``, as the reader's notebook cell would."""
    exercise = get(exercise_id)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(exercise.given + "\n" + body, namespace)
    return namespace[exercise.answer_name]

"""The Keras snippets on the PyTorch backend; the machinery is in test_keras_backends.py."""

from __future__ import annotations

import pytest

from tests.test_keras_backends import CHECKS, check_snippet_on

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_keras_snippet_passes_on_torch(name, tmp_path):
    check_snippet_on("torch", name, tmp_path)

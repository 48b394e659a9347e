"""Snippets for optional libraries (TensorFlow, PyTorch) declare them with ``# requires: ...``:
the tests skip such a snippet, saying how to install what is missing, and run it otherwise."""

from __future__ import annotations

from site_tools.snippets import missing_requirements
from tests.test_machinery_bites import make_project, run_pytest

PAGE = """\
    # A page

    ```python title="snippets/demo/needs.py"
    --8<-- "snippets/demo/needs.py"
    ```

    ```text title="Output"
    --8<-- "snippets/demo/needs.out"
    ```
    """


def test_installed_requirements_are_not_reported(tmp_path):
    snippet = tmp_path / "uses_json.py"
    snippet.write_text('"""Doc."""\n# requires: json, email.parser\nimport json\n', encoding="utf-8")
    assert missing_requirements(snippet) == []


def test_a_missing_module_is_reported_with_its_install_command(tmp_path):
    snippet = tmp_path / "uses_torch.py"
    snippet.write_text("# requires: json, no_such_module_xyz, torch\n", encoding="utf-8")
    missing = missing_requirements(snippet)
    assert "needs no_such_module_xyz: install it with `pip install no_such_module_xyz`" in missing
    assert not any("json" in reason for reason in missing)


def test_the_marker_counts_only_as_a_whole_comment_line(tmp_path):
    snippet = tmp_path / "mentions.py"
    snippet.write_text('print("# requires: no_such_module_xyz")\n', encoding="utf-8")
    assert missing_requirements(snippet) == []


def test_a_snippet_whose_module_is_missing_is_skipped_with_the_reason(pytester):
    make_project(
        pytester.path,
        {"index.md": PAGE},
        {
            "demo/needs.py": "# requires: no_such_module_xyz\nimport no_such_module_xyz\n",
            "demo/needs.out": "x\n",
        },
    )
    result = run_pytest(pytester, "-rs", "docs")
    output = result.stdout.str()
    assert result.ret == 0, output
    assert "1 skipped" in output
    assert "needs.py needs no_such_module_xyz: install it with `pip install no_such_module_xyz`" in output


def test_a_snippet_whose_module_is_installed_runs_and_is_checked(pytester):
    make_project(
        pytester.path,
        {"index.md": PAGE},
        {
            "demo/needs.py": "# requires: json\nimport json\nprint(json.dumps([1]))\n",
            "demo/needs.out": "[2]\n",
        },
    )
    result = run_pytest(pytester)
    assert result.ret == 1
    assert "-[2]" in result.stdout.str() and "+[1]" in result.stdout.str()

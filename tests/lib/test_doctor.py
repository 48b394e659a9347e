from __future__ import annotations

import pytest

from tutorials_lib import doctor
from tutorials_lib.__main__ import main as cli
from tutorials_lib.doctor import Facts, Finding, check, exit_code, gather_facts, report

GOOD = {"numpy": "2.4.0", "scipy": "1.17.1", "pandas": "3.1.1", "matplotlib": "3.11.2",
        "scikit-learn": "1.9.1", "keras": "3.15.1", "jax": "0.10.2", "tensorflow": None, "torch": None}


def facts(python=(3, 11, 7), env="jax", config=None, **versions) -> Facts:
    """Facts of a made-up machine: GOOD versions, changed by ``versions`` (None = missing)."""
    return gather_facts(version_of=lambda name: {**GOOD, **versions}.get(name),
                        environ={} if env is None else {"KERAS_BACKEND": env}, python=python,
                        read_config=lambda: config)


def problems(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.status == "problem"]


def test_a_complete_environment_has_no_problem_and_exits_0():
    findings = check(facts())
    assert problems(findings) == []
    assert exit_code(findings) == 0
    assert report(findings).endswith("All required parts are ready.")
    assert "ok       Keras backend jax (from KERAS_BACKEND); jax 0.10.2 is installed" in report(findings)


def test_every_required_package_and_the_python_version_are_listed():
    text = report(check(facts()))
    for name, version in GOOD.items():
        assert (f"{name} {version}" if version else f"{name} is not installed") in text
    assert "ok       Python 3.11.7" in text


@pytest.mark.parametrize("package", list(doctor.REQUIRED))
def test_a_missing_package_is_a_problem_with_its_install_command(package):
    findings = check(facts(**{package: None}))
    [problem] = [f for f in problems(findings) if f.message == f"{package} is not installed"]
    assert problem.advice.startswith(doctor.INSTALL[package])
    assert exit_code(findings) == 1


def test_jax_advice_installs_the_cpu_build():
    [problem] = problems(check(facts(jax=None, env="torch", torch="2.13.0")))
    assert problem.advice.startswith('pip install "jax[cpu]"')


def test_missing_optional_libraries_are_notes_that_do_not_fail_the_check():
    findings = check(facts(tensorflow=None, torch=None))
    notes = [finding for finding in findings if finding.status == "note"]
    assert [note.message.split()[0] for note in notes] == ["tensorflow", "torch"]
    assert "pip install tensorflow-cpu" in notes[0].advice
    assert "download.pytorch.org/whl/cpu" in notes[1].advice
    assert exit_code(findings) == 0


def test_installed_optional_libraries_are_reported_ok():
    text = report(check(facts(tensorflow="2.21.0", torch="2.13.0")))
    assert "ok       tensorflow 2.21.0 (optional)" in text and "ok       torch 2.13.0 (optional)" in text


def test_python_older_than_3_11_is_a_problem_with_advice():
    [problem] = problems(check(facts(python=(3, 10, 12))))
    assert problem.message == "Python 3.10.12 is too old: this guide needs 3.11 or newer"
    assert "python.org" in problem.advice and "uv venv --python 3.11" in problem.advice


def test_newer_python_is_fine():
    assert problems(check(facts(python=(3, 14, 0)))) == []


def test_a_package_older_than_the_minimum_is_a_problem_with_an_upgrade_command():
    [problem] = problems(check(facts(pandas="2.3.3")))
    assert problem.message == "pandas 2.3.3 is older than 3.0, which this guide needs"
    assert problem.advice == 'pip install --upgrade "pandas>=3.0"'


def test_pre_release_versions_are_compared_by_their_numbers():
    assert problems(check(facts(numpy="2.5.0rc1", keras="3.16.0.dev2026"))) == []


def test_keras_without_backend_and_without_tensorflow_says_to_set_keras_backend():
    findings = check(facts(env=None))
    [problem] = problems(findings)
    assert problem.message.startswith(
        "keras is installed but KERAS_BACKEND is unset and tensorflow is missing"
    )
    assert "set KERAS_BACKEND=jax" in problem.advice
    assert exit_code(findings) == 1


def test_keras_without_backend_but_with_tensorflow_uses_tensorflow():
    [finding] = [f for f in check(facts(env=None, tensorflow="2.21.0")) if "backend" in f.message]
    assert finding.status == "ok"
    assert finding.message.startswith("Keras backend tensorflow (Keras' default")


def test_the_keras_config_file_chooses_the_backend_when_the_variable_is_unset():
    [finding] = [f for f in check(facts(env=None, config="jax")) if "backend" in f.message]
    assert finding.status == "ok"
    assert finding.message.split(";")[0] == "Keras backend jax (from ~/.keras/keras.json)"


def test_the_variable_wins_over_the_config_file():
    [finding] = [f for f in check(facts(env="jax", config="tensorflow")) if "backend" in f.message]
    assert finding.status == "ok" and "from KERAS_BACKEND" in finding.message


def test_a_selected_backend_that_is_not_installed_gives_its_install_command():
    [problem] = problems(check(facts(env="torch")))
    assert problem.message == (
        "Keras backend torch (from KERAS_BACKEND) is selected but torch is not installed"
    )
    assert problem.advice.startswith("pip install torch --index-url")
    assert "KERAS_BACKEND=jax" in problem.advice


def test_an_unknown_backend_name_lists_the_valid_ones():
    [problem] = problems(check(facts(env="theano")))
    assert "'theano'" in problem.message and "not one Keras knows" in problem.message
    assert "jax, tensorflow, torch, numpy, openvino" in problem.advice


def test_no_backend_finding_when_keras_is_missing():
    findings = check(facts(keras=None))
    assert [f.message for f in problems(findings)] == ["keras is not installed"]


def test_the_report_counts_problems_and_indents_advice():
    text = report(check(facts(python=(3, 9, 0), keras=None)))
    assert text.endswith("2 problems: fix them and run the check again.")
    assert "PROBLEM  keras is not installed\n         fix: pip install keras" in text


def test_check_rejects_something_that_is_not_facts():
    with pytest.raises(TypeError, match="needs the Facts that gather_facts"):
        check({"python": (3, 11, 0)})


def test_gather_facts_rejects_a_version_lookup_that_is_not_callable():
    with pytest.raises(TypeError, match="version_of must be a function"):
        gather_facts(version_of={"numpy": "2.4.0"})


def test_keras_config_backend_reads_the_file_and_tolerates_a_missing_or_broken_one(tmp_path):
    assert doctor.keras_config_backend(tmp_path) is None
    (tmp_path / "keras.json").write_text('{"backend": "jax", "floatx": "float32"}', encoding="utf-8")
    assert doctor.keras_config_backend(tmp_path) == "jax"
    (tmp_path / "keras.json").write_text("not json", encoding="utf-8")
    assert doctor.keras_config_backend(tmp_path) is None


def test_the_command_prints_the_report_and_returns_its_exit_code(monkeypatch, capsys):
    monkeypatch.setattr(doctor, "gather_facts", lambda: facts(keras=None))
    assert cli(["doctor"]) == 1
    assert "PROBLEM  keras is not installed" in capsys.readouterr().out
    monkeypatch.setattr(doctor, "gather_facts", lambda: facts())
    assert cli(["doctor"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("All required parts are ready.")


def test_the_command_needs_a_subcommand(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli([])
    assert stopped.value.code == 2
    assert "doctor" in capsys.readouterr().err

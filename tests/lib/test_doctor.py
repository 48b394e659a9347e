from __future__ import annotations

import pytest

from tutorials_lib import doctor
from tutorials_lib.__main__ import main as cli
from tutorials_lib.doctor import (
    KERAS_WRITTEN_CONFIG,
    Facts,
    Finding,
    KerasConfig,
    check,
    exit_code,
    gather_facts,
    keras_home,
    read_keras_config,
    report,
)

GOOD = {
    "numpy": "2.4.0",
    "scipy": "1.17.1",
    "pandas": "3.1.1",
    "matplotlib": "3.11.2",
    "scikit-learn": "1.9.1",
    "keras": "3.15.1",
    "jax": "0.10.2",
    "tensorflow": None,
    "torch": None,
}


def facts(python=(3, 11, 7), env="jax", config=None, **versions) -> Facts:
    """Facts of a made-up machine: GOOD versions, changed by ``versions`` (None = missing).

    ``config`` is the backend a person chose in keras.json, or a whole KerasConfig.
    """
    if not isinstance(config, KerasConfig):
        config = KerasConfig(backend=config)
    return gather_facts(
        version_of=lambda name: {**GOOD, **versions}.get(name),
        environ={} if env is None else {"KERAS_BACKEND": env},
        python=python,
        read_config=lambda: config,
    )


def backend_finding(findings: list[Finding]) -> Finding:
    [finding] = [f for f in findings if "backend" in f.message]
    return finding


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


def test_keras_default_backend_missing_is_only_a_note_since_the_guide_selects_jax_itself():
    findings = check(facts(env=None))
    assert problems(findings) == [] and exit_code(findings) == 0
    note = backend_finding(findings)
    assert note.status == "note"
    assert note.message.startswith("a plain `import keras` would use the backend tensorflow (Keras' default")
    assert "export KERAS_BACKEND=jax" in note.advice


def test_keras_without_backend_without_tensorflow_and_without_jax_says_to_set_keras_backend():
    findings = check(facts(env=None, jax=None))
    [problem] = [f for f in problems(findings) if "KERAS_BACKEND" in f.message]
    assert problem.message.startswith(
        "keras is installed but KERAS_BACKEND is unset and tensorflow is missing"
    )
    assert "set KERAS_BACKEND=jax" in problem.advice
    assert exit_code(findings) == 1


def test_a_keras_json_that_keras_wrote_itself_is_no_false_alarm():
    written = KerasConfig(path="~/.keras/keras.json", written_by_keras=True)
    findings = check(facts(env=None, config=written))
    assert problems(findings) == []
    finding = backend_finding(findings)
    assert "holds the defaults Keras wrote there itself" in finding.message
    assert "(from ~/.keras/keras.json)" not in finding.message


def test_a_keras_json_that_keras_wrote_is_recognised_on_disk(tmp_path):
    import json

    (tmp_path / "keras.json").write_text(json.dumps(KERAS_WRITTEN_CONFIG, indent=4), encoding="utf-8")
    config = read_keras_config(tmp_path)
    assert config.written_by_keras and config.backend is None and config.error is None


def test_a_keras_json_a_person_wrote_with_tensorflow_is_a_choice(tmp_path):
    (tmp_path / "keras.json").write_text('{"backend": "tensorflow"}', encoding="utf-8")
    config = read_keras_config(tmp_path)
    assert config.backend == "tensorflow" and not config.written_by_keras
    problem = backend_finding(problems(check(facts(env=None, config=config))))
    assert problem.message.startswith(f"Keras backend tensorflow (from {config.path}) is selected")


def test_keras_home_is_followed(tmp_path):
    (tmp_path / "keras.json").write_text('{"backend": "torch"}', encoding="utf-8")
    assert keras_home({"KERAS_HOME": str(tmp_path)}) == tmp_path
    found = gather_facts(version_of=lambda name: GOOD.get(name), environ={"KERAS_HOME": str(tmp_path)})
    assert found.keras_config.backend == "torch"
    assert found.keras_config.path == (tmp_path / "keras.json").as_posix()
    problem = backend_finding(problems(check(found)))
    assert f"(from {tmp_path.as_posix()}/keras.json)" in problem.message


def test_a_keras_json_that_is_not_json_is_named_corrupt_not_blamed_on_tensorflow(tmp_path):
    (tmp_path / "keras.json").write_text("{not json", encoding="utf-8")
    config = read_keras_config(tmp_path)
    assert config.error == "it is not valid JSON" and not config.breaks_import
    findings = check(facts(env=None, config=config))
    assert problems(findings) == []  # Keras ignores such a file; the guide's code selects jax
    [note] = [f for f in findings if "corrupt" in f.message]
    assert note.message == f"{config.path} is corrupt: it is not valid JSON; Keras ignores it"
    assert f"rm {config.path}" in note.advice
    assert "is ignored" in backend_finding(findings).message


def test_a_keras_json_that_is_not_utf8_is_ignored_as_keras_ignores_it(tmp_path):
    # Keras reads the file inside `except ValueError`, and UnicodeDecodeError is a ValueError.
    (tmp_path / "keras.json").write_bytes(b'\xff\xfe{"backend": 1')
    config = read_keras_config(tmp_path)
    assert config.error == "it is not valid UTF-8 text" and not config.breaks_import
    findings = check(facts(env="jax", config=config))
    assert problems(findings) == []
    [note] = [f for f in findings if "corrupt" in f.message]
    assert note.message == f"{config.path} is corrupt: it is not valid UTF-8 text; Keras ignores it"
    assert backend_finding(findings).status == "ok"  # the backend is still checked


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda path: path.mkdir(), "it is a folder, not a file"),
        (lambda path: path.write_text("[1, 2]", encoding="utf-8"), "it holds a JSON list, not an object"),
        (lambda path: path.write_text('{"backend": 3}', encoding="utf-8"), 'its "backend" is 3, not a name'),
    ],
)
def test_a_keras_json_that_breaks_import_keras_is_a_problem_named_corrupt(tmp_path, make, error):
    make(tmp_path / "keras.json")
    config = read_keras_config(tmp_path)
    assert config.error == error and config.breaks_import
    findings = check(facts(env="jax", config=config))
    [problem] = problems(findings)
    assert problem.message == f"{config.path} is corrupt: {error}, so `import keras` fails"
    assert "tensorflow" not in problem.message and "delete it" in problem.advice
    assert not [f for f in findings if "backend" in f.message and "corrupt" not in f.message]


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
    with pytest.raises(TypeError, match="facts must be the Facts that gather_facts"):
        check({"python": (3, 11, 0)})


def test_gather_facts_rejects_a_version_lookup_that_is_not_callable():
    with pytest.raises(TypeError, match="version_of must be a function"):
        gather_facts(version_of={"numpy": "2.4.0"})


def test_read_keras_config_reads_the_backend_and_tolerates_a_missing_file(tmp_path):
    assert read_keras_config(tmp_path) == KerasConfig(path=(tmp_path / "keras.json").as_posix())
    (tmp_path / "keras.json").write_text('{"backend": "jax", "floatx": "float32"}', encoding="utf-8")
    assert read_keras_config(tmp_path).backend == "jax"


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

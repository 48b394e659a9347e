"""Command line of the guide's library: ``python -m tutorials_lib doctor`` checks your set-up."""

from __future__ import annotations

import argparse

from tutorials_lib import doctor


def main(argv: list[str] | None = None) -> int:
    """Run the command named in ``argv`` and return its exit code.

    Args:
        argv: The command-line words after ``python -m tutorials_lib``, such as ``["doctor"]``;
            ``None`` reads them from ``sys.argv``.
    """
    if argv is not None and (
        isinstance(argv, str) or not isinstance(argv, list) or not all(isinstance(a, str) for a in argv)
    ):
        raise TypeError(f"argv must be a list of strings such as ['doctor'], or None; got {argv!r}.")
    parser = argparse.ArgumentParser(prog="python -m tutorials_lib", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "doctor", help="check Python, the libraries and the Keras backend; exit code 1 on a problem"
    )
    arguments = parser.parse_args(argv)
    if arguments.command == "doctor":
        return doctor.main()
    parser.error(f"unknown command {arguments.command}")  # argparse has already refused it
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

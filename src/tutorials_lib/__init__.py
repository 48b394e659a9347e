"""Small helpers that several pages and tutorials of the guide reuse.

Import what you need from the submodules, for example
``from tutorials_lib.data import load_digits_frame``.
"""

__version__ = "0.1.0"

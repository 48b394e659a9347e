"""MkDocs hook: turn the LaTeX that pymdownx.arithmatex marks into MathML at build time.

Browsers render MathML natively, so pages need no math engine from a CDN and no web fonts.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.+?)\\\)</span>', re.DOTALL)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.+?)\\\]</div>', re.DOTALL)


def _mathml(match: re.Match, display: str, page) -> str:
    tex = html.unescape(match["tex"]).strip()
    try:
        return convert(tex, display=display)
    except Exception as error:  # latex2mathml raises many types; name the page and the formula
        raise PluginError(f"{page.file.src_path}: cannot render math {tex!r}: {error}") from error


def on_page_content(content: str, page, config, files) -> str:
    content = BLOCK.sub(lambda m: _mathml(m, "block", page), content)
    return INLINE.sub(lambda m: _mathml(m, "inline", page), content)

"""The code blocks of a built page, as a reader sees and copies them.

A block is Pygments' ``<div class="language-<lang> highlight">``, with its title (``<span
class="filename">``) if it has one; its text is that of its ``<code>`` element, which is what
Material's copy button copies (the line-number anchors hold no text). Blocks inside the API
reference that mkdocstrings renders (``<div class="doc ...">``: signatures, source, docstring
examples) are left out: the docstring tests run those examples, each with its own imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class CodeBlock:
    language: str
    title: str
    text: str

    @property
    def is_session(self) -> bool:
        """A ``>>>`` session: the reader's copy button copies its code without the output."""
        return any(line.lstrip().startswith(">>>") for line in self.text.splitlines())


class _CodeBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[CodeBlock] = []
        self._depth = 0  # <div> nesting inside the current block; 0 when outside one
        self._language = ""
        self._title: list[str] | None = None
        self._code: list[str] | None = None
        self._in = ""  # "title" or "code" while inside one
        self._divs: list[bool] = []  # for each open <div>: is it mkdocstrings' API reference?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div":
            self._divs.append("doc" in classes)
        if any(self._divs):
            return
        if tag == "div" and self._depth:
            self._depth += 1
        elif tag == "div" and "highlight" in classes:
            self._depth = 1
            self._language = next(
                (c.removeprefix("language-") for c in classes if c.startswith("language-")), ""
            )
            self._title, self._code = [], []
        elif self._depth and tag == "span" and "filename" in classes:
            self._in = "title"
        elif self._depth and tag == "code":
            self._in = "code"

    def handle_endtag(self, tag: str) -> None:
        in_reference = any(self._divs)
        if tag == "div" and self._divs:
            self._divs.pop()
        if in_reference:
            return
        if tag == "span" and self._in == "title":
            self._in = ""
        elif tag == "code" and self._in == "code":
            self._in = ""
        elif tag == "div" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.blocks.append(
                    CodeBlock(self._language, "".join(self._title).strip(), "".join(self._code))
                )

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self._title.append(data)
        elif self._in == "code":
            self._code.append(data)


def code_blocks(html: str) -> list[CodeBlock]:
    """The code blocks of a page's HTML, in page order.

    >>> html = ('<div class="language-python highlight"><span class="filename">a.py</span>'
    ...         '<pre><span></span><code><a id="l1"></a><span class="n">x</span> = 1\\n</code></pre></div>')
    >>> code_blocks(html)
    [CodeBlock(language='python', title='a.py', text='x = 1\\n')]
    >>> code_blocks(f'<div class="doc doc-object">{html}</div>')
    []
    """
    parser = _CodeBlocks()
    parser.feed(html)
    parser.close()
    return parser.blocks

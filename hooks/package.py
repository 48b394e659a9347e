"""MkDocs hook: publish the wheel of ``tutorials_lib`` as ``packages/<wheel>``.

Pages that use the guide's helper package tell the reader to install it from that address
(``pip install "tutorials-lib @ <site_url>packages/<wheel>"``, see ``site_tools.wheel``), so the
package a reader installs is the one this build was tested with.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from site_tools.wheel import PACKAGES, WheelError, build_wheel


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        wheel = build_wheel()
    except WheelError as error:
        raise PluginError(str(error)) from None
    files.append(File.generated(config, f"{PACKAGES}/{wheel.name}", content=wheel.read_bytes()))
    return files

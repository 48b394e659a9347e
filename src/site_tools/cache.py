"""The one way a run is kept: a folder per key, filled once, never seen half-written.

Snippet runs (:mod:`site_tools.runs`) and tutorial runs (:mod:`site_tools.notebooks`) are
kept in ``.cache/<kind>/<key>/``, where the key is a hash of everything the run depends on. A
folder is complete when it holds its record file (written last); a lock per key makes a second
caller, in another thread or process, wait for the first instead of running again; and the
folder appears in one rename, so a reader never sees part of a run.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def filled_once(folder: Path, record: str, fill: Callable[[Path], None]) -> Path:
    """``folder``, complete: as it is if it holds ``record``, else filled now by ``fill``.

    ``fill`` writes the run into the empty folder it is given, ``record`` last. If it raises,
    nothing is kept and the error goes to the caller.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a parallel caller waits here, then finds the run
        if (folder / record).exists():
            return folder
        partial = Path(tempfile.mkdtemp(prefix=folder.name, dir=folder.parent))
        try:
            fill(partial)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        if not (partial / record).exists():
            shutil.rmtree(partial, ignore_errors=True)
            raise RuntimeError(f"{fill.__name__} did not write {record} into {partial}")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(partial, folder)
    return folder

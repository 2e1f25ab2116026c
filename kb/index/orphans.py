"""Files of the index folder that no committed state needs: what a killed writer leaves behind.

A writer killed before its commit leaves the files of the segments it was writing (its own and
its workers'), the temporary folder of its posting runs, perhaps a half-written table of
contents or metadata file. Whoosh deletes files that the new table of contents does not list
whenever a writer commits (:func:`whoosh.index.clean_files`); a run that is killed again before
its first commit never gets there, so the leftovers pile up. :func:`remove_orphans` runs
Whoosh's own cleaner when a writer has just taken the lock (before it creates any file of its
own) and removes the few leftovers Whoosh's patterns do not cover.

Only the files of the latest table of contents are kept. A searcher still reading an older
generation has its files open already, and an open file outlives its name on POSIX systems;
Whoosh's commit has always removed them the same way.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from whoosh.index import TOC, clean_files

from kb.index.lock import OWNER_FILE

log = logging.getLogger(__name__)

#: kb's own temporary files written under the lock. (kb-index.tmp is not one: the metadata is
#: also written outside the lock, and it is replaced by the next write anyway.)
_KB_TEMPORARY = (Path(OWNER_FILE).with_suffix(".tmp").name,)


def orphan_files(ix) -> list[str]:
    """Names in the index folder that the latest table of contents does not need.

    Meaningful only while no writer is running: a live writer's unfinished segments look the
    same.
    """
    storage, name = ix.storage, ix.indexname
    toc = ix._read_toc()
    wanted = {s.segment_id() for s in toc.segments}
    tocs, segments = TOC._pattern(name), TOC._segment_pattern(name)
    temp_toc = re.compile(r"^_%s_[0-9]+\.toc\..+$" % re.escape(name))
    found = []
    for filename in sorted(Path(storage.folder).iterdir()):
        base = filename.name
        toc_match, seg_match = tocs.match(base), segments.match(base)
        if toc_match:
            orphan = int(toc_match.group(1)) != toc.generation
        elif seg_match:
            orphan = seg_match.group(1) not in wanted
        else:
            orphan = bool(temp_toc.match(base)) or base in _KB_TEMPORARY or base == f"{name}.tmp"
        if orphan:
            found.append(base)
    return found


def remove_orphans(ix) -> list[str]:
    """Delete the orphan files of ``ix`` (call with the write lock held); returns their names."""
    found = orphan_files(ix)
    if not found:
        return []
    toc = ix._read_toc()
    clean_files(ix.storage, ix.indexname, toc.generation, toc.segments)  # Whoosh's own cleaner
    folder = Path(ix.storage.folder)
    for base in found:
        path = folder / base
        try:
            if path.is_dir():
                shutil.rmtree(path)  # the posting runs of a killed writer
            elif path.exists():
                path.unlink()
        except OSError as exc:  # still open elsewhere (Windows) or read-only: try next time
            log.warning("could not remove %s: %s", path, exc)
    log.info("removed %d files a killed writer left in %s", len(found), folder)
    return found

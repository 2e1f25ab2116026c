"""``kb backup DEST``: a consistent copy of the instance folder while the service runs.

The database is copied with SQLite's online backup API (a snapshot, whatever other connections
write meanwhile); the other files of the folder (session secret, stored files) are copied as
they are.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kb.errors import InstanceError
from kb.service.db import DB_FILE, connect, db_path

#: SQLite's own companions of the database file: the backup holds their content already.
_SKIPPED = {DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm"}


def backup(instance_dir: Path, dest: Path) -> list[Path]:
    """Copy the instance folder into ``dest`` (new or empty); returns the files written."""
    instance_dir, dest = Path(instance_dir), Path(dest)
    if not db_path(instance_dir).is_file():
        raise InstanceError(f"no database in {instance_dir}",
                            f"Không có cơ sở dữ liệu trong {instance_dir}.")
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise InstanceError(f"{dest} is not an empty folder",
                            f"{dest} đã có và không phải thư mục trống.")
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    source = connect(db_path(instance_dir))
    target = sqlite3.connect(str(dest / DB_FILE))
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    (dest / DB_FILE).chmod(0o600)
    written = [dest / DB_FILE]
    for path in sorted(instance_dir.rglob("*")):
        if path.is_file() and not (path.parent == instance_dir and path.name in _SKIPPED):
            copy = dest / path.relative_to(instance_dir)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
            written.append(copy)
    return written

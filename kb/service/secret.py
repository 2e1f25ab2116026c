"""The session-signing secret: generated once, kept in the instance folder, readable by its owner only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_FILE = "secret_key"


def session_secret(instance_dir: Path) -> str:
    """The instance's secret, created on first use (mode 0600; two processes agree on one)."""
    path = Path(instance_dir) / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(32) + "\n")
    return path.read_text(encoding="ascii").strip()

"""The instance's file store: originals kept by the SHA-256 of their bytes.

A file with hash ``abcdef…`` lives at ``<instance>/files/ab/cdef…<suffix>``: the same bytes are
kept once, whatever they were called, and nothing a client sends is ever part of a path — the
name is only used for its suffix (lower-case letters and digits), which the readers need to pick
a parser. The original names are kept in the document registry.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

FOLDER = "files"
_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def store_root(instance_dir: Path) -> Path:
    """The file store folder of an instance."""
    return Path(instance_dir) / FOLDER


def clean_name(name: str) -> str:
    """The name a client gave, reduced to its last component, for showing (never a path)."""
    last = PureWindowsPath(PurePosixPath(str(name or "")).name).name  # "a/b" and "a\\b" alike
    last = _CONTROL.sub("", last).strip().lstrip(".")
    return last[:255] or "tep-khong-ten"


def suffix_of(name: str) -> str:
    """The lower-case suffix of ``name`` when it is a plain one (``.docx``), else ``""``."""
    suffix = PurePosixPath(clean_name(name)).suffix.lower()
    return suffix if _SUFFIX.fullmatch(suffix) else ""


@dataclass(frozen=True)
class Stored:
    """One file in the store: its hash, where it is, its size and the name it came with."""

    sha256: str
    path: Path
    size: int
    name: str


def store_file(instance_dir: Path, source: Path, name: str) -> Stored:
    """Move the staged file ``source`` into the store (kept once per content); its original
    ``name`` gives only the suffix."""
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    folder = store_root(instance_dir) / sha[:2]
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / (sha[2:] + suffix_of(name))
    size = os.path.getsize(source)
    if target.exists():
        os.unlink(source)  # the same bytes are already kept
    else:
        os.replace(source, target)
        os.chmod(target, 0o600)
    return Stored(sha, target, size, clean_name(name))


def staging_file(instance_dir: Path):
    """A new empty file, opened for writing, in the store's staging folder (same file system,
    so storing it is a rename); the caller removes it if it is not stored."""
    staging = store_root(instance_dir) / ".staging"
    staging.mkdir(parents=True, exist_ok=True, mode=0o700)
    return tempfile.NamedTemporaryFile("wb", dir=staging, delete=False)


def stored_files(instance_dir: Path) -> list[Path]:
    """Every file kept in the store (staging left out)."""
    root = store_root(instance_dir)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and ".staging" not in p.parts)

"""Which files of an ingested folder are skipped: gitignore-style rules from three places.

1. kb's default list (kb/data/default.kbignore): files about a collection rather than of it
   (SOURCE.txt, README, LICENSE, CHANGELOG, index.jsonl...), matched without regard to case;
2. a ``.kbignore`` file in any folder walked, its patterns relative to that folder;
3. ``kb ingest --exclude PATTERN``, relative to the folder being ingested.

As in git, the last rule that matches decides, so a ``!README.md`` line in a .kbignore brings
back a file of the default list. A file named on the command line is never skipped (the
pipeline only applies rules to folders). Patterns are read by :mod:`pathspec`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import pathspec

from kb.errors import ConfigError

IGNORE_FILE = ".kbignore"


def compile_patterns(lines: Iterable[str], origin: str) -> pathspec.GitIgnoreSpec:
    """Gitignore ``lines`` as a spec; a bad pattern is a ConfigError naming ``origin``."""
    try:
        return pathspec.GitIgnoreSpec.from_lines(list(lines))
    except ValueError as exc:  # pathspec's pattern errors are ValueErrors
        raise ConfigError(f"{origin}: {exc}") from exc


@lru_cache(maxsize=1)
def default_rules() -> pathspec.GitIgnoreSpec:
    """The default list, lower-cased (it is matched against lower-cased paths)."""
    text = resources.files("kb.data").joinpath("default.kbignore").read_text("utf-8")
    return compile_patterns(text.lower().splitlines(), "kb/data/default.kbignore")


class IgnoreRules:
    """The rules in force under one ingested folder; ``.kbignore`` files are read once each."""

    def __init__(self, root: Path, exclude: Iterable[str] = ()):
        self.root = Path(root)
        self._exclude = compile_patterns(exclude, "--exclude")
        self._folders: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def _folder_rules(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._folders:
            rules_file = folder / IGNORE_FILE
            spec = None
            if rules_file.is_file():
                try:
                    lines = rules_file.read_text(encoding="utf-8-sig").splitlines()
                except (OSError, UnicodeDecodeError) as exc:
                    raise ConfigError(f"{rules_file}: cannot read it ({exc})") from exc
                spec = compile_patterns(lines, str(rules_file))
            self._folders[folder] = spec
        return self._folders[folder]

    def skips(self, path: Path) -> bool:
        """Whether ``path`` (a file under the root) is left out by the rules."""
        rel = Path(path).relative_to(self.root)
        verdict = default_rules().check_file(rel.as_posix().lower()).include
        folder = self.root
        for part in (None, *rel.parts[:-1]):
            folder = folder / part if part else folder
            spec = self._folder_rules(folder)
            if spec is not None:
                found = spec.check_file(Path(path).relative_to(folder).as_posix()).include
                verdict = verdict if found is None else found
        found = self._exclude.check_file(rel.as_posix()).include
        return bool(verdict if found is None else found)

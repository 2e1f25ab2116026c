"""Folds fixed by a seed: every judged or labelled set is split the same way.

Folds 0 and 1 are for development (fitting rules, weights, thresholds, word lists); fold 2 is
held out: it is never looked at while tuning and is reported apart.
"""

from __future__ import annotations

import hashlib

SEED = "kb-folds-2026"
FOLDS = 3
HELD_OUT = 2


def fold_of(item_id: str) -> int:
    """The fold (0, 1 or 2) of a query id or a labelled document's path."""
    digest = hashlib.sha1(f"{SEED}:{item_id}".encode("utf-8")).hexdigest()
    return int(digest, 16) % FOLDS


def is_held_out(item_id: str) -> bool:
    """Whether ``item_id`` belongs to the held-out fold."""
    return fold_of(item_id) == HELD_OUT

"""Recognise the text of scanned PDF pages with Tesseract's Vietnamese model.

Pages are rendered one at a time with poppler's ``pdftoppm`` and read by the ``tesseract``
command, both as child processes with a timeout: a stuck page costs at most ``ocr_timeout``
seconds and never the whole ingestion. The system packages come from tools/install-sysdeps.sh
(poppler-utils, tesseract-ocr, tesseract-ocr-vie).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from kb.errors import ParseError

log = logging.getLogger(__name__)

#: Rendering resolution: 200 dpi reads 12-13 pt body text and footnotes well at ~1/2 the cost of 300.
DPI = 200
LANG = "vie"


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when OCR can run, else the English reason it cannot (missing program or model)."""
    for program in ("pdftoppm", "tesseract"):
        if shutil.which(program) is None:
            return f"{program} is not installed (run tools/install-sysdeps.sh)"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True,
                               timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run: {exc}"
    if LANG not in langs:
        return "tesseract has no Vietnamese model (install tesseract-ocr-vie)"
    return None


def _run(cmd: list[str], timeout: float, path: Path, page: int) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise ParseError(str(path), f"OCR of page {page} took longer than {timeout:g} s",
                         f"nhận dạng chữ (OCR) trang {page} quá {timeout:g} giây") from exc
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ParseError(str(path), f"OCR of page {page} failed: {cmd[0]}: {err[0]}",
                         f"không nhận dạng được chữ (OCR) ở trang {page}")
    return done


def ocr_page(path: Path, page: int, timeout: float, dpi: int = DPI) -> str:
    """The text Tesseract reads on 1-based ``page`` of the PDF ``path``."""
    with tempfile.TemporaryDirectory(prefix="kb-ocr-") as tmp:
        stem = Path(tmp) / "page"
        _run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile",
              "-f", str(page), "-l", str(page), str(path), str(stem)], timeout, path, page)
        image = stem.with_suffix(".png")
        if not image.exists():
            raise ParseError(str(path), f"page {page} could not be rendered",
                             f"không dựng được hình trang {page} để nhận dạng chữ")
        # --psm 3: automatic layout, which keeps the two-column letterhead apart.
        done = _run(["tesseract", str(image), "stdout", "-l", LANG, "--psm", "3"],
                    timeout, path, page)
    return done.stdout.decode("utf-8", "replace").strip()


def ocr_pages(path: Path, pages: Iterable[int], timeout: float,
              on_page: Callable[[int, int, int], None] | None = None) -> dict[int, str]:
    """Text of each listed page; ``on_page(i, n, page)`` is called before each one.

    A page that fails or times out is logged and left out; the others are still read.
    """
    pages = list(pages)
    found: dict[int, str] = {}
    for i, page in enumerate(pages, 1):
        if on_page:
            on_page(i, len(pages), page)
        try:
            found[page] = ocr_page(path, page, timeout)
        except ParseError as exc:
            log.warning("%s", exc)
    return found


_warned_unavailable = False


def scanned_pages(extra: dict) -> list[int]:
    """Pages of a parsed PDF without a usable text layer (empty or broken)."""
    return sorted(set(extra.get("empty_pages", [])) | set(extra.get("broken_pages", [])))


def skipped_pages(extra: dict, config) -> list[int]:
    """Scanned pages left unread because of ``ocr_max_pages`` (when OCR runs at all)."""
    return _readable(extra, config)[max(0, int(config["ocr_max_pages"])):]


def pending_pages(extra: dict, config) -> list[int]:
    """Pages of a parsed PDF that the OCR phase should read: empty or broken, capped.

    Empty when OCR is off (``ocr = never``) or cannot run here (logged once).
    """
    return _readable(extra, config)[: max(0, int(config["ocr_max_pages"]))]


def _readable(extra: dict, config) -> list[int]:
    """The scanned pages, when OCR is on and can run here; else none."""
    global _warned_unavailable
    pages = scanned_pages(extra)
    if not pages or str(config["ocr"]).lower() == "never":
        return []
    reason = available()
    if reason:
        if not _warned_unavailable:
            log.warning("scanned pages are not OCR'd: %s", reason)
            _warned_unavailable = True
        return []
    return pages


class Progress:
    """Messages "Đang nhận dạng chữ (OCR) trang 3/12: tệp.pdf" on stderr, or INFO logs.

    Shown on stderr like the ingestion progress bar: with ``progress = always``, or ``auto``
    when stderr is a terminal.
    """

    def __init__(self, config, total: int, stream=None):
        import sys

        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        mode = str(config["progress"]).lower()
        self.visible = mode == "always" or (mode == "auto" and self.stream.isatty())

    def for_file(self, path: Path) -> Callable[[int, int, int], None]:
        """The ``on_page`` callback of :func:`ocr_pages` for one file."""

        def show(_i: int, _n: int, page: int) -> None:
            self.done += 1
            line = (f"Đang nhận dạng chữ (OCR) trang {self.done}/{self.total}: "
                    f"{Path(path).name} (trang {page})")
            if self.visible:
                print(line, file=self.stream, flush=True)
            log.info("OCR page %d/%d: %s page %d", self.done, self.total, path, page)

        return show

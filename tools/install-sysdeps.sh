#!/usr/bin/env bash
# Install the OS packages kb needs, when they are missing. Safe to run repeatedly.
# With --test, also what only the tests need (a browser for tests/test_e2e_browser.py), so that
# `make serve` never pulls one in. The browser is optional: when it cannot be installed, this
# says so and the browser tests skip, naming what is missing.
set -euo pipefail
need=()
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
# Fonts used to regenerate corpus PDFs with Vietnamese glyphs.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# catdoc: .ppt text (catppt) and the fallback for Word 6/95 .doc files.
command -v catppt >/dev/null 2>&1 || need+=(catdoc)
# poppler-utils (pdftoppm) renders scanned PDF pages; tesseract with its Vietnamese model reads them.
# Its pdftotext reads the PDF pages pypdf cannot (kb.ingest.pdf_text).
{ command -v pdftoppm && command -v pdftotext; } >/dev/null 2>&1 || need+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } \
  || need+=(tesseract-ocr-vie)
browser=()
if [ "${1:-}" = "--test" ]; then
  # Debian's Chromium and its WebDriver: the end-to-end tests drive the system browser (nothing
  # downloads a browser build of its own).
  [ -x /usr/bin/chromium ] || browser+=(chromium)
  [ -x /usr/bin/chromedriver ] || browser+=(chromium-driver)
fi
all=("${need[@]}" "${browser[@]}")
if [ ${#all[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${all[*]} (install them with your package manager)" >&2
  exit 0
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
install() {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
echo "Installing system packages: ${all[*]}"
$SUDO apt-get update -qq
if [ ${#need[@]} -gt 0 ]; then install "${need[@]}"; fi
if [ ${#browser[@]} -gt 0 ] && ! install "${browser[@]}"; then
  echo "Could not install ${browser[*]}: the browser tests (tests/test_e2e_browser.py) will skip" >&2
fi

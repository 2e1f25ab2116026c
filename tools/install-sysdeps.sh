#!/usr/bin/env bash
# Install the OS packages kb needs, when they are missing. Safe to run repeatedly.
# With --test, also what only the tests need (a browser for tests/test_e2e_browser.py), so that
# `make serve` never pulls one in.
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
if [ "${1:-}" = "--test" ]; then
  # Debian's Chromium and its WebDriver: the end-to-end tests drive the system browser (nothing
  # downloads a browser build of its own).
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${need[*]} (install them with your package manager)" >&2
  exit 0
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing system packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null

#!/usr/bin/env sh
# Plateau setup: system tools for PDF text and OCR, then Node dependencies. Idempotent; safe to re-run.
#   poppler-utils   pdftotext / pdftoppm / pdfinfo (PDF text layer, page rendering for OCR)
#   tesseract-ocr   + tesseract-ocr-eng (local OCR of scanned pages; nothing is downloaded at run time)
#   chromium        only with --with-browser (the test suite's print-layout checks drive it through playwright-core)
set -eu
cd "$(dirname "$0")/.."

need=""
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v tesseract >/dev/null 2>&1 || need="$need tesseract-ocr"
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx eng; then need="$need tesseract-ocr-eng"; fi
case "$need" in *tesseract-ocr\ *|*tesseract-ocr) need="$need tesseract-ocr-eng" ;; esac
if [ "${1:-}" = "--with-browser" ] && ! command -v chromium >/dev/null 2>&1; then need="$need chromium"; fi

if [ -n "$need" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install:$need (no apt-get here)" >&2; exit 1
  fi
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing$need"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need
else
  echo "setup: system packages already installed"
fi

# npm ci only when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
else
  echo "setup: node_modules up to date"
fi

# The CLI runs compiled JavaScript (bin/plateau never transpiles at start): build it from src/.
echo "setup: npm run build"
npm run build --silent

pdftotext -v 2>&1 | head -n 1
tesseract --version 2>&1 | head -n 1
echo "setup: done"

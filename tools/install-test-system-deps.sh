#!/bin/sh
# Install the system packages the test suite needs (Debian/Ubuntu), quietly and only those missing.
# The tests fail rather than skip when a tool is absent, so `make test` runs this first.
# Add a package to PACKAGES when a test needs a new tool (one per line, with the tools it gives).
set -eu

PACKAGES="
poppler-utils
qpdf
ghostscript
chromium
fontconfig
fonts-noto-cjk
nodejs
"
# poppler-utils: pdffonts, pdftotext, pdftoppm (font embedding, text extraction, rendering checks)
# qpdf, ghostscript: the print preflight's structure check and its fourth render engine
# chromium: /usr/bin/chromium, the browser the preview page tests drive through Playwright
# fontconfig, fonts-noto-cjk: fc-match/fc-list and a CFF-outline CJK family, for fonts named by family (tests/fonts)
# nodejs: the JavaScript regex engine editors compile the spec schema's patterns with (tests/spec/test_json_schema)

if ! command -v dpkg-query >/dev/null 2>&1; then
    # Not Debian (e.g. macOS): the tests that need one of these fail and name the tool.
    echo "install-test-system-deps: not a Debian system; install the equivalents of:" $PACKAGES >&2
    exit 0
fi

missing=""
for pkg in $PACKAGES; do
    # dpkg-query says "install ok installed" only for a package that is fully installed
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-test-system-deps: run as root (or install sudo) to install:$missing" >&2
        exit 1
    fi
fi
echo "install-test-system-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has empty package lists; update them once, quietly.
# Wait for another apt run (unattended upgrades, a parallel job) instead of failing on its lock.
LOCK="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
$SUDO apt-get $LOCK update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get $LOCK install -y -qq --no-install-recommends $missing >/dev/null

"""The shared print preflight (tools/preflight.py of the workspace) passes our PDF/X files with 0 errors.

Skipped when the script or its dependencies are missing: it needs pikepdf and at least two render engines
(pypdfium2, PyMuPDF, poppler's pdftoppm, Ghostscript). COMICBOARD_PREFLIGHT points at another copy.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(os.environ.get("COMICBOARD_PREFLIGHT",
                             Path(__file__).resolve().parents[3] / "shared" / "tools" / "preflight.py"))


def _engines() -> int:
    mods = sum(importlib.util.find_spec(m) is not None for m in ("pypdfium2", "pymupdf"))
    return mods + sum(shutil.which(t) is not None for t in ("pdftoppm", "gs"))


pytestmark = pytest.mark.skipif(
    not SCRIPT.is_file() or importlib.util.find_spec("pikepdf") is None or _engines() < 2,
    reason="preflight script, pikepdf or two PDF render engines not available")


def test_preflight_reports_no_errors(pdfs, tmp_path):
    # Both targets at once: the script spends its time starting four render engines, not on our small file.
    runs = {f: subprocess.Popen([sys.executable, str(SCRIPT), str(pdfs[f]), "--target", f"x{f}", "--dpi", "20",
                                 "--render-dir", str(tmp_path / f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for f in ("4", "1a")}
    for flavour, proc in runs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"x{flavour}:\n{out[-3000:]}{err[-2000:]}"
        assert "-- 0 error(s)" in out

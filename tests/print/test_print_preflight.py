"""The shared print preflight (tools/preflight.py of the workspace) passes our PDF/X files with 0 errors.

The script lives in `../shared/tools/preflight.py` beside the project's root (where CI and every developer have
it; a git worktree deeper down finds it in an ancestor's `shared/`); COMICBOARD_PREFLIGHT points at another
copy. It needs pikepdf and at least two render engines (pypdfium2 and PyMuPDF from the test extra; poppler's
pdftoppm, Ghostscript and qpdf from tools/install-test-system-deps.sh). Anything missing fails the test.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.needs import tool

ROOT = Path(__file__).resolve().parents[2]


def _script() -> Path:
    if "COMICBOARD_PREFLIGHT" in os.environ:
        return Path(os.environ["COMICBOARD_PREFLIGHT"])
    # ../shared first (CI's layout); then further up, for a worktree nested below the main checkout's parent.
    for folder in ROOT.parents:
        candidate = folder / "shared" / "tools" / "preflight.py"
        if candidate.is_file():
            return candidate
    return ROOT.parent / "shared" / "tools" / "preflight.py"


SCRIPT = _script()


def test_preflight_has_what_it_needs():
    assert SCRIPT.is_file(), f"no preflight script at {SCRIPT}: clone the project beside ../shared"
    for module in ("pikepdf", "pypdfium2", "pymupdf"):
        assert importlib.util.find_spec(module) is not None, f"{module} missing: pip install -e '.[test]'"
    for command in ("pdftoppm", "gs", "qpdf"):
        tool(command)


def test_preflight_reports_no_errors(pdfs, tmp_path):
    assert SCRIPT.is_file(), f"no preflight script at {SCRIPT}: clone the project beside ../shared"
    # Both targets at once: the script spends its time starting four render engines, not on our small file.
    runs = {f: subprocess.Popen([sys.executable, str(SCRIPT), str(pdfs[f]), "--target", f"x{f}", "--dpi", "20",
                                 "--render-dir", str(tmp_path / f), "--json", str(tmp_path / f"x{f}.json")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in ("4", "1a")}
    for flavour, proc in runs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1), f"x{flavour}: the script itself failed:\n{err[-2000:]}"
        report = json.loads((tmp_path / f"x{flavour}.json").read_text(encoding="utf-8"))
        assert report["errors"] == [], f"x{flavour}:\n{out[-3000:]}"
        rendered = [k for k, v in report["info"]["renders"].items() if isinstance(v, dict) and "error" not in v]
        # All four engines are installed by the project's own files; each must render the page.
        assert len(rendered) >= 4, f"x{flavour}: not every engine rendered the page: {report['info']['renders']}"

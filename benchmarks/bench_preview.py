"""Preview benchmark: from saving a one-word change to the spec to the updated board on the page.

A copy of the spec is previewed by `comicboard serve`'s server in this process and opened in headless Chromium
(/usr/bin/chromium, through Playwright). Each edit replaces one word of a step caption with another word (a
different one each time), saves the file, and waits until the page's board shows the new word. Reported: the
median and range of those times, and the median of the server's stages (load, layout, check, svg) for the same
builds; the rest is noticing the save (polling, up to 0.1 s), sending the state and drawing it.

Usage:  python benchmarks/bench_preview.py [--edits N] [--spec FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WORDS = ["证明", "资料", "文件", "表格", "手续", "凭证", "单据", "档案", "名单", "回执", "清单", "信函"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", type=Path, default=ROOT / "examples" / "gongrenjie.yaml")
    ap.add_argument("--edits", type=int, default=5)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from comicboard.preview.server import make_server

    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / args.spec.name
        shutil.copy(args.spec, spec)
        text = spec.read_text(encoding="utf-8")
        word = next(w for w in ("材料", "身份证", "社区") if w in text)  # the word the edits replace
        server = make_server(spec)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                str(Path(tmp) / "profile"), executable_path="/usr/bin/chromium", args=ARGS, headless=True,
                viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            t0 = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("svg.page", timeout=600_000)
            print(f"first build and draw: {time.perf_counter() - t0:.2f} s", flush=True)
            times, stages = [], []
            for new in [w for w in WORDS if w not in text][: args.edits]:
                good = page.evaluate("document.body.dataset.good")
                edited = text.replace(word, new, 1)
                t0 = time.perf_counter()
                spec.write_text(edited, encoding="utf-8")
                later = spec.stat().st_mtime_ns + 1  # a different stamp even on a coarse clock
                os.utime(spec, ns=(later, later))
                page.wait_for_function(
                    "([good, w]) => document.body.dataset.good !== good && [...document.querySelectorAll('svg.page')]"
                    ".some(s => s.textContent.includes(w))", arg=[good, new], polling="raf", timeout=600_000)
                times.append(time.perf_counter() - t0)
                state = json.loads(page.evaluate("fetch(location.pathname.replace('/view/', '/api/state/'))"
                                                  ".then(r => r.text())"))
                stages.append(state["seconds"])
                print(f"  {word} → {new}: {times[-1]:.2f} s  (server: {state['seconds']})", flush=True)
            ctx.close()
        server.shutdown()
        server.site.follower.stop()
    print(f"save → updated board, {len(times)} edits of {args.spec.name}: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f})")
    for stage in ("load", "layout", "check", "svg"):
        values = [s[stage] for s in stages if stage in s]
        if values:
            print(f"  {stage:7s} median {statistics.median(values):.2f} s")


if __name__ == "__main__":
    main()

"""Screenshot of the preview page for the README: `python tools/preview_screenshot.py` writes docs/preview.png.

It previews a copy of examples/gongrenjie.yaml with one material written as `[身份证，户口本]` (so `check` has a
warning to show), clicks that warning and hovers a panel, in the system's headless Chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    from comicboard.preview.server import make_server

    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "gongrenjie.yaml"
        shutil.copy(ROOT / "examples" / "gongrenjie.yaml", spec)
        text = spec.read_text(encoding="utf-8")
        spec.write_text(text.replace("materials: [", "materials: [身份证，户口本, ", 1), encoding="utf-8")
        server = make_server(spec)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                str(Path(tmp) / "profile"), executable_path="/usr/bin/chromium", args=ARGS, headless=True,
                viewport={"width": 1400, "height": 860})
            page = ctx.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_selector(".problem", timeout=600_000)
            page.locator(".problem", has_text="full-width comma").click()
            panels = page.locator(".panel-hit")
            for i in range(panels.count()):  # the first panel wholly in view of the zoomed board
                box = panels.nth(i).bounding_box()
                if box and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] < 1000 \
                        and box["y"] + box["height"] < 860:
                    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                    break
            page.wait_for_timeout(300)
            out = ROOT / "docs" / "preview.png"
            page.screenshot(path=str(out))
            ctx.close()
        server.shutdown()
        server.site.follower.stop()
    Image.open(out).save(out, optimize=True)
    print(out, Image.open(out).size)


if __name__ == "__main__":
    main()

"""The preview page in a real browser: the board is drawn, follows saves, shows an error with its line over the
last good board, highlights a problem's place, names panels on hover, and downloads the outputs."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

WAIT_MS = 300_000  # a limit that only stops a hung test; builds take seconds


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime_ns + 10_000_000  # as a save a moment later, on coarse file-system clocks
    os.utime(path, ns=(later, later))


def _board_shows(page, words: str) -> None:
    page.wait_for_function(
        "w => [...document.querySelectorAll('svg.page text')].some(t => t.textContent.includes(w))",
        arg=words, timeout=WAIT_MS)


def _drawn_as_built(page) -> bool:
    """Whether the page's board, patched edit by edit, is node for node the board the server last built."""
    return page.evaluate("""async () => {
        const s = await (await fetch(location.pathname.replace('/view/', '/api/state/'))).json();
        const svg = document.querySelector('svg.page');
        const drawn = [...svg.children].filter((n) => n.tagName !== 'defs' && !n.classList.contains('overlay'));
        const built = new DOMParser().parseFromString(s.pages[0].open + s.pages[0].items.join('') + '</svg>',
                                                      'image/svg+xml').documentElement.children;
        const faces = [...svg.querySelectorAll('defs style')].map((n) => n.textContent);
        const same = (n, i) => n.isEqualNode(document.importNode(built[i], true));
        return drawn.length === built.length && drawn.every(same)
            && JSON.stringify(faces) === JSON.stringify(s.pages[0].faces);
    }""")


def test_the_page_follows_the_spec(browser, served):
    url, spec = served
    page = browser.new_page()
    page.goto(url)
    _board_shows(page, "开具居住证明")
    box = page.locator("svg.page").bounding_box()
    assert box["width"] > 300 and box["height"] > 400  # drawn at a size one can see
    assert page.evaluate("document.querySelectorAll('svg.page path').length") > 20
    assert "Traceback" not in page.content()

    original = spec.read_text(encoding="utf-8")
    _save(spec, original.replace("title: 居住证明", "title: 户籍证明"))
    _board_shows(page, "户籍证明")
    assert _drawn_as_built(page)  # only what changed was replaced, and the result is the new board

    lines = original.replace("title: 居住证明", "title: 户籍证明").splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("  title:")) + 1
    lines.insert(at, "  size: Q9")  # line at + 1 (1-based)
    _save(spec, "\n".join(lines) + "\n")
    page.wait_for_selector("#error.shown", timeout=WAIT_MS)
    error = page.inner_text("#error")
    assert f"minimal.yaml:{at + 1}" in error and "board.size" in error and "Q9" in error
    assert "what to do" in error and "Traceback" not in error
    _board_shows(page, "户籍证明")  # the last good board stays under the error

    fixed = original.replace("      - title: 开具居住证明\n",
                             "      - title: 开具居住证明\n        materials: [身份证，户口本]\n")
    _save(spec, fixed)
    page.wait_for_function("() => !document.getElementById('error').classList.contains('shown')"
                           " && document.querySelectorAll('.problem').length > 0", timeout=WAIT_MS)
    _board_shows(page, "居住证明")
    assert _drawn_as_built(page)

    page.locator(".problem", has_text="full-width comma").click()
    highlight = page.locator("svg.page .highlight")
    assert highlight.count() == 1
    hl = highlight.bounding_box()
    assert hl is not None and hl["width"] > 50 and hl["height"] > 20
    assert 0 <= hl["x"] < 1280 and 0 <= hl["y"] < 900  # zoomed to and in view
    svg = page.locator("svg.page")
    assert svg.get_attribute("viewBox") != svg.get_attribute("data-full")
    line = fixed.splitlines().index("        materials: [身份证，户口本]") + 1
    detail = page.inner_text("#detail")
    assert f"minimal.yaml:{line}" in detail and "categories[0].procedures[0].materials[0]" in detail

    page.click("#fit")
    page.locator(".panel-hit").nth(1).hover()
    hover = page.locator("#hover")
    assert hover.is_visible() and "开具居住证明" in hover.inner_text() and "step 2" in hover.inner_text()


def test_the_buttons_download_pdf_png_and_phone_images(browser, served):
    url, _ = served
    page = browser.new_page()
    page.goto(url)
    _board_shows(page, "开具居住证明")
    got = {}
    for kind in ("pdf", "png", "phone"):
        with page.expect_download(timeout=WAIT_MS) as info:
            page.click(f"#dl-{kind}")
        got[kind] = (info.value.suggested_filename, Path(info.value.path()).read_bytes())
    assert got["pdf"][0] == "minimal.pdf" and got["pdf"][1].startswith(b"%PDF")
    assert got["png"][0] == "minimal.png" and got["png"][1].startswith(b"\x89PNG")
    names = zipfile.ZipFile(io.BytesIO(got["phone"][1])).namelist()
    assert got["phone"][0] == "minimal-phone.zip" and names == ["minimal-index.png", "minimal-01.png"]

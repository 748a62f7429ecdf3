"""render_many: one board per row on any executor; bad rows reported and skipped; unchanged boards skipped."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from comicboard.batch import render_many
from comicboard.batch.runner import MANIFEST, safe_name


@pytest.mark.parametrize("pool", [ThreadPoolExecutor, ProcessPoolExecutor])
def test_any_executor_makes_one_board_per_row(tmp_path, template_file, rows, pool):
    with pool(max_workers=2) as ex:
        result = render_many(template_file, rows, tmp_path / "out", ex)
    assert [o.status for o in result.outcomes] == ["made", "made"]
    for o, row in zip(result.outcomes, rows, strict=True):
        pdf = tmp_path / "out" / f"{row['community']}.pdf"
        assert o.files == [pdf.name] and pdf.read_bytes().startswith(b"%PDF")


def test_bad_rows_are_reported_and_skipped(tmp_path, template_file, rows):
    bad = [
        {"community": "坏社区", "url": "https://x.org"},  # no phone column: {{phone}} cannot be filled
        {**rows[0], "procedures": "nosuch"},  # a procedure id the template lacks (and a duplicate name)
        {"community": "", "phone": "1", "url": "https://x.org"},  # nothing to name the files by
        {"community": "第四", "phone": "1", "url": "https://x.org", "procedures": "nosuch"},
    ]
    progress = []
    with ThreadPoolExecutor(2) as ex:
        result = render_many(template_file, [rows[0], *bad, rows[1]], tmp_path, ex,
                             progress=lambda done, total, o: progress.append((done, total, o.label)))
    assert [o.status for o in result.outcomes] == ["made", "failed", "failed", "failed", "failed", "made"]
    reasons = {o.row: o.reason for o in result.failed}
    assert "{{phone}}" in reasons[2] and "row 2 (坏社区)" in reasons[2]
    assert "used by an earlier row" in reasons[3]
    assert "empty" in reasons[4]
    assert "nosuch" in reasons[5] and "row 5 (第四)" in reasons[5]
    assert sorted(d for d, _, _ in progress) == list(range(1, 7)) and {t for _, t, _ in progress} == {6}
    summary = result.summary()
    assert summary.startswith("2 made, 0 skipped (unchanged), 4 failed") and "row 5 (第四)" in summary
    assert all(line.count("row ") == 1 for line in summary.splitlines()[1:] if "row " in line)  # said once
    assert not (tmp_path / "第四.pdf").exists()


def test_rerun_skips_unchanged_boards_and_remakes_changed_ones(tmp_path, template_file, rows):
    out = tmp_path / "out"
    with ThreadPoolExecutor(2) as ex:
        first = render_many(template_file, rows, out, ex)
        assert len(first.made) == 2
        again = render_many(template_file, rows, out, ex)
        assert [o.status for o in again.outcomes] == ["skipped", "skipped"]
        rows[1]["phone"] = "0311-99999999"  # a changed row
        (out / "工人街社区.pdf").unlink()  # a deleted output
        third = render_many(template_file, rows, out, ex)
        assert [o.status for o in third.outcomes] == ["made", "made"]
        template_file.write_text(template_file.read_text("utf-8").replace("A5", "A4"), "utf-8")  # a changed spec
        assert len(render_many(template_file, rows, out, ex).made) == 2
        assert len(render_many(template_file, rows, out, ex, formats=["pdf", "png"]).made) == 2  # other formats
        assert len(render_many(template_file, rows, out, ex, formats=["pdf", "png"], force=True).made) == 2
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert set(manifest["boards"]) == {"工人街社区", "阜康社区"}
    assert manifest["boards"]["阜康社区"]["files"] == ["阜康社区.pdf", "阜康社区.png"]


def test_version_change_rebuilds(tmp_path, template_file, rows, monkeypatch):
    import comicboard

    with ThreadPoolExecutor(1) as ex:
        render_many(template_file, rows[:1], tmp_path, ex)
        monkeypatch.setattr(comicboard, "__version__", "9.9.9")
        assert len(render_many(template_file, rows[:1], tmp_path, ex).made) == 1


def test_name_column_and_table_file(tmp_path, template_file):
    table = tmp_path / "t.csv"
    table.write_text("phone,community,url\n0311-1,甲/乙社区,https://e.org\n", encoding="utf-8")
    with ThreadPoolExecutor(1) as ex:
        result = render_many(template_file, table, tmp_path / "o", ex, name="community", formats=["phone"])
    files = result.made[0].files
    assert files[0] == "甲_乙社区-phone-index.png" and len(files) == 3  # index + two procedures


def test_unknown_format_is_refused(tmp_path, template_file, rows):
    with pytest.raises(ValueError, match="svg"):
        render_many(template_file, rows, tmp_path, formats=["svg"])


def test_safe_name():
    assert safe_name('a/b\\c:d*?"<>|e. ') == "a_b_c_d_e"
    assert safe_name("和平社区") == "和平社区"


def test_cb_render_many_defaults_to_a_process_pool(tmp_path, template_file, rows):
    import comicboard as cb

    result = cb.render_many(template_file, rows[:1], tmp_path, formats=("pdf",))
    assert [o.status for o in result.outcomes] == ["made"] and (tmp_path / "工人街社区.pdf").is_file()


def test_files_the_template_names_are_inputs(tmp_path, template_file, rows):
    """A changed font, cast picture or theme file (given directly or through a placeholder) remakes the
    boards that use it; an untouched file keeps them skipped."""
    import shutil

    from PIL import Image

    from comicboard.fonts import BUNDLED_BOLD, BUNDLED_REGULAR, font_dir
    from comicboard.paint.theme import THEME_DIR

    shutil.copy(font_dir() / BUNDLED_REGULAR, tmp_path / "reg.ttf")
    Image.new("RGB", (40, 60), (200, 40, 40)).save(tmp_path / "face.png")
    theme = THEME_DIR / "calm.toml"
    shutil.copy(theme, tmp_path / "look.toml")
    template = template_file
    template.write_text(template.read_text("utf-8").replace("  size: A5\n", "  size: A5\n  theme: look.toml\n")
                        + "fonts:\n  regular: reg.ttf\ncast:\n  me: {name: 我, picture: \"{{face}}\"}\n", "utf-8")
    rows = [{**r, "face": "face.png"} for r in rows]
    out = tmp_path / "out"

    def statuses():
        with ThreadPoolExecutor(2) as ex:
            result = render_many(template, rows, out, ex)
        assert not result.failed, result.summary()
        return [o.status for o in result.outcomes]

    assert statuses() == ["made", "made"]
    assert statuses() == ["skipped", "skipped"]
    (tmp_path / "face.png").touch()  # a new time stamp, the same bytes
    assert statuses() == ["skipped", "skipped"]
    for change in (lambda: Image.new("RGB", (40, 60), (40, 40, 200)).save(tmp_path / "face.png"),
                   lambda: shutil.copy(font_dir() / BUNDLED_BOLD, tmp_path / "reg.ttf"),
                   lambda: (tmp_path / "look.toml").write_text(
                       theme.read_text("utf-8").replace('ink = "cmyk(0,0,0,100)"', 'ink = "cmyk(0,0,0,95)"'),
                       "utf-8")):
        change()
        assert statuses() == ["made", "made"]
        assert statuses() == ["skipped", "skipped"]


def test_threads_share_a_cold_font_safely(tmp_path, template_file):
    """Threads reading a font nobody has read yet (a new path: cold caches) all succeed, and give the same bytes
    as one thread: the lazily read font file and reportlab's process-wide settings are not raced."""
    import shutil

    from comicboard.fonts import BUNDLED_REGULAR, font_dir

    shutil.copy(font_dir() / BUNDLED_REGULAR, tmp_path / "cold.ttf")
    template_file.write_text(template_file.read_text("utf-8") + "fonts:\n  regular: cold.ttf\n", "utf-8")
    rows = [{"community": f"第{i}社区", "phone": f"0311-8601234{i}", "url": f"https://example.org/c{i}"}
            for i in range(6)]
    outputs = []
    for workers in (6, 1):
        out = tmp_path / f"out{workers}"
        with ThreadPoolExecutor(workers) as ex:
            result = render_many(template_file, rows, out, ex, formats=["pdf", "handout"])
        assert not result.failed, result.summary()
        outputs.append({f.name: f.read_bytes() for f in out.glob("*.pdf")})
    assert len(outputs[0]) == 12 and outputs[0] == outputs[1]


def test_a_bad_table_line_fails_only_its_row(tmp_path, template_file):
    table = tmp_path / "t.csv"
    table.write_text("community,phone,url\n甲社区,0311-1,https://e.org/a\n乙社区,0311-2,https://e.org/b, extra\n"
                     "丙社区,0311-3,https://e.org/c\n", encoding="utf-8")
    with ThreadPoolExecutor(2) as ex:
        result = render_many(template_file, table, tmp_path / "out", ex)
    assert [o.status for o in result.outcomes] == ["made", "failed", "made"]
    bad = result.failed[0]
    assert bad.label == "row 2 (乙社区)" and f"{table}:3" in bad.reason and "4 cells" in bad.reason
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == sorted(["甲社区.pdf", "丙社区.pdf"])


def test_a_placeholder_left_empty_fails_its_row_unless_the_template_allows_it(tmp_path, template_file, rows):
    """咨询电话： with nothing after it is not a board to print: empty fails, unless {{phone|default}} or {{phone|}}."""
    sparse = {**rows[1], "phone": "  "}
    with ThreadPoolExecutor(2) as ex:
        result = render_many(template_file, [rows[0], sparse], tmp_path / "a", ex)
    assert [o.status for o in result.outcomes] == ["made", "failed"]
    reason = result.outcomes[1].reason
    assert "{{phone}} is empty in this row" in reason and "{{phone|咨询窗口}}" in reason and "{{phone|}}" in reason
    assert not (tmp_path / "a" / f"{sparse['community']}.pdf").exists()
    text = template_file.read_text("utf-8")
    template_file.write_text(text.replace('"咨询电话 {{phone}}"', '"咨询电话 {{phone|社区服务窗口}}"')
                             .replace('phone: "{{phone}}"', 'phone: "{{ phone | }}"'), "utf-8")
    from comicboard.batch import fill, load_template

    board = fill(load_template(template_file), sparse)
    assert board.footer == "咨询电话 社区服务窗口"
    assert board.categories[0].procedures[0].phone == ""
    assert fill(load_template(template_file), rows[0]).footer == f"咨询电话 {rows[0]['phone']}"
    missing = {k: v for k, v in sparse.items() if k != "phone"}  # no such column at all: the default too
    assert fill(load_template(template_file), missing).footer == "咨询电话 社区服务窗口"

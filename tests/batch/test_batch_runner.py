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

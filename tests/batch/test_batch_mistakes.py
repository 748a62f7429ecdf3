"""The batch's table of mistakes: side doors into a batch (tables, names, folders, full disks, signals) each give
one clear message naming the table's file and line, fail only their own row, and never mix up or lose a board."""

from __future__ import annotations

import errno
import json
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from comicboard import RenderError
from comicboard.batch import read_table, render_many
from comicboard.batch.runner import MANIFEST
from comicboard.cli import main

ROWS = [  # as conftest's
    {"community": "工人街社区", "phone": "0311-86012345", "url": "https://example.org/gongrenjie"},
    {"community": "阜康社区", "phone": "0311-86023456", "url": "https://example.org/fukang"},
]
HEADER = "community,phone,url\n"
GOOD = "甲社区,0311-1,https://e.org/a\n"
LAST = "丙社区,0311-3,https://e.org/c\n"

# name: (the middle line(s) of a CSV between two good rows, words in the bad row's reason)
ROW_MISTAKES = {
    "ragged row (fewer cells than columns)": ("乙社区,0311-2\n", "2 cells but the header names 3"),
    "extra cells (an unquoted comma)": ("乙社区,0311-2,https://e.org/b,x\n", "4 cells"),
    "placeholder left empty": ("乙社区,,https://e.org/b\n", "{{phone}} is empty in this row"),
    "a cell holding a placeholder": ("乙社区{{nosuch}},0311-2,https://e.org/b\n", "placeholders are filled from"),
    "a cell over the cell limit": ("乙社区," + "9" * 6000 + ",https://e.org/b\n", "more than the limit"),
    "a cell over csv's own 128 KB limit": ('乙社区,"' + "9" * 140_000 + '",https://e.org/b\n', "longer than the limit"),
    "a stray quote inside a cell": ('乙社区,"0311-2"x,https://e.org/b\n', "cannot be read as CSV"),
}


@pytest.mark.parametrize("name", ROW_MISTAKES)
def test_a_bad_row_fails_alone_naming_the_tables_file_and_line(tmp_path, template_file, name):
    middle, words = ROW_MISTAKES[name]
    table = tmp_path / "t.csv"
    table.write_text(HEADER + GOOD + middle + LAST, "utf-8")
    result = render_many(template_file, table, tmp_path / "out", jobs=1)
    assert [o.status for o in result.outcomes] == ["made", "failed", "made"], result.summary()
    reason = result.outcomes[1].reason
    assert words in reason and f"{table}:3" in reason, reason
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == ["丙社区.pdf", "甲社区.pdf"]


# name: (file name, content, words) — the whole table cannot be trusted: refused, exit 2, nothing written
TABLE_MISTAKES = {
    "unterminated quote": ("t.csv", HEADER + GOOD + '"unterminated,1\n阜康,2,https://e.org/b\n', "never closed"),
    "alias bomb in a YAML table": ("t.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi",
                                                                                              strict=True))
        + "rows: [{community: x, phone: '1', url: 'https://e.org', n: *i}]\n", "values (limit)"),
    "table is a folder": ("folder.csv", None, "is a folder"),
    "table is a pipe": ("fifo.csv", "FIFO", "pipe or a device"),
    "table is /dev/zero": ("zero.csv", "/dev/zero", "pipe or a device"),
    "empty format list": ("t.csv", HEADER + GOOD, "no format given"),
}


@pytest.mark.parametrize("name", TABLE_MISTAKES)
def test_a_table_that_cannot_be_trusted_is_refused_with_exit_2(tmp_path, template_file, name, capsys):
    file, content, words = TABLE_MISTAKES[name]
    table = tmp_path / file
    if content is None:
        table.mkdir()
    elif content == "FIFO":
        os.mkfifo(table)
    elif content.startswith("/dev/"):
        table.symlink_to(content)
    else:
        table.write_text(content, "utf-8")
    extra = ["--format", ","] if name == "empty format list" else []
    code = main(["batch", str(template_file), str(table), "-o", str(tmp_path / "out"), "-q", *extra])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "Traceback" not in err and "internal error" not in err, err
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True


def test_output_folder_that_is_a_file_or_unwritable_is_the_users_to_fix(tmp_path, template_file, monkeypatch,
                                                                         capsys):
    table = tmp_path / "t.csv"
    table.write_text(HEADER + GOOD, "utf-8")
    afile = tmp_path / "afile"
    afile.write_text("keep me")
    assert main(["batch", str(template_file), str(table), "-o", str(afile), "-q"]) == 2
    assert "output folder is a file" in capsys.readouterr().err and afile.read_text() == "keep me"

    def read_only(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - as on a read-only mount (root ignores modes)
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("comicboard.batch.runner.tempfile.NamedTemporaryFile", read_only)
    assert main(["batch", str(template_file), str(table), "-o", str(tmp_path / "ro"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "internal error" not in err


# --- Boards mixed up or lost -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("names", "formats", "file"), [
    (["x", "x-2"], "png", "x-2.png"),  # page 2 of a several-page x
    (["x", "x-handout"], "pdf,handout", "x-handout.pdf"),
    (["x", "x-phone-01"], "png,phone", "x-phone-01.png"),
    (["X", "x"], "pdf", None),  # one file on Windows and macOS
])
def test_names_that_would_share_a_file_are_refused_before_anything_is_written(tmp_path, template_file, names,
                                                                              formats, file):
    rows = [{**ROWS[0], "community": n} for n in names]
    result = render_many(template_file, rows, tmp_path, jobs=1, formats=formats, name="community")
    assert [o.status for o in result.outcomes] == ["made", "failed"]
    reason = result.outcomes[1].reason
    assert (file in reason and "clashes" in reason) if file else "upper and lower case" in reason
    manifest = json.loads((tmp_path / MANIFEST).read_text("utf-8"))["boards"]
    assert list(manifest) == [names[0]]  # the manifest never gives one file to two rows
    on_disk = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".") and p.name != "template.yaml")
    assert on_disk == sorted(manifest[names[0]]["files"])  # every file written is the first row's


def test_concurrent_batches_into_one_folder_keep_every_manifest_entry(tmp_path, template_file):
    out = tmp_path / "out"
    rows = [{**ROWS[i % 2], "community": f"社区{i}"} for i in range(6)]
    errors: list[BaseException] = []

    def run(part: list[dict]) -> None:
        try:
            with ThreadPoolExecutor(2) as ex:
                render_many(template_file, part, out, ex)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=run, args=(rows[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))["boards"]
    assert set(manifest) == {r["community"] for r in rows}
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def _no_space_on(victim: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """PNG pages whose name holds `victim` fail half written, as on a full disk."""
    from comicboard.render import png

    real = png.write

    def write(dl, paths, **kw):  # noqa: ANN001, ANN003, ANN202
        if any(victim in str(p) for p in paths):
            Path(paths[0]).write_bytes(b"\x89PNG half")
            raise OSError(errno.ENOSPC, "No space left on device", str(paths[0]))
        return real(dl, paths, **kw)

    monkeypatch.setattr(png, "write", write)


def test_no_space_fails_the_row_with_one_message_and_keeps_the_earlier_file(tmp_path, template_file, monkeypatch):
    out = tmp_path / "out"
    rows = [dict(r) for r in ROWS]
    first = render_many(template_file, rows, out, jobs=1, formats="pdf,png")
    assert len(first.made) == 2
    before = (out / "阜康社区.png").read_bytes()
    _no_space_on("阜康社区", monkeypatch)
    rows[1]["phone"] = "0311-99999999"  # a change: the board is made again, and the disk is full
    again = render_many(template_file, rows, out, jobs=1, formats="pdf,png")
    assert [o.status for o in again.outcomes] == ["skipped", "failed"]
    reason = again.outcomes[1].reason
    assert "no space left on the disk" in reason and reason.count("\n") <= 2 and "<_io" not in reason
    assert (out / "阜康社区.png").read_bytes() == before  # the earlier file, whole
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))["boards"]
    assert set(manifest) == {"工人街社区"}  # the failed board is made again next time


def test_no_space_on_the_command_line_is_exit_2_and_the_earlier_file_stays(tmp_path, monkeypatch, capsys):
    spec = Path(__file__).resolve().parents[2] / "examples" / "minimal.yaml"
    target = tmp_path / "b.png"
    target.write_bytes(b"earlier board")
    _no_space_on("b.png", monkeypatch)
    assert main(["render", str(spec), "-o", str(target), "-q", "--dpi", "20"]) == 2
    err = capsys.readouterr().err
    assert "no space left on the disk" in err and len(err.strip().splitlines()) == 2
    assert target.read_bytes() == b"earlier board" and [p.name for p in tmp_path.iterdir()] == ["b.png"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_while_writing_removes_the_temporaries(sig, tmp_path, monkeypatch, capsys):
    from comicboard.render import png

    spec = Path(__file__).resolve().parents[2] / "examples" / "minimal.yaml"

    def write(dl, paths, **kw):  # noqa: ANN001, ANN003, ANN202
        Path(paths[0]).write_bytes(b"\x89PNG half")
        os.kill(os.getpid(), sig)
        raise AssertionError(f"{sig.name} should have stopped the render")

    monkeypatch.setattr(png, "write", write)
    assert main(["render", str(spec), "-o", str(tmp_path / "b.png"), "-q"]) == 128 + sig
    assert f"stopped by {sig.name}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_temporaries_of_a_dead_process_are_removed_by_the_next_run(tmp_path):
    from comicboard.render.atomic import _host

    spec = Path(__file__).resolve().parents[2] / "examples" / "minimal.yaml"
    dead = tmp_path / f".b.png.{_host()}-999999999.abc123.tmp"  # no such pid: its process was killed
    mine = tmp_path / f".b.png.{_host()}-{os.getpid()}.abc123.tmp"  # a live process's: left alone
    other = tmp_path / ".b.png.otherhost-999999999.abc123.tmp"  # another machine's (a shared folder): left alone
    for p in (dead, mine, other):
        p.write_bytes(b"x")
    assert main(["render", str(spec), "-o", str(tmp_path / "b.png"), "-q", "--dpi", "20"]) == 0
    assert not dead.exists() and mine.exists() and other.exists()


def test_multi_page_output_is_all_or_nothing_and_stale_pages_go(tmp_path, monkeypatch):
    from comicboard.render import atomic, stale_pages

    targets = [tmp_path / f"x-{i}.png" for i in (1, 2, 3)]
    for t in targets:
        t.write_text(f"old {t.name}")
    real = os.replace
    calls = []

    def replace(src, dst):  # noqa: ANN001, ANN202 - the second page cannot be moved in
        calls.append(dst)
        if str(dst).endswith("x-2.png") and str(src).endswith(".tmp") and ".old" not in str(src):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(RenderError, match="no space left"), atomic.atomic_outputs(targets) as temps:
        for t in temps:
            t.write_text("new")
    assert [t.read_text() for t in targets] == [f"old {t.name}" for t in targets]  # page 1 was put back
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.setattr(atomic.os, "replace", real)
    (tmp_path / "x.png").write_text("an earlier one-page render")
    assert stale_pages(tmp_path / "x.png", 2) == [tmp_path / "x.png", tmp_path / "x-3.png"]
    assert stale_pages(tmp_path / "x.png", 1) == targets
    with atomic.atomic_outputs(targets[:2], stale=lambda: stale_pages(tmp_path / "x.png", 2)) as temps:
        for t in temps:
            t.write_text("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-1.png", "x-2.png"]


# --- Tables are input too ----------------------------------------------------------------------------------------

def test_dataframes_and_iterables_of_mappings_with_nan_none_and_lists(tmp_path, template_file):
    import pandas as pd

    text = template_file.read_text("utf-8").replace('"咨询电话 {{phone}}"', '"咨询电话 {{phone|社区服务窗口}}"')
    template_file.write_text(text.replace('phone: "{{phone}}"', 'phone: "{{phone|}}"'), "utf-8")
    df = pd.DataFrame([{**ROWS[0]}, {**ROWS[1], "phone": None}, {**ROWS[1], "community": "列表", "url": ["x"]}])
    assert pd.isna(df.loc[1, "phone"])
    result = render_many(template_file, df, tmp_path / "df", jobs=1)
    assert [o.status for o in result.outcomes] == ["made", "made", "failed"]
    assert "holds a list" in result.outcomes[2].reason
    from comicboard.batch import fill, load_template, rows_from

    rows = rows_from(df)
    assert fill(load_template(template_file), rows[1]).footer == "咨询电话 社区服务窗口"  # NaN is empty, not 'nan'
    gen = (dict(r) for r in ROWS)  # any iterable of mappings
    assert [o.status for o in render_many(template_file, gen, tmp_path / "gen", jobs=1).outcomes] == ["made"] * 2
    bare = pd.DataFrame([{**ROWS[0], "phone": float("nan")}])
    template_file.write_text(text.replace("{{phone|社区服务窗口}}", "{{phone}}"), "utf-8")
    assert "is empty in this row" in render_many(template_file, bare, tmp_path / "nan", jobs=1).outcomes[0].reason


def test_terminal_escapes_in_cells_are_shown_escaped(tmp_path, template_file, capsys):
    table = tmp_path / "t.csv"
    table.write_text(HEADER + "\x1b]0;pwned\x07社区,,https://e.org/a\n", "utf-8")
    assert main(["batch", str(template_file), str(table), "-o", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "\x1b]0" not in captured.err and "\x07" not in captured.err and "\\x1b]0;pwned\\x07" in captured.err


def test_a_cell_naming_a_file_outside_the_folder_is_not_read(tmp_path, template_file, monkeypatch):
    from comicboard.batch import runner

    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("x" * 1000)
    (tmp_path / "inside.txt").write_text("y")
    template_file.write_text(template_file.read_text("utf-8").replace("{{community}}调解室", "{{community}}"), "utf-8")
    read: list[str] = []
    monkeypatch.setattr(runner, "_file_digest", lambda path, size, mtime: read.append(path) or path)
    tpl = runner._template(template_file)
    runner.input_key(tpl, {**ROWS[0], "community": str(secret)}, ("pdf",), 150)
    runner.input_key(tpl, {**ROWS[0], "community": "inside.txt"}, ("pdf",), 150)
    assert str(secret) not in read and str(tmp_path / "inside.txt") in read
    secret.unlink()


def test_tables_read_with_their_lines(tmp_path):
    (tmp_path / "t.yaml").write_text("rows:\n  - {community: 甲}\n  - 乙\n  - {community: 丙}\n", "utf-8")
    rows = read_table(tmp_path / "t.yaml", keep_bad_rows=True)
    assert [r.line for r in rows] == [2, 3, 4] and "t.yaml:3" in rows[1].reason


# --- Found by a hostile pass over tables and names ---------------------------------------------------------------

def test_yaml_cells_keep_what_was_typed(tmp_path):
    (tmp_path / "t.yaml").write_text("- {community: 甲, phone: 0311, open: yes, fee: 1.50, date: 2024-01-01, "
                                     "n: .inf}\n", "utf-8")
    (row,) = read_table(tmp_path / "t.yaml")
    assert dict(row) == {"community": "甲", "phone": "0311", "open": "yes", "fee": "1.50", "date": "2024-01-01",
                         "n": ".inf"}


# name: (file name, content, words in the bad row's reason) — each a table whose second line is a bad row
CELLS_THAT_ARE_NO_TEXT = {
    "JSON true": ("t.json", '[\n{"community": "甲", "phone": true}\n]', "holds true/false, not text"),
    "YAML binary": ("t.yaml", "#\n- {community: 甲, phone: !!binary aGVsbG8=}\n", "holds binary data"),
    "CSV value under a nameless column": ("t.csv", "community,,phone\n甲,x,0311\n", "its column has no name"),
}


@pytest.mark.parametrize("name", CELLS_THAT_ARE_NO_TEXT)
def test_cells_that_are_no_text_fail_their_row(tmp_path, name):
    file, content, words = CELLS_THAT_ARE_NO_TEXT[name]
    (tmp_path / file).write_text(content, "utf-8")
    (row,) = read_table(tmp_path / file, keep_bad_rows=True)
    assert words in row.reason and f"{file}:2" in row.reason, row.reason


@pytest.mark.parametrize("cell", [float("inf"), True, b"0311"])
def test_python_values_that_are_no_text_fail_their_item(cell):
    from comicboard.batch import rows_from

    (row,) = rows_from([{"community": "甲", "phone": cell}])
    assert "item 1: column 'phone' holds" in row.reason and "not text" in row.reason


def test_a_nameless_empty_column_is_fine(tmp_path):
    (tmp_path / "t.csv").write_text("community,phone,\n甲,0311,\n", "utf-8")  # a spreadsheet's trailing comma
    (row,) = read_table(tmp_path / "t.csv")
    assert dict(row) == {"community": "甲", "phone": "0311"}


@pytest.mark.parametrize(("cell", "stem"), [("CON", "CON_"), ("nul", "nul_"), ("com1.x", "com1.x_"), ("LPT9", "LPT9_"),
                                            ("console", "console"), ("cafe\u0301", "caf\u00e9")])
def test_names_windows_keeps_for_devices_and_decomposed_letters(cell, stem):
    from comicboard.batch.runner import safe_name

    assert safe_name(cell) == stem


def test_names_typed_two_ways_are_one_name(tmp_path, template_file):
    rows = [{**ROWS[0], "community": "caf\u00e9"}, {**ROWS[1], "community": "cafe\u0301"}]  # é, and e + ´
    result = render_many(template_file, rows, tmp_path / "out", jobs=1)
    assert [o.status for o in result.outcomes] == ["made", "failed"] and "earlier row" in result.outcomes[1].reason
    assert [p.name for p in (tmp_path / "out").glob("*.pdf")] == ["caf\u00e9.pdf"]


def test_a_name_too_long_for_a_file_fails_before_anything_is_written(tmp_path, template_file):
    rows = [{**ROWS[0], "community": "社" * 80}]  # 240 bytes in UTF-8: with .pdf and a temporary's marks, too long
    result = render_many(template_file, rows, tmp_path / "out", jobs=1)
    (o,) = result.outcomes
    assert o.status == "failed" and "too long for a file name" in o.reason and "--name" in o.reason
    assert not [p for p in (tmp_path / "out").iterdir() if not p.name.startswith(".comicboard")]


def test_a_file_size_limit_is_named_and_the_earlier_file_stays(tmp_path):
    import resource
    import subprocess
    import sys

    spec = Path(__file__).resolve().parents[2] / "examples" / "minimal.yaml"
    target = tmp_path / "b.png"
    target.write_bytes(b"earlier board")

    def limit() -> None:  # 20 KB: less than the PNG (Python ignores SIGXFSZ, so the write fails with EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    r = subprocess.run([sys.executable, "-m", "comicboard", "render", str(spec), "-o", str(target), "--dpi", "100"],
                       capture_output=True, text=True, preexec_fn=limit, timeout=300)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "file size limit" in r.stderr and str(target) in r.stderr
    assert target.read_bytes() == b"earlier board" and [p.name for p in tmp_path.iterdir()] == ["b.png"]

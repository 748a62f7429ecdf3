"""`comicboard batch --name COLUMN` names each board's files by that column; `--force` remakes unchanged boards."""

from __future__ import annotations

from comicboard.cli import main


def _table(tmp_path):  # noqa: ANN001
    table = tmp_path / "rows.csv"
    table.write_text("community,phone,url\n工人街社区,0311-86012345,https://e.org/a\n"
                     "阜康社区,0311-86023456,https://e.org/b\n", "utf-8")
    return table


def test_name_picks_the_column_that_names_the_files(tmp_path, template_file, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(template_file), str(_table(tmp_path)), "-o", str(out), "--name", "phone"]) == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == ["0311-86012345.pdf", "0311-86023456.pdf"]


def test_force_remakes_unchanged_boards(tmp_path, template_file, capsys):
    table, out = _table(tmp_path), tmp_path / "out"
    assert main(["batch", str(template_file), str(table), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["batch", str(template_file), str(table), "-o", str(out)]) == 0
    assert "0 made, 2 skipped (unchanged)" in capsys.readouterr().err
    assert main(["batch", str(template_file), str(table), "-o", str(out), "--force"]) == 0
    assert "2 made, 0 skipped (unchanged)" in capsys.readouterr().err

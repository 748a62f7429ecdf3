"""`comicboard batch`: the example template and its five communities, plus a sixth row that is wrong."""

from __future__ import annotations

from pathlib import Path

from comicboard.batch import fill, load_template, read_table
from comicboard.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_five_communities_differ_as_the_table_says():
    tpl = load_template(EXAMPLES / "community-template.yaml")
    rows = read_table(EXAMPLES / "communities.csv")
    boards = [fill(tpl, r) for r in rows]
    for board, row in zip(boards, rows, strict=True):
        assert row["community"] in board.subtitle and row["phone"] in board.footer
        procs = [p for c in board.categories for p in c.procedures]
        assert all(p.phone == row["phone"] and p.url.startswith(row["url"] + "/") for p in procs)
        wanted = row["procedures"].split()
        assert [p.id for p in procs] == (wanted if wanted else ["zhengshen", "yibao", "laonianzheng", "juzhu"])
    assert len({b.subtitle for b in boards}) == 5


def test_cli_batch_reports_and_skips_a_bad_row(tmp_path, template_file, capsys):
    # Two communities (on the small A5 template: quick), then one naming a procedure the template lacks.
    table = tmp_path / "communities.csv"
    table.write_text("community,phone,url,procedures\n工人街社区,0311-86012345,https://e.org/a,\n"
                     "阜康社区,0311-86023456,https://e.org/b,juzhu\n新区社区,0311-1,https://e.org/c,juzhu dibao\n",
                     "utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(template_file), str(table), "-o", str(out), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert "2 made, 0 skipped (unchanged), 1 failed" in err
    assert "row 3 (新区社区)" in err and "dibao" in err
    assert "3/3" in err  # the progress bar reached the end
    made = sorted(p.name for p in out.glob("*.pdf"))
    assert made == sorted(f"{r['community']}.pdf" for r in read_table(table)[:2])
    # Unchanged: nothing is rebuilt; the bad row still fails.
    code = main(["batch", str(template_file), str(table), "-o", str(out), "-q"])
    assert code == 1 and "0 made, 2 skipped (unchanged), 1 failed" in capsys.readouterr().err


def test_cli_batch_refuses_unknown_format(tmp_path, capsys):
    code = main(["batch", str(EXAMPLES / "community-template.yaml"), str(EXAMPLES / "communities.csv"), "-o",
                 str(tmp_path), "--format", "pdf,svg"])
    assert code == 2 and "svg" in capsys.readouterr().err


def test_check_warns_that_a_template_still_shows_its_placeholders():
    import comicboard as cb

    root = Path(__file__).resolve().parents[2]
    found = [p for p in cb.check(cb.load(root / "examples" / "community-template.yaml"))
             if p.code == "unfilled-placeholder"]
    assert len(found) == 1 and "{{community}}" in found[0].message and "batch" in found[0].hint
    assert not [p for p in cb.check(cb.load(root / "examples" / "gongrenjie.yaml")) if p.code == "unfilled-placeholder"]

"""Tables: CSV (UTF-8, BOM or not), JSON and YAML lists of rows, with located errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comicboard import SpecError
from comicboard.batch import read_table

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "communities.csv"


def test_example_table_has_five_communities():
    rows = read_table(EXAMPLE)
    assert len(rows) == 5
    assert list(rows[0])[0] == "community"
    assert len({r["phone"] for r in rows}) == 5 and len({r["url"] for r in rows}) == 5


def test_csv_with_bom_blank_lines_and_quoted_commas(tmp_path):
    p = tmp_path / "t.csv"
    p.write_bytes("\ufeffname, phone\n\n甲,\"1,2\"\n乙,3\n".encode())
    assert read_table(p) == [{"name": "甲", "phone": "1,2"}, {"name": "乙", "phone": "3"}]


def test_json_and_yaml_lists(tmp_path):
    rows = [{"name": "甲", "procedures": ["a", "b"]}, {"name": "乙", "n": 2}]
    (tmp_path / "t.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "t.yaml").write_text("communities:\n  - {name: 甲, procedures: [a, b]}\n  - {name: 乙, n: 2}\n",
                                     encoding="utf-8")
    assert read_table(tmp_path / "t.json") == rows
    assert read_table(tmp_path / "t.yaml") == [rows[0], {"name": "乙", "n": "2"}]  # YAML: as typed, like a spec


@pytest.mark.parametrize(("name", "content", "match"), [
    ("t.txt", "a", "unsupported table"),
    ("t.csv", "", "empty"),
    ("t.csv", "a,a\n1,2\n", "named twice"),
    ("t.csv", "a,b\n1,2,3\n", "3 cells"),
    ("t.json", "{\"a\": 1", "JSON syntax"),
    ("t.json", "[1, 2]", "list of rows"),
    ("t.yaml", "a: [1", "YAML syntax"),
])
def test_bad_tables_say_what_is_wrong(tmp_path, name, content, match):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(SpecError, match=match) as exc:
        read_table(p)
    assert exc.value.file == str(p)


def test_missing_table(tmp_path):
    with pytest.raises(SpecError, match="not found"):
        read_table(tmp_path / "none.csv")


def test_bad_rows_can_come_back_in_place(tmp_path):
    """For a batch: a line with an unquoted comma, or a list item that is not a mapping, is one bad row."""
    from comicboard.batch.tables import BadRow

    p = tmp_path / "t.csv"
    p.write_text("community,hours\n甲社区,每天\n乙社区,周一至周五, 周六上午\n丙社区,每天\n", encoding="utf-8")
    rows = read_table(p, keep_bad_rows=True)
    assert [r["community"] for r in rows] == ["甲社区", "乙社区", "丙社区"]
    assert [type(r) is BadRow for r in rows] == [False, True, False]
    assert f"{p}:3" in rows[1].reason and "3 cells" in rows[1].reason and rows[1]["hours"] == "周一至周五"
    j = tmp_path / "t.json"
    j.write_text('[{"community": "甲"}, "乙", {"community": "丙"}]', encoding="utf-8")
    rows = read_table(j, keep_bad_rows=True)
    assert [type(r) is BadRow for r in rows] == [False, True, False] and "item 2" in rows[1].reason
    with pytest.raises(SpecError, match="list of rows"):
        read_table(j)

"""Templates: {{column}} placeholders filled from a row, procedure selection by id, errors naming the row."""

from __future__ import annotations

import pytest

from comicboard import SpecError
from comicboard.batch import fill, load_template, template_from_dict
from comicboard.batch.template import describe_row


def test_placeholders_fill_every_string(template_file, rows):
    tpl = load_template(template_file)
    assert tpl.placeholders() == ["community", "phone", "url"]
    board = fill(tpl, rows[1], row_label="row 2")
    assert board.subtitle == "阜康社区居民办事一图通"
    assert board.footer == "咨询电话 0311-86023456"
    juzhu, tiaojie = board.categories[0].procedures
    assert juzhu.phone == "0311-86023456"
    assert juzhu.url == "https://example.org/fukang/juzhu"
    assert juzhu.steps[0].caption == "携带身份证到阜康社区"
    assert tiaojie.location == "阜康社区调解室"
    assert board.source == str(template_file)


def test_rows_give_different_boards(template_file, rows):
    tpl = load_template(template_file)
    a, b = (fill(tpl, r) for r in rows)
    assert a.subtitle != b.subtitle and a.footer != b.footer
    assert a.categories[0].procedures[0].url != b.categories[0].procedures[0].url


def test_values_that_are_not_text_and_spaces_inside_braces():
    tpl = template_from_dict({"board": {"title": "{{ n }}号楼 {{name}}"},
                              "categories": [{"name": "事务", "procedures": [{"title": "t", "steps": ["s"]}]}]})
    assert fill(tpl, {"n": 3, "name": "和平社区"}).title == "3号楼 和平社区"


def test_missing_placeholder_names_the_placeholder_the_row_and_the_place(template_file, rows):
    tpl = load_template(template_file)
    del rows[0]["phone"]
    with pytest.raises(SpecError) as exc:
        fill(tpl, rows[0], row_label="row 1 (工人街社区)")
    text = str(exc.value)
    assert "{{phone}}" in text and "row 1 (工人街社区)" in text
    assert exc.value.file == str(template_file)
    assert exc.value.line == 5  # footer: "咨询电话 {{phone}}" is the first use
    assert "community" in exc.value.expected  # the columns the row does have


def test_procedures_column_selects_by_id(template_file, rows):
    tpl = load_template(template_file)
    board = fill(tpl, {**rows[0], "procedures": "tiaojie"})
    assert [p.id for c in board.categories for p in c.procedures] == ["tiaojie"]
    board = fill(tpl, {**rows[0], "procedures": ""})  # empty: every procedure
    assert len(board.categories[0].procedures) == 2
    board = fill(tpl, {**rows[0], "procedures": ["juzhu", "tiaojie"]})  # JSON/YAML lists work too
    assert len(board.categories[0].procedures) == 2


def test_unknown_procedure_id_is_an_error_naming_it(template_file, rows):
    with pytest.raises(SpecError, match="nosuch") as exc:
        fill(load_template(template_file), {**rows[0], "procedures": "juzhu, nosuch"}, row_label="row 1")
    assert "row 1" in str(exc.value) and "juzhu" in exc.value.expected


def test_validation_errors_keep_the_line_after_selection(tmp_path, rows):
    # The second procedure's bad speaker must still be reported on its own line once the first is dropped.
    text = (tmp_path / "t.yaml")
    text.write_text(
        "board: {title: '{{community}}'}\n"
        "categories:\n"
        "  - name: 事务\n"
        "    procedures:\n"
        "      - {id: a, title: A, steps: [s]}\n"
        "      - id: b\n"
        "        title: B\n"
        "        steps:\n"
        "          - caption: c\n"
        "            say: [{who: nobody, text: hi}]\n", encoding="utf-8")
    with pytest.raises(SpecError, match="nobody") as exc:
        fill(load_template(text), {**rows[0], "procedures": "b"}, row_label="row 7")
    assert exc.value.line == 10
    assert exc.value.path == "categories[0].procedures[0].steps[0].say[0].who"
    assert str(exc.value).count("row 7") == 1


def test_describe_row():
    assert describe_row(3, {"name": "和平社区", "phone": "1"}) == "row 3 (和平社区)"
    assert describe_row(3, {"name": "", "phone": "1"}) == "row 3"
    assert describe_row(2, {"name": "x", "phone": "1"}, "phone") == "row 2 (1)"


def test_unquoted_placeholder_at_the_start_of_a_yaml_value_gets_a_hint(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("board:\n  title: {{community}}办事\ncategories: []\n", encoding="utf-8")
    with pytest.raises(SpecError) as exc:
        load_template(p)
    assert exc.value.file == str(p) and "must be quoted" in exc.value.hint

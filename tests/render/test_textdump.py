"""textdump: the display list as rounded text, one item per line."""

from __future__ import annotations

from comicboard.color import BLACK, Color
from comicboard.display import DisplayList, GlyphRun, Image, Page, Path, PathPen
from comicboard.render.textdump import dump, num


def test_numbers_round_to_a_tenth():
    values = (0, 1.0, 1.04, 1.05001, -0.04, 12.345, 2e-9)
    assert [num(v) for v in values] == ["0", "1", "1", "1.1", "0", "12.3", "0"]


def test_dump_lists_every_item_in_order():
    dl = DisplayList(
        [Page(100.04, 50, [
            Path(tuple(PathPen().rect(1, 2, 3.333, 4).ops), fill=Color.cmyk(0, 100, 90, 10), stroke=BLACK,
                 dash=(3, 1.5)),
            GlyphRun("证件", (10, 22.25), 30, "/x/fonts/A.ttf", 12, BLACK),
            Image("/pics/zhao.png", 5, 6, 7, 8),
        ], bleed=8.5)],
        title="t",
    )
    assert dump(dl) == (
        "document title='t' lang=zh-Hans\n"
        "page 1 100x50 bleed=8.5\n"
        "  path fill=cmyk(0,100,90,10) stroke=cmyk(0,0,0,100) w=1 dash=3,1.5 round:"
        " M 1,2 L 4.3,2 L 4.3,6 L 1,6 Z\n"
        "  text '证件' y=30 size=12 font=A.ttf color=cmyk(0,0,0,100) xs=10,22.2\n"
        "  image zhao.png 5,6 7x8\n"
    )


def test_sample_dump_is_stable(sample):
    # The dump of an equal display list built afresh is the same text (not only one object dumped twice).
    import copy

    assert dump(copy.deepcopy(sample)) == dump(sample)
    assert dump(sample).count("\n  ") == len(sample.pages[0].items)

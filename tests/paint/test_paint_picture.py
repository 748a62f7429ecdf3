"""A cast member's own picture replaces the drawn figure, kept in proportion and standing in its box."""

from __future__ import annotations

from PIL import Image as PILImage

import comicboard as cb
from comicboard.display import Image


def test_picture_keeps_its_proportions(tmp_path):
    pic = tmp_path / "zhao.png"
    PILImage.new("RGBA", (300, 300), (200, 40, 40, 255)).save(pic)  # square, in a 1:2 figure box
    board = cb.Board(title="办事指南", size="A4", cast={"zhao": cb.CastMember("zhao", "赵姐", picture=pic)},
                     categories=(cb.Category("社区事务", (cb.Procedure("开具证明", (
                         cb.Step("到社区办理", say=(cb.Speech("zhao", "我来开证明。"),)),)),)),))
    lay = cb.layout(board)
    fig = next(f for f in lay.pages[0].of_kind("figure") if f.who == "zhao")
    images = [it for it in lay.display.pages[0].items if isinstance(it, Image)]
    assert len(images) == 1
    im = images[0]
    assert abs(im.w - im.h) < 0.01  # square stays square
    fx, fy, fw, fh = fig.bbox
    assert fx - 0.01 <= im.x and im.x + im.w <= fx + fw + 0.01
    assert abs((im.y + im.h) - (fy + fh)) < 0.01  # stands on the box's floor

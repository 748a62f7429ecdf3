"""Poses and gendered looks: the gesture is on the side the person faces, held things are held, and an elder
man and an elder woman (an adult man and woman) are told apart."""

from __future__ import annotations

import pytest

from comicboard.art import LOOKS, POSES, draw_figure
from comicboard.art.figures import DOCUMENT_COLOR, OUTLINE, PHONE_COLOR, _resolve, ops_bounds

BOX = (20.0, 10.0, 100.0, 200.0)


def _extent(path):
    x, y, w, h = ops_bounds(path.ops)
    half = path.stroke_width / 2 if path.stroke is not None else 0.0
    return x - half, y - half, x + w + half, y + h + half


def _draw(look="adult", pose="standing", facing="right", seed="k", expression="neutral"):
    return draw_figure(*BOX, look=look, facing=facing, seed_key=seed, expression=expression, pose=pose)


def _outward(art, facing):
    """How far the drawing reaches toward the facing side, measured from the box's centre line."""
    hc = BOX[0] + BOX[2] / 2
    if facing == "right":
        return max(_extent(p)[2] for p in art.paths) - hc
    return hc - min(_extent(p)[0] for p in art.paths)


def _toward(facing, x, art):
    """Signed distance of x from the head's centre, positive on the facing side."""
    d = x - (art.head[0] + art.head[2] / 2)
    return d if facing == "right" else -d


def test_new_poses_and_looks_are_exported():
    assert set(POSES) >= {"standing", "talking", "pointing", "holding_document", "holding_phone", "waving"}
    assert set(LOOKS) >= {"elder", "elder_man", "elder_woman", "adult", "adult_man", "adult_woman", "student",
                          "child", "staff"}


@pytest.mark.parametrize("facing", ["right", "left"])
@pytest.mark.parametrize("look", LOOKS)
def test_pointing_stretches_an_arm_toward_the_facing_side(look, facing):
    standing, pointing = _draw(look, "standing", facing), _draw(look, "pointing", facing)
    assert _outward(pointing, facing) > _outward(standing, facing)
    assert _outward(pointing, facing) > 0.45 * BOX[2]  # out to the box's edge
    # the farthest-out part (the finger) is at the shoulders, not down at the hip
    key = (lambda p: _extent(p)[2]) if facing == "right" else (lambda p: -_extent(p)[0])
    tip = max(pointing.paths, key=key)
    x0, y0, x1, y1 = _extent(tip)
    hx, hy, hw, hh = pointing.head
    assert hy + hh / 2 < (y0 + y1) / 2 < hy + hh + 0.35 * hh
    assert tip.fill is not None and tip.stroke is not None  # a drawn finger, not a stray line
    # and nothing reaches out on the other side
    away = "left" if facing == "right" else "right"
    assert _outward(pointing, away) == pytest.approx(_outward(standing, away), abs=1e-6)


def _held(art, color):
    return [p for p in art.paths if p.fill == color]


@pytest.mark.parametrize("facing", ["right", "left"])
@pytest.mark.parametrize("look", LOOKS)
def test_document_is_held_in_front_at_chest_height_on_the_facing_side(look, facing):
    art = _draw(look, "holding_document", facing)
    sheets = _held(art, DOCUMENT_COLOR)
    assert len(sheets) == 1
    x0, y0, x1, y1 = _extent(sheets[0])
    hx, hy, hw, hh = art.head
    assert _toward(facing, (x0 + x1) / 2, art) > 0.15 * BOX[2]
    figure_h = BOX[1] + BOX[3] - hy
    assert hy + hh - 0.1 * hh < (y0 + y1) / 2 < hy + hh + 0.3 * figure_h  # chest: just below the head
    assert _held(_draw(look, "standing", facing), DOCUMENT_COLOR) == []
    # a hand grips it: a skin-coloured path overlapping the sheet is drawn after it
    i = art.paths.index(sheets[0])
    skin = {p.fill for p in _draw(look, "standing", facing).paths if p.fill is not None}
    later = [_extent(p) for p in art.paths[i + 1:] if p.fill in skin]
    assert any(a[0] < x1 and a[2] > x0 and a[1] < y1 and a[3] > y0 for a in later)


@pytest.mark.parametrize("facing", ["right", "left"])
@pytest.mark.parametrize("look", LOOKS)
def test_phone_is_raised_on_the_facing_side(look, facing):
    art = _draw(look, "holding_phone", facing)
    phones = _held(art, PHONE_COLOR)
    assert len(phones) == 1
    x0, y0, x1, y1 = _extent(phones[0])
    hx, hy, hw, hh = art.head
    assert _toward(facing, (x0 + x1) / 2, art) > 0.25 * BOX[2]
    assert y0 < hy + hh  # raised: its top is up by the face, not down at the hip


@pytest.mark.parametrize("facing", ["right", "left"])
@pytest.mark.parametrize("look", LOOKS)
def test_waving_raises_a_hand_above_the_eyes_on_the_facing_side(look, facing):
    art = _draw(look, "waving", facing)
    hx, hy, hw, hh = art.head
    skin = art.paths[-2].fill  # the palm, drawn in front of the head
    assert skin in {p.fill for p in _draw(look, "standing", facing).paths}
    x0, y0, x1, y1 = _extent(art.paths[-2])
    assert (y0 + y1) / 2 < hy + hh / 2  # the palm is up level with the top half of the head
    assert _toward(facing, (x0 + x1) / 2, art) > 0.25 * BOX[2]


@pytest.mark.parametrize("pose", POSES)
def test_poses_are_deterministic(pose):
    for look in LOOKS:
        assert _draw(look, pose, seed="同一个人") == _draw(look, pose, seed="同一个人")


@pytest.mark.parametrize("base", ["elder", "adult"])
def test_plain_look_is_one_of_the_gendered_looks_by_seed(base):
    seen = set()
    for seed in [str(i) for i in range(24)]:
        plain = _draw(base, "talking", seed=seed)
        man, woman = _draw(f"{base}_man", "talking", seed=seed), _draw(f"{base}_woman", "talking", seed=seed)
        assert plain in (man, woman), seed
        seen.add("man" if plain == man else "woman")
    assert seen == {"man", "woman"}  # both reachable from the plain look


@pytest.mark.parametrize("base", ["elder", "adult"])
def test_men_and_women_are_told_apart(base):
    seeds = [str(i) for i in range(40)]
    men = [_resolve(f"{base}_man", s) for s in seeds]
    women = [_resolve(f"{base}_woman", s) for s in seeds]
    assert not any(m.woman for m in men) and all(w.woman for w in women)
    # no hair style and no top colour is shared: the silhouette and the palette differ at a glance
    assert not {m.hair_style for m in men} & {w.hair_style for w in women}
    assert not {m.top for m in men} & {w.top for w in women}
    # and a woman has lashes: one more plain ink stroke on the face (brows, mouth, lashes) than a man
    def ink_strokes(look, seed):
        art = _draw(look, "standing", seed=seed)
        hx, hy, hw, hh = art.head
        return sum(1 for p in art.paths if p.fill is None and p.stroke == OUTLINE
                   and hx <= _extent(p)[0] and _extent(p)[2] <= hx + hw and hy <= _extent(p)[1] <= hy + hh)

    for seed in seeds[:6]:
        assert ink_strokes(f"{base}_woman", seed) == ink_strokes(f"{base}_man", seed) + 1


def test_elder_men_and_women_look_their_part():
    seeds = [str(i) for i in range(60)]
    men = {_resolve("elder_man", s).hair_style for s in seeds}
    women = {_resolve("elder_woman", s).hair_style for s in seeds}
    assert men == {"bald", "crop", "flatcap"}
    assert women == {"curly", "perm"}
    assert any(_resolve("elder_man", s).mustache for s in seeds)
    assert not any(_resolve("elder_woman", s).mustache for s in seeds)


@pytest.mark.parametrize("bad", [dict(look="elder_child"), dict(look="woman"), dict(pose="dancing")])
def test_unknown_look_or_pose_lists_the_new_names(bad):
    kw = dict(look="adult", pose="standing") | bad
    with pytest.raises(ValueError, match="use one of") as e:
        draw_figure(0, 0, 50, 100, **kw)
    assert "elder_woman" in str(e.value) or "holding_phone" in str(e.value)

"""Carry each person's pose from panel to panel: a board whose steps know the pose every person in them had in
the procedure's panel before (`Step.previous`), so each panel's plan stays a pure function of its step.

A person's pose in a panel comes from their last speech there (`staging._pose`: the spec's `pose:`, else the
words, never the pose of their previous panel); this pass walks each procedure's steps in reading order once,
memoised on the procedure, and hands that pose on as an input to the next panel where the person appears.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..model import Board, Procedure
from .staging import _pose, speeches_of


@lru_cache(maxsize=1024)
def cue_procedure(proc: Procedure) -> Procedure:
    """The procedure with each step's `previous` set: (who, pose) for every person of the step who appeared in
    an earlier panel of the procedure, the pose of their latest one."""
    last: dict[str, str] = {}
    steps = []
    for step in proc.steps:
        speeches = speeches_of(step)
        whos = tuple(dict.fromkeys(sp.who for sp in speeches))
        cued = replace(step, previous=tuple((who, last[who]) for who in whos if who in last))
        for who, sp in {sp.who: sp for sp in speeches}.items():
            last[who] = _pose(sp, cued)
        steps.append(cued)
    return replace(proc, steps=tuple(steps))


def cue_board(board: Board) -> Board:
    """The board with every procedure cued (`cue_procedure`, memoised); the same board when nothing changes."""
    cats = tuple(replace(cat, procedures=tuple(cue_procedure(p) for p in cat.procedures))
                 for cat in board.categories)
    return board if cats == board.categories else replace(board, categories=cats)

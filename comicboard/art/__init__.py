"""Draw the comic art as display-list paths: people, speech bubbles, captions, badges, props and scenes.

What can be drawn is named by the model (`comicboard.vocab`); drawings are built on first use and memoised,
so importing the art computes nothing.
"""

from ..vocab import EXPRESSIONS, FACINGS, LOOKS, POSES, PROP_NAMES, SCENES
from .bubbles import (
    DEFAULT_PAD,
    KINDS,
    badge_paths,
    bubble_paths,
    bubble_size_for_text,
    bubble_text_box,
    caption_box_paths,
    caption_text_box,
)
from .figures import Anatomy, FigureArt, draw_figure, figure_anatomy
from .ink import OUTLINE, print_safe
from .props import PROPS, counter_paths, icon_for_text, prop_paths

__all__ = [
    "DEFAULT_PAD", "EXPRESSIONS", "FACINGS", "KINDS", "LOOKS", "OUTLINE", "POSES", "PROPS", "PROP_NAMES", "SCENES",
    "Anatomy", "FigureArt", "badge_paths", "bubble_paths", "bubble_size_for_text", "bubble_text_box",
    "caption_box_paths", "caption_text_box", "counter_paths", "draw_figure", "figure_anatomy", "icon_for_text",
    "print_safe", "prop_paths",
]

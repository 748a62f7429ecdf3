"""Draw the comic art as display-list paths: people, speech bubbles, captions, badges and small props."""

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
from .figures import EXPRESSIONS, FACINGS, LOOKS, POSES, FigureArt, draw_figure
from .props import PROP_NAMES, PROPS, counter_paths, icon_for_text, prop_paths

__all__ = [
    "DEFAULT_PAD", "EXPRESSIONS", "FACINGS", "KINDS", "LOOKS", "POSES", "PROPS", "FigureArt", "badge_paths",
    "bubble_paths", "bubble_size_for_text", "bubble_text_box", "caption_box_paths", "caption_text_box",
    "counter_paths",
    "draw_figure", "PROP_NAMES", "icon_for_text", "prop_paths",
]

"""The smallest legible body text on a board: the character height older readers need at a viewing distance, and
the point size that gives it in the board's own font. The model and its sources: docs/legibility.md."""

from __future__ import annotations

import math
import statistics
from functools import lru_cache

from .fonts import FontSet
from .model import DEFAULT_VIEWING_DISTANCE_M, VIEWING_DISTANCE_M

MM_PER_PT = 25.4 / 72

# The angle a body-text character must subtend, in minutes of arc, as the product of three cited factors:
THRESHOLD_ARCMIN = 5.18  # young adults resolve Chinese characters of mixed complexity at 5.18' (Zhang et al. 2020)
AGE_FACTOR = 2.0  # older eyes: 0.3 logMAR lost from middle age to the late 80s, 20/40 held by most (half the acuity)
ACUITY_RESERVE = 2.0  # fluent reading needs print twice the threshold (a fixed 0.3 log unit acuity reserve)
FLOOR_ARCMIN = THRESHOLD_ARCMIN * AGE_FACTOR * ACUITY_RESERVE  # 20.7': between signage's minimum and comfort

# Readers stand an arm's length to about a metre from a notice board; an uncorrected presbyope over 60 cannot
# focus nearer than about a metre, so the board is made for the far end of that range (the model's default).
__all__ = ["DEFAULT_VIEWING_DISTANCE_M", "VIEWING_DISTANCE_M", "char_height_mm", "char_height_em", "floor_pt",
           "legible_distance_m"]

# Frequent characters of each language's running text (kana and kanji mixed for Japanese, hangul syllables for
# Korean): the font's median ink height over them is the "character height" the threshold was measured on.
SAMPLES = {
    "zh-Hans": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后"
               "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动",
    "zh-Hant": "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可裡後"
               "小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動",
    "ja": "のにはをたがでしてとなるいかれもらうこすまっあつ日人年大一本中出上手者分事生方会同時子見行書所"
          "ですますくださいへ窓口申請必要証明",
    "ko": "이는에의다고를은로한하가지서기대사도정시자인수리일나어상으게제부주아국요니습까해있및신청서류확",
}


def char_height_mm(distance_m: float) -> float:
    """The smallest body-text character height (mm) for older readers at `distance_m`."""
    return 2000.0 * distance_m * math.tan(math.radians(FLOOR_ARCMIN / 60.0) / 2)


@lru_cache(maxsize=32)
def _ink_ratio(fonts: FontSet, lang: str) -> float:
    heights = []
    for ch in SAMPLES.get(lang, SAMPLES["zh-Hans"]):
        face = fonts.face_for(ch)
        ink = face.ink(ch) if face is not None else None
        if ink is not None:
            heights.append(ink[3] - ink[1])
    return statistics.median(heights) if heights else 1.0


def char_height_em(fonts: FontSet, lang: str) -> float:
    """How tall a character of `lang`'s running text is in the board's regular font, in em (its ink, not the em
    box): the median ink height over the language's frequent characters, measured from the font."""
    return _ink_ratio(fonts, lang)


def floor_pt(distance_m: float, fonts: FontSet, lang: str) -> float:
    """The smallest point size for body text at `distance_m` (rounded up to 0.05 pt)."""
    pt = char_height_mm(distance_m) / (char_height_em(fonts, lang) * MM_PER_PT)
    return math.ceil(pt * 20 - 1e-9) / 20


def legible_distance_m(size_pt: float, fonts: FontSet, lang: str) -> float:
    """The farthest distance (m) at which text of `size_pt` still meets the floor: the inverse of `floor_pt`."""
    return size_pt * char_height_em(fonts, lang) * MM_PER_PT / char_height_mm(1.0)

"""The line chooser's cost model as specified, for the fast-vs-slow comparisons (test_text_fast,
test_text_layout_fast): written here, not imported, so that a change to the product's costs shows up as a
failing comparison to be made on purpose (change these numbers with it). Correctness against the rules is
checked by tests/text/wrap_oracle.py, which uses no costs at all.

Units: em² at size 1 (a line's cost is its slack squared).
"""

EPS = 1e-9  # width slack: a line exactly as wide as the measure fits
LAST_LINE_WEIGHT = 0.5  # the last line's slack counts half: it may be shorter than the others
COST_ALLOWED = 0.2  # an ordinary break, between letters
COST_CLAUSE = 0.0  # a break after clause punctuation or at a space
COST_EMERGENCY = 2.0  # a last-resort break (Korean syllables, number + counter)
COST_DETACH = 8.0  # a last-resort break that parts a number, bracket or mark from its letters
COST_WIDOW = 6.0  # a last line holding at most one letter or digit
CLAUSE_END = frozenset("，。、；：！？,.;:!?）」』”》")


def mid_phrase_cost(max_w: float) -> float:
    """A break inside a BudouX phrase: about a quarter of the measure of imbalance, at least 1.6 em²."""
    return max(1.6, (0.25 * max_w) ** 2)

"""The model's vocabularies: every look, pose, expression, facing, prop and scene a board may name.

Plain tuples of names, nothing computed: the model validates against them, `art` draws them, layout picks
among them. Adding a name here without teaching `art` to draw it fails the art tests.
"""

from __future__ import annotations

# Looks: `elder`, `adult`, `young`, `staff`, `doctor`, `police` and `soldier` pick a man or a woman from the
# cast key (the same key always gives the same person); the `_man` / `_woman` looks choose one.
LOOKS = (
    "elder", "elder_man", "elder_woman", "adult", "adult_man", "adult_woman", "young", "young_man",
    "young_woman", "student", "child", "staff", "staff_man", "staff_woman", "doctor", "police", "soldier",
)
# The looks that name one drawn person type each (a contact sheet shows these).
DRAWN_LOOKS = (
    "elder_man", "elder_woman", "adult_man", "adult_woman", "young_man", "young_woman", "student", "child",
    "staff_man", "staff_woman", "doctor", "police", "soldier",
)
EXPRESSIONS = ("neutral", "happy", "worried", "surprised", "question", "relieved", "thankful")
POSES = (
    "standing", "talking", "pointing", "holding_document", "holding_phone", "waving", "handing_over",
    "writing", "nodding", "on_phone",
)
FACINGS = ("right", "left")
PROP_NAMES = (
    "id_card", "household_register", "form", "document", "stamp", "phone", "computer", "certificate",
    "medical_card", "money", "calendar", "clock", "building", "qr", "bank_card", "photo", "pen",
)
# Drawn settings behind a panel's people; `plain` keeps the panel's paper (a close-up, or by choice).
SCENES = ("service_hall", "office", "meeting_room", "home", "street", "clinic", "school", "plain")

"""Many boards from one template: fill `{{column}}` placeholders from each table row, render on an executor."""

from __future__ import annotations

from typing import TYPE_CHECKING

# What a batch may write, besides each board's PDF (named here so the CLI can list them without loading the runner).
FORMATS = ("pdf", "png", "phone", "handout")

if TYPE_CHECKING:
    from .executors import RayExecutor
    from .runner import BatchResult, Outcome, render_many, render_row, safe_name
    from .tables import read_table, rows_from
    from .template import Template, fill, load_template, template_from_dict

# Loaded when first named: building the CLI's parser (every command) imports this package, and the runner brings
# the spec loader, the executors and multiprocessing with it.
_HOME = {"RayExecutor": "executors", "BatchResult": "runner", "Outcome": "runner", "render_many": "runner",
         "render_row": "runner", "safe_name": "runner", "read_table": "tables", "rows_from": "tables",
         "Template": "template", "fill": "template", "load_template": "template", "template_from_dict": "template"}

__all__ = ["FORMATS", "BatchResult", "Outcome", "RayExecutor", "Template", "fill", "load_template", "read_table",
           "render_many", "render_row", "rows_from", "safe_name", "template_from_dict"]


def __getattr__(name: str) -> object:
    if name in _HOME:
        from importlib import import_module

        return getattr(import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Many boards from one template: fill `{{column}}` placeholders from each table row, render on an executor."""

from __future__ import annotations

from .executors import RayExecutor
from .runner import BatchResult, Outcome, render_many, render_row, safe_name
from .tables import read_table, rows_from
from .template import Template, fill, load_template, template_from_dict

__all__ = ["BatchResult", "Outcome", "RayExecutor", "Template", "fill", "load_template", "read_table", "render_many",
           "render_row", "rows_from", "safe_name", "template_from_dict"]

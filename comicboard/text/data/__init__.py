"""Generated Unicode data tables (see tools/gen_linebreak.py)."""

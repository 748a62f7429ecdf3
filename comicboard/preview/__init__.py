"""Follow a spec while it is edited: `watch` re-renders its output on every save, `serve` shows it on a local page.

follow.py notices saves and rebuilds; build.py makes what the page shows (SVG pages, panels, located problems, or
the error); server.py is the page and its small JSON API; watch.py is the terminal's version.
"""

"""The machinery behind the site: runs snippets, draws figures, executes tutorials.

Nothing here is taught on the site; it is what keeps the promise that every line of code a
reader sees has run. ``tutorials_lib`` is the package the pages teach with.
"""

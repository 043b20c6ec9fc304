"""The vocabulary every stage shares, and small helpers with no knowledge of reports.

In: nothing. Out: where things are (``span``: a place in the text; ``location``: a place in the
file: a page line, a Word cell, a PDF box), what a finding is (``diagnostic``), which rules a
selector names (``selection``), and helpers (``memo``, ``pickled``, ``cachedir``, ``files``:
writing files atomically). Imports: the standard library and attrs only.
"""

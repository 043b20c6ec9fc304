"""Stage 3, analyse: syntax tree → :class:`~gialint.analyze.document.Document`, what rules read.

In: the tree (``parse``). Out: which table is table 2, 3 or 4 in which format version and which
(row, column) each cell is (``match``, ``matched``), the year (``year``), what the page states
(``meta``), what kind of file it is (``kind``), the suppression comments (``suppress``), the
options that steer it (``options``). Imports: ``base``, ``formats``, ``read``, ``parse``.
"""

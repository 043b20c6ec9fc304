"""Stage 2, parse: text → a located syntax tree (:class:`~gialint.parse.ast.Report`).

In: the text a reader made (``read``). Out: the tree of title, sections, paragraphs and tables,
every node and cell with its :class:`~gialint.base.span.Span`. ``lexer`` types each line with
the terminals of ``grammars/report.lark``, ``tables`` keeps the LALR tables lark builds,
``driver`` runs them and ``build`` makes the tree (``ast``); ``arrange``, ``linetables``,
``cues``, ``lines`` and ``outline`` decide what lines *say* (headings, tables found by their
labels, which heading is which section); ``values`` reads what a cell holds.
Imports: ``base``, ``formats``, ``read``.
"""

"""Stage 4, lint: Document → findings.

In: a :class:`~gialint.analyze.document.Document`. Out: a :class:`~gialint.lint.result.LintResult`
of :class:`~gialint.base.diagnostic.Diagnostic` s, each with its logical place (``place``).
``rule`` is the base class of every rule, ``registry`` loads them (entry points, selection by
code, prefix or name), ``linter`` runs them and applies suppressions; ``arithmetic`` and
``fixes`` are what rules share. Rule authors import from :mod:`gialint.rules_api`, not from here.
Imports: every earlier stage (``base`` … ``analyze``).
"""

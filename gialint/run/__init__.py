"""Stage 6, run: files → results, one or thousands.

In: paths, bytes or text, and :class:`~gialint.config.settings.Settings`. Out: a
:class:`~gialint.lint.result.LintResult` or a :class:`~gialint.lint.result.FileError` per file.
``api`` runs the stages for one file (read → parse → analyse → lint → locate in the file);
``batch`` runs many, in worker processes, with the result ``cache``; ``discover`` finds the
files of a directory; ``baseline`` hides the findings a team has accepted; ``progress`` shows
the bar. Imports: every earlier stage, ``config`` included.
"""

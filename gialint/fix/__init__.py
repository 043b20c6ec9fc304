"""Stage 7, fix: a report and its findings → the corrected report, written only when asked.

In: text or a Word file and the fixes rules attached to their findings. Out: the corrected text
(``fixer``: fixes applied pass after pass, re-linting, dropping what makes it worse), written
back in its encoding (``encoding``) or, for .docx, carried back into cells and runs (``docx``).
Imports: every earlier stage, ``run`` included (a Word file is re-linted through ``run.api``).
"""

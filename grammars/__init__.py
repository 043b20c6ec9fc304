"""Lark grammars shipped with gialint (installed as ``gialint.grammars``)."""

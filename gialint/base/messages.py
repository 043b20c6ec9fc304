"""What gialint says outside its findings, in Chinese and English: :func:`say` fills in a message
of the catalogue (:mod:`gialint.base.catalogue`), :class:`Failure` is an error that carries one.

A message is a :class:`~gialint.base.diagnostic.Text`; its placeholders are ``str.format``
fields, and the English text writes a word that agrees with a count as ``{n|finding|findings}``
(the singular when ``n`` is 1). A value that is itself a ``Text`` (another message, a reader's
error inside a configuration error) is put in the same language. Errors raised deep in the
readers do not know the run's language: they carry both, ``str(error)`` is the Chinese (the
default language, as ``str(diagnostic.message)`` is), and the command line prints
``error.text.get(lang)``.
"""

from __future__ import annotations

import re
import string
from typing import Any

from gialint.base.catalogue import SEVERITY
from gialint.base.diagnostic import Severity, Text
from gialint.base.precompiled import regex

#: ``{name|singular|plural}``: the English word for a count.
PLURAL = regex(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plurals(template: str, values: dict[str, Any]) -> str:
    return PLURAL.sub(lambda m: m[2] if values[m[1]] == 1 else m[3], template) if "|" in template else template


def _in(lang: str, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.get(lang) if isinstance(v, Text) else v for k, v in values.items()}


def as_text(message: Text | str) -> Text:
    """``message`` as a :class:`Text`: a plain string (from code outside gialint) is the same in both languages."""
    return message if isinstance(message, Text) else Text(message, message)


def say(message: Text | str, /, **values: Any) -> Text:
    """``message`` with ``values`` filled in, in both languages (a plain string is the same in both)."""
    message = as_text(message)
    if not values:
        return Text(message.zh, _plurals(message.en, values)) if "|" in message.en else message
    zh, en = _in("zh", values), _in("en", values)
    return Text(message.zh.format(**zh), _plurals(message.en, en).format(**en))


def placeholders(template: str) -> set[str]:
    """The names a template fills in (counts written in plural forms included)."""
    names = {m[1] for m in PLURAL.finditer(template)}
    names |= {field for _, field, _, _ in string.Formatter().parse(PLURAL.sub("", template)) if field}
    return {re.split(r"[.\[!:]", name)[0] for name in names}


def listed(items: list[str], lang: str, most: int) -> str:
    """The first ``most`` of ``items`` as a note names them ("a.doc、b.xls等" / "a.doc, b.xls, …")."""
    named = items[:most]
    more = len(items) > len(named)
    if lang == "en":
        return ", ".join(named) + (", …" if more else "")
    return "、".join(named) + ("等" if more else "")


def both(items: list[str], most: int) -> Text:
    """:func:`listed` in both languages."""
    return Text(listed(items, "zh", most), listed(items, "en", most))


class Failure(Exception):
    """An error whose one line is a message of the catalogue in both languages: ``str(error)`` is
    the Chinese, ``error.text.get(lang)`` either. A plain string (from code outside gialint) is
    the same in both."""

    def __init__(self, message: Text | str, /, **values: Any) -> None:
        text = say(as_text(message), **values)
        self.text = text
        super().__init__(text)

    def __str__(self) -> str:
        return self.text.zh

    def get(self, lang: str) -> str:
        return self.text.get(lang)


def first_line(value: object) -> str:
    """The first line of what a library's error says (the rest is its traceback or detail)."""
    text = str(value)
    return text.splitlines()[0] if text.strip() else text


def severity_labels(lang: str) -> dict[Severity, str]:
    """Each severity's name in ``lang``: 错误, 警告, 提示 or error, warning, info."""
    return {severity: text.get(lang) for severity, text in SEVERITY.items()}

"""Whether a page's source line (来源) names the publishing body or a medium: :func:`is_medium`.

Read by both the web page's metadata (:mod:`gialint.read.page_info`) and the crawler's header
lines in a report's text (:mod:`gialint.analyze.meta`); kept apart from the first so that a
run over text reports does not import the page reader, its patterns and its classes.
"""

from __future__ import annotations

#: The word of a source line (来源, 信息来源, 文章来源): it states the publishing body only when its
#: value is the name of one.
SOURCE = "来源"


def is_medium(word: str, value: str, body_endings: tuple[str, ...]) -> bool:
    """Whether ``value``, stated after ``word``, is a source that is a medium or a website (某某网,
    本站) rather than the publishing body: a 来源 that does not end like a body's name."""
    return SOURCE in word and bool(body_endings) and not value.endswith(body_endings)

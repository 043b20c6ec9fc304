"""The rule interface: a small class with its metadata and documentation.

A rule declares who it is (``code``, ``name``), what it says (``summary``,
``messages``), why (``rationale``), how loud (``severity``), which format versions it
applies to and whether it can be fixed. Its docstring is its documentation, in three
parts — *What it does*, *Why it matters*, *Example* (and *Fix* for a fixable rule) — and
the same parts in Chinese (*作用*, *意义*, *示例*, *修复*), from which ``gialint rule CODE``
and docs/rules.md are generated; ``rationale`` is a ``Text`` too, or a plain string that
serves both languages. ``check`` reads a :class:`~gialint.analyze.document.Document` and
yields diagnostics made with :meth:`Rule.diagnostic`, each with an optional
:class:`~gialint.base.diagnostic.Fix`; the settings a rule may depend on (the empty-cell
policy) are ``self.options``.

Third-party packages publish rules the same way the built-in ones are published: a
list of Rule classes under the ``gialint.rules`` entry-point group.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from gialint.analyze.options import DEFAULT_OPTIONS, LintOptions
from gialint.base.diagnostic import LANGUAGES, Diagnostic, Fix, Related, Severity, Text
from gialint.base.precompiled import regex
from gialint.base.span import Span

if TYPE_CHECKING:
    from gialint.analyze.document import Document
    from gialint.analyze.suppress import Unmatched

CODE = regex(r"^[A-Z]{2,5}\d{3}$")
NAME = regex(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_PARTS = ("What it does", "Why it matters", "Example")
#: The parts of a rule's documentation, keyed by their English headings, with their heading in
#: each language; ``Fix`` is for a fixable rule.
DOC_HEADINGS = {
    "What it does": Text("作用", "What it does"),
    "Why it matters": Text("意义", "Why it matters"),
    "Example": Text("示例", "Example"),
    "Fix": Text("修复", "Fix"),
}
ALL_VERSIONS: frozenset[str] = frozenset({"2019", "2021"})


class RuleDefinitionError(TypeError):
    """A rule class is missing metadata or has it in the wrong form."""


class RuleError(RuntimeError):
    """A rule raised an exception: a bug in that rule. (Here, not in the compiled
    gialint.lint.linter that raises it, so that it stays a Python class with its documentation.)"""


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[Text]
    #: The format or regulation the rule rests on: a ``Text``, or a plain ``str`` that serves
    #: both languages.
    rationale: ClassVar[Text | str]
    severity: ClassVar[Severity]
    messages: ClassVar[Mapping[str, Text]]
    versions: ClassVar[frozenset[str]] = ALL_VERSIONS
    fixable: ClassVar[bool] = False
    #: A finding of this rule is the file's only one (GIA206: the file is not a report, so
    #: nothing else said of it would mean anything); see :func:`gialint.lint.linter.lint_document`.
    sole: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if inspect.isabstract(cls) or cls.__dict__.get("abstract", False):
            return
        problems = []
        if not CODE.match(getattr(cls, "code", "")):
            problems.append("code must look like GIA101")
        if not NAME.match(getattr(cls, "name", "")):
            problems.append("name must be kebab-case")
        if not isinstance(getattr(cls, "summary", None), Text):
            problems.append("summary must be a Text(zh=…, en=…)")
        rationale = getattr(cls, "rationale", None)
        said = (rationale.zh, rationale.en) if isinstance(rationale, Text) else (rationale,)
        if not all(isinstance(text, str) and text.strip() for text in said):
            problems.append("rationale is required (a str, or a Text(zh=…, en=…))")
        if not isinstance(getattr(cls, "severity", None), Severity):
            problems.append("severity must be a Severity")
        messages = getattr(cls, "messages", None)
        if not messages or not all(isinstance(m, Text) for m in messages.values()):
            problems.append("messages must map keys to Text")
        doc = inspect.getdoc(cls) or ""
        missing = [part for part in DOC_PARTS if f"## {part}" not in doc]
        if missing:
            problems.append(f"docstring lacks sections: {', '.join(missing)}")
        if problems:
            raise RuleDefinitionError(f"{cls.__module__}.{cls.__qualname__}: {'; '.join(problems)}")

    def __init__(self, options: LintOptions = DEFAULT_OPTIONS, running_codes: frozenset[str] | None = None) -> None:
        self.options = options
        #: The codes of the rules that run with this one, when whoever runs the rules says (None:
        #: not known). A mistake that several rules could report goes to one of them that runs.
        self.running_codes = running_codes

    # ------------------------------------------------------------------ API for rules
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def check_suppressions(self, doc: Document, unmatched: Sequence[Unmatched]) -> Iterable[Diagnostic]:
        """Called once the other rules' findings are suppressed, with every suppression code that
        matched nothing (GIA901 uses it). Most rules need not define it."""
        return ()

    def diagnostic(
        self,
        span: Span,
        key: str = "default",
        *,
        expected: str | None = None,
        found: str | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        **values: Any,
    ) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=self.severity,
            span=span,
            message=self.messages[key].format(expected=expected, found=found, **values),
            expected=expected,
            found=found,
            related=tuple(related),
            fix=fix,
        )

    # ------------------------------------------------------------------ documentation
    @classmethod
    def documentation(cls, lang: str = "en") -> dict[str, str]:
        """The docstring's parts in ``lang``, keyed by their English headings ("What it does",
        "Why it matters", "Example", "Fix"): in Chinese the parts under 作用, 意义, 示例 and
        修复, each falling back to the English part where the docstring has no Chinese one (a
        third-party rule documented in English only). Other headings, and "intro" (what stands
        before the first), are kept as they are."""
        parts = cls._docstring_parts()
        headings = {text.get(language) for text in DOC_HEADINGS.values() for language in LANGUAGES}
        doc = {key: text for key, text in parts.items() if key not in headings}
        for key, heading in DOC_HEADINGS.items():
            text = parts.get(heading.get(lang)) or parts.get(key)
            if text is not None:
                doc[key] = text
        return doc

    @classmethod
    def _docstring_parts(cls) -> dict[str, str]:
        """The docstring's parts, keyed by their headings as written."""
        doc = inspect.getdoc(cls) or ""
        parts: dict[str, str] = {}
        current = "intro"
        for line in doc.splitlines():
            if line.startswith("## "):
                current = line[3:].strip()
                parts[current] = ""
            else:
                parts[current] = parts.get(current, "") + line + "\n"
        return {k: v.strip() for k, v in parts.items()}


def iter_rules(objects: Iterable[Any]) -> Iterator[type[Rule]]:
    """Rule classes from what an entry point gives: a class, or an iterable of classes."""
    for obj in objects:
        if isinstance(obj, type) and issubclass(obj, Rule):
            yield obj
        else:
            raise RuleDefinitionError(f"{obj!r} is not a gialint Rule class")

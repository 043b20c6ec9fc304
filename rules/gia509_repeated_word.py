from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, doubled_words, own_passages


class RepeatedWord(Rule):
    """
    ## What it does
    Flags a word written twice in a row in the prose — "资金资金", "公开公开", "的的" — at the
    second copy. Words of two to four Chinese characters are checked; a single character
    only where doubling it is never right ("的"). Proper reduplication (常常, 家家户户,
    一步一步, 研究研究) is not flagged, nor figures, dates, web addresses or punctuation, nor
    text that is not a sentence (table labels, cells joined into a line), nor the page
    above the report's title (a site's menus).

    ## Why it matters
    A doubled word is a typing slip that a spelling checker does not catch in Chinese.
    It is harmless to the figures, but a published report keeps it, and readers take it
    as a sign the text was not read through.

    ## Example
    "二是规范审核审核发布机制" gets `GIA509 “审核”连写了两次：“审核审核”`;
    "扎扎实实推进政务公开" and "层层落实责任" get nothing.

    ## 作用
    标出正文中连写两次的词——“资金资金”“公开公开”“的的”，问题标在第二次出现处。检查两到四个汉字的词；单个汉字只在其重叠绝不可能正确时才检查（“的”）。正常的叠词（常常、家家户户、一步一步、研究研究）不标出，数字、日期、网址和标点不标出，不成句的文字（表格标签、连成一行的单元格）以及报告标题之上的网页内容（网站的菜单）也不标出。

    ## 意义
    词语重复是中文拼写检查发现不了的打字失误。它无损于数字，但已经发布的报告会一直留着它，读者会把它看作文稿没有通读过的迹象。

    ## 示例
    “二是规范审核审核发布机制”报告 `GIA509 “审核”连写了两次：“审核审核”`；“扎扎实实推进政务公开”和“层层落实责任”不报告问题。
    """

    code = "GIA509"
    name = "repeated-word"
    summary = Text(zh="正文中同一个词连写两次", en="A word written twice in a row in the text")
    rationale = Text(
        zh="词语重复连写是打字失误；允许的叠词列于 content.toml。",
        en="A doubled word is a typing slip; the allowed reduplications are listed in content.toml.",
    )
    severity = Severity.INFO
    messages = {
        "default": Text(
            zh="“{word}”连写了两次：“{word}{word}”",
            en="“{word}” is written twice in a row: “{word}{word}”",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for doubled in doubled_words(own_passages(doc.passages, doc.report.title), doc.model):
            yield self.diagnostic(doubled.passage.span_of(doubled.start, doubled.end), word=doubled.word)

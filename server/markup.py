"""The light markup some source texts carry (document 004: `**bold**`, `*italics*`, `## headings`, `<sup>1</sup>`
footnote marks, `---` rules), rendered on the document page and removed from quotes shown elsewhere.

The seed texts stay verbatim (quotes and offsets refer to them); only what a page shows is changed. The document
page's text comes in pieces cut at quote boundaries (kg.document_texts `rendered`), and bold or a heading may run
over several: the state carries from piece to piece, and each piece's HTML closes what it opens, so the pieces
nest inside the links that mark the quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

TOKEN = re.compile(r"\*\*|\*|<sup>|</sup>|\n")
# A single asterisk is emphasis only in a pair around words on one line (`*al-Akhbar*`), not a lone star.
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])")
HEADING = re.compile(r"(#{1,6})[ \t]+")
RULE = re.compile(r"-{3,}[ \t]*(?=\n|$)")
FOOTNOTE = re.compile(r"<sup>[^<]{0,8}</sup>")


def plain(text: str | None) -> str:
    """The words without their markup: for a quote shown in its sentence away from its document."""
    if not text:
        return ""
    text = ITALIC.sub(r"\1", FOOTNOTE.sub("", text).replace("**", ""))
    return re.sub(r"(^|\n)#{1,6}[ \t]+", r"\1", text)


@dataclass
class Renderer:
    """Renders consecutive pieces of one text, carrying bold, superscript and heading state between them."""

    italics: frozenset[int] = frozenset()  # the offsets in the text of the asterisks that open or close italics
    bold: bool = False
    italic: bool = False
    sup: bool = False
    heading: int = 0  # the level of the heading line being rendered, 0 outside one
    line_start: bool = True

    def piece(self, text: str, start: int = 0) -> str:
        """The piece (at offset `start` of the text) as HTML, its words escaped."""
        out: list[str] = []
        pos = 0
        while pos < len(text):
            if self.line_start:
                self.line_start = False
                heading = HEADING.match(text, pos)
                if heading:
                    self.heading = len(heading.group(1))
                    pos = heading.end()
                    continue
                rule = RULE.match(text, pos)
                if rule:
                    out.append('<span class="md-rule" role="separator"></span>')
                    pos = rule.end()
                    continue
            token = TOKEN.search(text, pos)
            end = token.start() if token else len(text)
            if end > pos:
                out.append(self._wrap(text[pos:end]))
            if token is None:
                break
            word = token.group()
            if word == "**":
                self.bold = not self.bold
            elif word == "*":
                if start + token.start() in self.italics:
                    self.italic = not self.italic
                else:
                    out.append(self._wrap("*"))
            elif word == "<sup>":
                self.sup = True
            elif word == "</sup>":
                self.sup = False
            else:
                out.append("\n")
                self.heading, self.line_start = 0, True
            pos = token.end()
        return "".join(out)

    def _wrap(self, words: str) -> str:
        html = escape(words, quote=False)
        if self.sup:
            html = f"<sup>{html}</sup>"
        if self.italic:
            html = f"<em>{html}</em>"
        if self.bold:
            html = f"<strong>{html}</strong>"
        if self.heading:
            html = f'<span class="md-h md-h{self.heading}" role="heading" aria-level="{self.heading}">{html}</span>'
        return html


def render_pieces(segments: list[dict]) -> list[str]:
    """The HTML of each piece of a document's text (its `rendered` list), markup rendered, words escaped (a template
    marks it safe); excluded spans give ""."""
    end = max((seg["end"] for seg in segments), default=0)
    whole = ["\n"] * end  # excluded spans as line breaks: no emphasis runs across them
    for seg in segments:
        if "excluded" not in seg:
            whole[seg["start"]:seg["end"]] = seg["text"]
    italics = frozenset(i for m in ITALIC.finditer("".join(whole)) for i in (m.start(), m.end() - 1))
    renderer = Renderer(italics)
    out = []
    for seg in segments:
        if "excluded" in seg:
            out.append("")
            renderer.line_start = False
        else:
            out.append(renderer.piece(seg["text"], seg["start"]))
    return out

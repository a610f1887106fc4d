"""Markdown to safe HTML, and glossary terms linked where they first appear.

Summaries are stored as Markdown. `render_markdown` turns it into HTML and cleans it with an
nh3 allow-list: no scripts, no styles, no event handlers, links get rel="noopener", and images
only when they point at an uploaded image of this site. `link_glossary` then walks the clean HTML
and links the first use of each glossary term, never inside an existing link or a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

import markdown
import nh3

from coachbridge.engine import text as engine_text

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "code",
    "pre",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
IMAGE_SRC_RE = re.compile(r"^/knowledge/images/\d+/$")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not IMAGE_SRC_RE.match(value):
        return None  # only uploaded images of this site, never a remote tracker
    return value


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def split_paragraphs(source: str) -> list[str]:
    """The paragraphs of a Markdown text: its blocks separated by blank lines, in order."""
    text = (source or "").replace("\r\n", "\n").replace("\r", "\n")
    return [block.strip("\n") for block in _BLANK_LINE.split(text) if block.strip()]


def render_markdown(source: str) -> str:
    """Markdown to sanitised HTML (headings are shifted below the page's own h2)."""
    html = markdown.markdown(source or "", extensions=["sane_lists"], output_format="html")
    html = re.sub(r"<(/?)h[12](\s|>)", r"<\1h3\2", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer nofollow",
    )


@dataclass(frozen=True)
class GlossaryEntry:
    """A term to link: its words (stemmed, in the text's language) and where it points."""

    slug: str
    term: str
    explanation: str
    url: str


_TAG_RE = re.compile(r"(<[^>]*>)")
_SKIP_TAGS = {"a", "h3", "h4", "code", "pre"}


def _stems(words: str, lang: engine_text.Lang) -> list[str]:
    return [engine_text.stem(token.norm, lang) for token in engine_text.tokenize(words)]


class GlossaryLinker:
    """Links the first use of each term across several pieces of HTML (one item's sections)."""

    def __init__(self, entries: Iterable[GlossaryEntry], lang: engine_text.Lang) -> None:
        self.lang = lang
        self.entries = [(entry, _stems(entry.term, lang)) for entry in entries]
        self.entries = [(entry, stems) for entry, stems in self.entries if stems]
        # longer terms first: "systematic review" before "review"
        self.entries.sort(key=lambda pair: -len(pair[1]))
        self.done: set[str] = set()

    def link(self, html: str) -> str:
        out: list[str] = []
        skip_depth = 0
        for piece in _TAG_RE.split(html):
            if piece.startswith("<"):
                name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
                if name and name.group(1).lower() in _SKIP_TAGS:
                    skip_depth += -1 if piece.startswith("</") else 1
                out.append(piece)
            elif piece and skip_depth <= 0:
                out.append(self._link_text(piece))
            else:
                out.append(piece)
        return "".join(out)

    def _link_text(self, text: str) -> str:
        tokens = engine_text.tokenize(text)
        if not tokens:
            return text
        stems = [engine_text.stem(token.norm, self.lang) for token in tokens]
        hits: list[tuple[int, int, GlossaryEntry]] = []
        taken: set[int] = set()
        for entry, term_stems in self.entries:
            if entry.slug in self.done:
                continue
            size = len(term_stems)
            for first in range(len(tokens) - size + 1):
                span = range(first, first + size)
                if stems[first : first + size] == term_stems and not taken.intersection(span):
                    hits.append((tokens[first].start, tokens[first + size - 1].end, entry))
                    taken.update(span)
                    self.done.add(entry.slug)
                    break
        if not hits:
            return text
        out: list[str] = []
        position = 0
        for start, end, entry in sorted(hits, key=lambda hit: hit[0]):
            out.append(text[position:start])
            out.append(
                f'<a class="glossary-term" href="{escape(entry.url)}" '
                f'title="{escape(entry.explanation)}">{text[start:end]}</a>'
            )
            position = end
        out.append(text[position:])
        return "".join(out)

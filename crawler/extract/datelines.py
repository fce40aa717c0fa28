"""Printed datelines: the dates a page shows its reader, found in its markup without knowing its portal.

`find_printed_dates` looks at three places, in one bounded pass each:

- ``time``: the text of `<time>` elements (the printed text, not their ``datetime`` attribute);
- ``class``: elements whose class, id or itemprop names a date or time (``date``, ``time``, ``pubdate``,
  ``post-time``, ``publish``, ``ngay-dang``, ``datetime``, ``detail-time``, ``article__meta``, ``meta``,
  ``update`` ..., as words: ``datePublished`` and ``post-update`` count, ``timeline`` and ``template`` do not);
- ``near-title``: short blocks beside the title (the `<h1>`'s following siblings and its ancestors', up to
  the first body paragraphs, and a few preceding ones) that read as a full dateline.

A dateline is cut out of the text around it (``Thứ bảy, 07/03/2026 - 08:07 | Chính trị``, ``Nguyễn Văn A -
07/03/2026 08:47``, ``Cập nhật: 15:35, 24/03/2021 (GMT+7)``) by a cheap regex before `parse_date` reads it;
each distinct text is parsed once. Rules:

- skipped: anything inside ``nav``, ``footer``, ``aside``, a site masthead (a ``header`` without the title,
  outside any ``article``), and boxes whose class or id says related, tin-lien-quan, other, comment,
  sidebar, box-news, most-read, widget ... (unless the box holds the title: then it is the article);
- a date inside body paragraphs is not a dateline: near the title only short blocks are read, and the
  window closes once body-length text has gone by; off the header, dates in list items and links (listings)
  are skipped;
- ``kind`` comes from the label before the date (``Cập nhật``, ``Updated``, ``Sửa đổi``: modified;
  ``Đăng``, ``Ngày đăng``, ``Xuất bản``, ``Đăng lúc``: published), else from the attribute
  (``dateModified``, ``update``; ``datePublished``, ``pubdate``), else unknown;
- results come best first: in the header before elsewhere; then with a clock time before day-only; then
  published, unknown, modified; then ``time``, ``class``, ``near-title``; then page order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import ParsedDate, parse_date
from crawler.text import normalize_text

Kind = Literal["published", "modified", "unknown"]
Where = Literal["time", "class", "near-title"]


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A dateline printed on the page, as read."""

    text: str
    """The dateline as printed (whitespace normalized), e.g. ``Thứ bảy, 07/03/2026 - 08:07``."""
    parsed: ParsedDate
    """What `parse_date` read (its value is never None here)."""
    kind: Kind
    where: Where
    """How it was found: a `<time>` element, a date-naming class/id/itemprop, or text near the title."""
    in_header: bool
    """Whether it sits in the article header: near the title, before the body."""
    element: HtmlElement
    """The innermost element holding the whole dateline."""


# --- limits (the finder runs on every article page) ---------------------------------------------------

_MAX_NAMED = 300  # elements that name a date looked at, in page order
_MAX_READ = 60  # of those, elements whose text is read
_MAX_TEXT = 200  # a longer element is a container, not a dateline
_NEAR_MAX_TEXT = 160
_NEAR_LEFTOVER = 60  # characters around a near-title date (author, section): more is a sentence
_NEAR_WORDS = 8
_FORWARD_BUDGET = 700  # characters of long text (the lead, then the body) after the title before it closes
_BACKWARD_BUDGET = 300
_WINDOW_ELEMENTS = 30
_WINDOW_LEVELS = 3  # ancestors of the title whose siblings are in the window
_DESCEND_DEPTH = 3

# --- markup -------------------------------------------------------------------------------------------

# A word in an attribute value: after a non-letter or at a camelCase hump, before a non-lowercase letter.
_START = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
_END = r"(?![a-z])"
_DATE_WORDS = (
    "date|dates|time|times|datetime|pubdate|post-?time|publish|published|publishdate|ngay-?dang|ngay|"
    "ngay-?cap-?nhat|thoi-?gian|detail-?time|dateline|timestamp|meta|update|updated|modified|created"
)
_DATE_ATTR = re.compile(rf"{_START}(?i:{_DATE_WORDS}){_END}")
_MODIFIED_ATTR = re.compile(r"(?i:modif|update|cap-?nhat|sua-?doi)")
_PUBLISHED_ATTR = re.compile(r"(?i:publish|pubdate|ngay-?dang|ngaydang|created|post-?time|posted)")
_SKIP_WORDS = (
    "related|relate|lienquan|lien-quan|tin-lien-quan|tinlienquan|other|others|tin-?khac|tinkhac|comment|"
    "comments|binh-?luan|sidebar|side-bar|side|box-?news|most-?read|most-?view|mostread|doc-?nhieu|"
    "xem-?nhieu|widget|footer|popular|trending|latest|tin-?moi|recommend|suggest|more-?news|same-?cat"
)
_SKIP_ATTR = re.compile(rf"{_START}(?i:{_SKIP_WORDS})")
# (not form: ASP.NET pages wrap the whole page in one)
_SKIP_TAGS = frozenset(
    {"nav", "footer", "aside", "script", "style", "noscript", "template", "select", "figure", "figcaption"}
)

# Elements that may name a date: every `<time>`, and elements whose class or id holds a fragment of a date
# word, or that have an itemprop (tested in C on the attribute nodes: a tenth of the cost of making every
# element with a class a Python object); _DATE_ATTR decides, and the exclusions are decided once per ancestor.
_FRAGMENTS = ("ate", "ime", "eta", "gay", "ublish", "odif", "hoi", "ATE", "IME")
_FRAGMENT_TEST = " or ".join(f"contains(.,'{f}')" for f in _FRAGMENTS)
_QUERY = etree.XPath(
    f"//time|//@class[{_FRAGMENT_TEST}]/..|//@id[{_FRAGMENT_TEST}]/..|//@itemprop/..|//@data-role[{_FRAGMENT_TEST}]/.."
)
_NOT_CONTENT = frozenset({"meta", "link", "script", "style", "html", "body", "head"})

# --- text ---------------------------------------------------------------------------------------------

_WEEKDAY = (
    r"thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t\.?\s*[2-7]"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
)
_CLOCK = (
    r"\d{1,2}\s*(?::\s*\d{2}(?::\d{2})?|[hg]\s*(?:\d{2}(?!\d)\s*'?|(?!\d)))"
    r"(?:\s*(?:sa|ch|am|pm|a\.m\.|p\.m\.)(?![^\W_]))?"
)
_DAY = (
    r"(?<!\d)(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}(?:[tT ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[zZ]|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}/\d{1,2}/\d{1,2}"
    r"|\d{1,2}\s*tháng\s*\d{1,2}\s*(?:năm\s*|,\s*|/\s*)?\d{4}"
    r"|\d{1,2}\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{1,2},?\s*\d{4}"
    r")(?!\d)"
)
_GAP = r"\s*[,\-–—|/•·]?\s*"
_ZONE = r"\s*\(?\s*(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?"
# [weekday] [clock] [ngày] date [lúc] [clock] [zone]: the span `parse_date` is given.
_SPAN = re.compile(
    rf"(?:(?<![^\W_])(?:{_WEEKDAY}){_GAP}(?:ngày\s*)?)?"
    rf"(?:(?<!\d)(?:{_CLOCK}){_GAP}(?:ngày\s*)?)?"
    rf"{_DAY}"
    rf"(?:{_GAP}(?:(?:vào\s*)?lúc\s*)?(?<![\d:])(?:{_CLOCK})(?![\d/.\-]))?"
    rf"(?:{_ZONE})?",
    re.IGNORECASE,
)
# Where a date may start: digits with a date separator or "tháng" after them; English month names.
_ANCHOR = re.compile(r"\d(?:\s*[/.\-]\s*\d|\s*th(?:á|a\u0301?)ng)", re.IGNORECASE)  # NFD too
_EN_ANCHOR = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d", re.IGNORECASE)
# A relative form alone in a date-named element: ``3 giờ trước``, ``vừa xong``, ``hôm qua 15:35``.
_RELATIVE = re.compile(
    r"(?:\d{1,4}\s*(?:giây|phút|giờ|tiếng|ngày|tuần|tháng)\s*trước|vừa\s*xong|vừa\s*mới"
    r"|(?:hôm\s*qua|hôm\s*nay)(?:,?\s*(?:lúc\s*)?\d{1,2}[:h]\d{2})?)",
    re.IGNORECASE,
)
_MODIFIED_LABEL = r"cập\s*nh[ậa]t|cập\s*nhập|updated?|last\s*modified|modified|sửa\s*đổi|chỉnh\s*sửa"
_PUBLISHED_LABEL = r"ngày\s*đăng|đăng(?!\s*(?:ký|nhập|xuất))|xuất\s*bản|posted|published|phát\s*hành"
_LABEL = re.compile(rf"(?<![^\W_])(?:({_MODIFIED_LABEL})|({_PUBLISHED_LABEL}))(?![^\W_])", re.IGNORECASE)
_LABEL_REACH = 40  # characters before a date in which its label is looked for
_TIMED = frozenset({"hour", "minute", "second"})
_KIND_ORDER = {"published": 0, "unknown": 1, "modified": 2}
_WHERE_ORDER = {"time": 0, "class": 1, "near-title": 2}


# --- the finder ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    text: str
    parsed: ParsedDate
    kind: Kind
    where: Where
    in_header: bool
    element: HtmlElement
    order: int


class _Page:
    """State of one search: caches of what was decided about elements and texts."""

    __slots__ = ("excluded", "found", "header", "parsed", "relative_to", "title", "title_line")

    def __init__(self, title: HtmlElement | None, relative_to: datetime | None) -> None:
        self.title = title
        self.title_line: frozenset[HtmlElement] = (
            frozenset(title.iterancestors()) if title is not None else frozenset()
        )
        self.relative_to = relative_to
        self.excluded: dict[HtmlElement, bool] = {}
        self.parsed: dict[str, ParsedDate] = {}
        self.header: set[HtmlElement] = set()
        self.found: list[_Found] = []

    def parse(self, text: str) -> ParsedDate:
        parsed = self.parsed.get(text)
        if parsed is None:
            parsed = self.parsed[text] = parse_date(text, relative_to=self.relative_to)
        return parsed

    def is_excluded(self, el: HtmlElement) -> bool:
        """Whether ``el`` or an ancestor is a navigation, footer, sidebar, related or comment box."""
        chain: list[HtmlElement] = []
        node: HtmlElement | None = el
        verdict = False
        while node is not None:
            known = self.excluded.get(node)
            if known is not None:
                verdict = known
                break
            chain.append(node)
            if self._excludes(node):
                verdict = True
                break
            node = node.getparent()
        for seen in chain:
            self.excluded[seen] = verdict
        return verdict

    def _excludes(self, el: HtmlElement) -> bool:
        tag = el.tag
        if not isinstance(tag, str):
            return False
        if el in self.title_line:
            return False  # a box holding the title is the article
        if tag in _SKIP_TAGS:
            return True
        if tag == "header" and self.title is not None and next(el.iterancestors("article"), None) is None:
            return True  # the site's masthead (its "today" date), not the article's header
        for attr in ("class", "id"):
            value = el.get(attr)
            if value and _SKIP_ATTR.search(value) is not None:
                return True
        return False

    def in_header(self, el: HtmlElement) -> bool:
        if not self.header:
            return False
        node: HtmlElement | None = el
        for _ in range(12):
            if node is None:
                return False
            if node in self.header:
                return True
            node = node.getparent()
        return False

    def add(self, text: str, el: HtmlElement, where: Where, *, attr_kind: Kind = "unknown") -> None:
        """Every dateline in the (normalized, short) text of ``el``."""
        end = 0
        seen = False
        for m in _spans(text):
            seen = True
            span = m.group()
            parsed = self.parse(span)
            start = m.start()
            prefix = text[max(end, start - _LABEL_REACH) : start]
            end = m.end()
            if parsed.value is None:
                continue
            if where == "near-title" and (
                (parsed.precision not in _TIMED and parsed.precision != "day")
                or not _reads_as_dateline(text, span)
            ):
                continue
            kind = _label_kind(prefix) or (
                _label_kind(_before(el)) if start == 0 or not prefix.strip() else None
            )
            self._record(span, parsed, kind or attr_kind, where, el, near=where == "near-title")
        if not seen and where != "near-title" and len(text) <= 40:
            rel = _RELATIVE.search(text)
            if rel is not None:
                parsed = self.parse(rel.group())
                if parsed.value is not None:
                    kind = _label_kind(text[: rel.start()]) or attr_kind
                    self._record(rel.group(), parsed, kind, where, el, near=False)

    def _record(
        self, span: str, parsed: ParsedDate, kind: Kind, where: Where, el: HtmlElement, *, near: bool
    ) -> None:
        holder = _holder(el, span)
        header = near or self.in_header(holder)
        if not header and _in_listing(holder):
            return  # a listing's date, off the article header
        for f in self.found:
            same = f.text == span or (f.parsed.value == parsed.value and (span in f.text or f.text in span))
            if same and (f.element is holder or _related(f.element, holder)):
                if f.element is not holder and _contains(f.element, holder):
                    f.element = holder  # keep the innermost
                if len(span) > len(f.text):
                    f.text, f.parsed = span, parsed
                f.in_header = f.in_header or header
                if f.kind == "unknown":
                    f.kind = kind
                return
        self.found.append(_Found(span, parsed, kind, where, header, holder, len(self.found)))


def _spans(text: str) -> Iterator[re.Match[str]]:
    """The datelines in ``text``, in order: _SPAN run from a little before each date-like spot (running it
    over the whole text costs ten times more: it tries a weekday and a clock at every letter)."""
    anchors = list(_ANCHOR.finditer(text)) or list(_EN_ANCHOR.finditer(text))
    end = 0
    for anchor in anchors:
        at = anchor.start()
        if at < end:
            continue
        m = _SPAN.search(text, max(end, at - _LABEL_REACH))
        if m is not None and m.start() <= at < m.end():
            end = m.end()
            yield m


def _label_kind(prefix: str) -> Kind | None:
    """The kind the last label in ``prefix`` names, if any."""
    labels = _LABEL.findall(prefix)
    if not labels:
        return None
    return "modified" if labels[-1][0] else "published"


def _reads_as_dateline(text: str, span: str) -> bool:
    """Whether the words around ``span`` are a dateline's (an author, a section, a label), not a sentence."""
    rest = text.replace(span, " ").strip(" |-–—,;:()[]•·/")
    words = [w for w in rest.split() if any(c.isalnum() for c in w)]  # separators such as `|` are no words
    if len(rest) > _NEAR_LEFTOVER or len(words) > _NEAR_WORDS:
        return False
    return not (rest.endswith((".", "!", "?", "…")) and len(words) >= 4)  # initials end with "." too


def _before(el: HtmlElement) -> str:
    """Short text just before ``el``: a label in the previous sibling or the parent's leading text."""
    prev = el.getprevious()
    if prev is not None:
        text = prev.text_content() + (prev.tail or "")
    else:
        parent = el.getparent()
        text = (parent.text or "") if parent is not None else ""
    if len(text) > 3 * _LABEL_REACH or _ANCHOR.search(text) is not None:
        return ""  # not a label: a sentence, or another dateline with its own
    return normalize_text(text[-_LABEL_REACH:])


def _in_listing(el: HtmlElement) -> bool:
    """Whether ``el`` is or sits in a list item or a link (a listing's date, when off the header)."""
    return el.tag in ("li", "a") or next(el.iterancestors("li", "a"), None) is not None


def _text(el: HtmlElement) -> str:
    """The element's text, normalized, with a space between its elements' texts."""
    return normalize_text(" ".join(el.itertext()))


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(a is outer for a in inner.iterancestors())


def _related(a: HtmlElement, b: HtmlElement) -> bool:
    return _contains(a, b) or _contains(b, a)


def _holder(el: HtmlElement, span: str) -> HtmlElement:
    """The innermost element under ``el`` whose text holds the whole ``span``."""
    node = el
    while True:
        for child in node:
            if isinstance(child.tag, str) and span in _text(child):
                node = child
                break
        else:
            return node


def _attr_kind(el: HtmlElement) -> Kind:
    values = " ".join(v for v in (el.get("itemprop"), el.get("class"), el.get("id")) if v)
    if _MODIFIED_ATTR.search(values):
        return "modified"
    if _PUBLISHED_ATTR.search(values):
        return "published"
    return "unknown"


def _names_a_date(el: HtmlElement) -> bool:
    for attr in ("class", "id", "itemprop", "data-role"):
        value = el.get(attr)
        if value and _DATE_ATTR.search(value) is not None:
            return True
    return False


def find_title(doc: HtmlElement) -> HtmlElement | None:
    """The article's `<h1>`: the first with a title's length outside navigation and footers, else the first."""
    first = None
    for h1 in doc.iter("h1"):
        if any(a.tag in ("nav", "footer", "aside") for a in h1.iterancestors()):
            continue
        text = _text(h1)
        if not text:
            continue
        if len(text) >= 15:
            return h1
        first = first if first is not None else h1
    return first


def _window(page: _Page, title: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Short blocks around the title (in page order after it, then before it), with their text.

    After the title: its following siblings, then its ancestors', descending into long blocks, until body-length
    text has gone by. Before it: the preceding siblings, nearest first, with a smaller budget.
    """
    out: list[tuple[HtmlElement, str]] = []
    budget = [_FORWARD_BUDGET, _WINDOW_ELEMENTS]

    def visit(el: HtmlElement, depth: int) -> bool:
        """False once the window has closed."""
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or page.is_excluded(el):
            return True
        budget[1] -= 1
        if budget[1] < 0:
            return False
        raw = el.text_content()
        if len(raw) <= 2 * _NEAR_MAX_TEXT:
            collapsed = " ".join(raw.split())
            if len(collapsed) <= _NEAR_MAX_TEXT:
                if collapsed:
                    page.header.add(el)
                    if _ANCHOR.search(collapsed) is not None:
                        out.append((el, _text(el)))
                return True
        if el.tag != "p" and depth < _DESCEND_DEPTH and len(el):
            lead = el.text
            if lead and _ANCHOR.search(lead) is not None and len(lead) <= 2 * _NEAR_MAX_TEXT:
                out.append((el, normalize_text(lead)))
            return all(visit(child, depth + 1) for child in el)
        budget[0] -= len(raw)
        return budget[0] > 0

    levels = _levels(title)
    for node in levels:
        if not all(visit(sibling, 0) for sibling in node.itersiblings()):
            break

    # Before the title, nearest first, until the page's chrome (navigation, masthead, a sidebar) begins.
    chars, elements = _BACKWARD_BUDGET, _WINDOW_ELEMENTS // 2
    for node in levels:
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style", "noscript"):
                continue
            if sibling.tag in _SKIP_TAGS or sibling.tag == "header" or page.is_excluded(sibling):
                return out
            raw = sibling.text_content()
            collapsed = " ".join(raw.split()) if len(raw) <= 2 * _NEAR_MAX_TEXT else raw
            if collapsed and len(collapsed) <= _NEAR_MAX_TEXT:
                page.header.add(sibling)
                if _ANCHOR.search(collapsed) is not None:
                    out.append((sibling, _text(sibling)))
            else:
                chars -= len(raw)
            elements -= 1
            if chars <= 0 or elements <= 0:
                return out
    return out


def _levels(title: HtmlElement) -> list[HtmlElement]:
    """The title and its ancestors whose siblings are in the window: a few, never past `<article>` or `<body>`."""
    levels = [title]
    node = title.getparent()
    while node is not None and len(levels) <= _WINDOW_LEVELS and node.tag not in ("body", "html"):
        if node.tag == "article":
            break
        levels.append(node)
        node = node.getparent()
    return levels


def _shared_depth(el: HtmlElement, depths: dict[HtmlElement, int]) -> int:
    """The depth of the deepest ancestor ``el`` shares with the title (``depths``: the title's ancestors)."""
    for node in (el, *el.iterancestors()):
        depth = depths.get(node)
        if depth is not None:
            return depth
    return 0


def find_printed_dates(
    doc: HtmlElement, *, title: HtmlElement | None = None, relative_to: datetime | None = None
) -> list[PrintedDate]:
    """The datelines the page prints, best first (see the module's rules); [] when it prints none.

    ``title`` is the article's `<h1>` (found when not given); ``relative_to`` is the fetch time, as for
    `parse_date`.
    """
    if title is None:
        title = find_title(doc)
    page = _Page(title, relative_to)
    near = _window(page, title) if title is not None else []

    named = read = 0
    for el in _QUERY(doc):
        is_time = el.tag == "time"
        if el is title or el.tag in _NOT_CONTENT or (not is_time and not _names_a_date(el)):
            continue
        named += 1
        if named > _MAX_NAMED or read >= _MAX_READ:
            break
        if page.is_excluded(el) or (title is not None and _in_listing(el) and not page.in_header(el)):
            continue
        raw = el.text_content()
        if not raw or len(raw) > 2 * _MAX_TEXT:
            continue
        read += 1
        if _ANCHOR.search(raw) is None and _EN_ANCHOR.search(raw) is None and len(raw.strip()) > 40:
            continue  # no date, and too long for a relative form alone
        text = _text(el)
        if text and len(text) <= _MAX_TEXT:
            page.add(text, el, "time" if is_time else "class", attr_kind=_attr_kind(el))

    for el, text in near:
        page.add(text, el, "near-title")

    depths = (
        {a: i for i, a in enumerate(reversed([title, *title.iterancestors()]))} if title is not None else {}
    )
    found = sorted(
        page.found,
        key=lambda f: (
            not f.in_header,
            f.parsed.precision not in _TIMED,
            -_shared_depth(f.element, depths),  # nearer the title first: story cards below share less of it
            _KIND_ORDER[f.kind],
            _WHERE_ORDER[f.where],
            f.order,
        ),
    )
    return [PrintedDate(f.text, f.parsed, f.kind, f.where, f.in_header, f.element) for f in found]


__all__ = ["PrintedDate", "find_printed_dates", "find_title"]

"""Cleanup rules applied to what the selector and generic layers find.

- A body element becomes paragraphs (one per block: p, headings, list items, blockquote, table cells, `<br>`
  breaks) and images with their captions; captions, alt text, scripts and whatever the `drop` selectors name
  never reach the text.
- An outlet tag opening the lead or first paragraph (`(ABO)`, `(HNM) –`, `ĐTO -`) becomes `source_tag`.
- An author line closing the body (`HOÀI THU`, `Bài, ảnh: THANH HÀ`, `Tin, ảnh: P.Y`, `NGỌC ANH - P.Y`,
  `Bài: X - Ảnh: Y`) becomes authors, title-cased the Vietnamese way with initials kept (`P.Y`, `Q.Nguyễn`);
  a credit line (`Theo TTXVN`, `(ST)`) and a photo credit alone (`Ảnh: THANH HÀ`: the photographer, not the
  writer) are removed without naming an author.
- Site names trailing a title (`… - Báo Ấp Bắc`, `… | Tuổi Trẻ Online`) are stripped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.model import ImageRef
from crawler.text import normalize_text

# --------------------------------------------------------------------------------------------- CSS selectors


@lru_cache(maxsize=1024)
def compile_css(css: str) -> etree.XPath:
    """A CSS selector compiled once to an XPath usable on any element (matches the element itself too)."""
    from parsel.csstranslator import HTMLTranslator

    return etree.XPath(HTMLTranslator().css_to_xpath(css))


def select(root: HtmlElement, css: str) -> list[HtmlElement]:
    """Elements under (or at) `root` matching `css`; an invalid selector matches nothing."""
    try:
        found = compile_css(css)(root)
    except Exception:  # a selector cssselect cannot translate, or an XPath error: no match, never a crash
        return []
    return [e for e in found if isinstance(e, HtmlElement)] if isinstance(found, list) else []


# ------------------------------------------------------------------------------------------ small predicates

_PUNCT_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"})


def is_lone_punctuation(paragraph: str) -> bool:
    """A paragraph made only of punctuation and symbols (`.`, `…`, `***`, `-`), which carries no text."""
    stripped = paragraph.replace(" ", "")
    return bool(stripped) and all(unicodedata.category(c) in _PUNCT_CATEGORIES for c in stripped)


def _is_upper(s: str) -> bool:
    """All cased letters are capitals and there is at least one (Vietnamese capitals included)."""
    return s.isupper()


# ------------------------------------------------------------------------------------------------ source tag

_SOURCE_TAG = re.compile(
    r"^\(\s*(?P<paren>[^\W\d_]{2,8})\s*\)\s*(?:[-–—:]\s*)?"
    r"|^(?P<bare>[^\W\d_]{2,8})(?:\s+[-–—]\s*|\s*[-–—]\s+)"
)


def split_source_tag(text: str) -> tuple[str | None, str]:
    """`(ABO) Đó là …` → (`ABO`, `Đó là …`); a text without an opening outlet tag comes back unchanged.

    An outlet tag is 2–8 capital letters (Vietnamese capitals included) in parentheses, optionally followed by
    a dash, or bare and followed by a dash (`ĐTO - …`).
    """
    match = _SOURCE_TAG.match(text)
    if not match:
        return None, text
    tag = match.group("paren") or match.group("bare")
    rest = text[match.end() :].lstrip(" -–—:")
    if not _is_upper(tag) or not rest:
        return None, text
    return tag, rest


# --------------------------------------------------------------------------------------------------- authors

_TEXT_ROLES = ("bài", "tin", "thực hiện", "ghi chép", "ghi", "nội dung")
_MEDIA_ROLES = ("ảnh", "video", "clip", "đồ họa", "đồ hoạ", "thiết kế", "trình bày")
_ROLE_WORDS = "(?:" + "|".join(_TEXT_ROLES + _MEDIA_ROLES) + ")"
_ROLE_WORD = re.compile(_ROLE_WORDS, re.IGNORECASE)
# A role label (`Bài, ảnh:`, `Tin - ảnh:`, `Bài và ảnh:`): at the start of a line or after a separator, so
# `Thông tin: …` is no label.
_ROLE_LABEL = re.compile(
    rf"(?:^|(?<=[-–—,;|.])|(?<=[-–—,;|.]\s))\s*"
    rf"(?P<roles>{_ROLE_WORDS}(?:\s*(?:,|và|/|&|\+|-)\s*{_ROLE_WORDS})*)\s*:\s*",
    re.IGNORECASE,
)
_SEGMENT_EDGES = " -–—,;|:"
_REPORTER_PREFIX = re.compile(
    r"^(?:nhóm\s+(?:pv|phóng\s+viên)|pv|ctv|phóng\s+viên)\b\.?\s*:?\s*", re.IGNORECASE
)
_CREDIT = re.compile(r"^\(?\s*(?:theo|nguồn)\s*:?\s+(?P<source>[^()]+?)\s*\)?\s*\.?$", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"\s*\((?:[^()]{1,30})\)\s*$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:[-–—]+|,|;|/|&|\+|\bvà\b)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.'’])*$")
_SENTENCE_END = ("!", "?", "…", ":", ";", ",")
# Short capitalized lines closing an article that are not names.
_NOT_NAMES = frozenset(
    {"hết", "kết thúc", "còn nữa", "còn tiếp", "tin liên quan", "xem thêm", "video", "ảnh"}
)
# News agencies and compilation marks standing where a name would (`MINH ĐỨC/TTXVN`, `(ST)`): credits.
_AGENCIES = frozenset({"ttxvn", "vna", "ttxvn/vietnam+", "vietnam+", "st", "sưu tầm", "tổng hợp"})
_COMPILED = _AGENCIES | {"th", "th/st"}
"""What a closing line in parentheses alone credits (`(ST)`, `(TH)`: collected, compiled)."""


_OUTLET_PREFIXES = ("báo ", "tạp chí ", "đài ", "trang ", "cổng ", "hãng ")


def _is_credit_source(source: str) -> bool:
    """`TTXVN`, `Dân trí`, `báo Nhân Dân`: short and named like an outlet, unlike `kế hoạch, …`."""
    words = source.split()
    if not 1 <= len(words) <= 8:  # `Theo Bảo hiểm xã hội TP Hà Nội`
        return False
    return source[0].isupper() or source.casefold().startswith(_OUTLET_PREFIXES)


# The family names that open most Vietnamese names: `Theo Phạm Trường` credits a person, `Theo Lao Động`
# an outlet. (Pen names without a family name stay credits: nothing tells them from an outlet's name.)
_FAMILY_NAMES = frozenset(
    [
        "nguyễn",
        "trần",
        "lê",
        "phạm",
        "hoàng",
        "huỳnh",
        "phan",
        "vũ",
        "võ",
        "đặng",
        "bùi",
        "đỗ",
        "hồ",
        "ngô",
        "dương",
        "lý",
        "đào",
        "đoàn",
        "vương",
        "trịnh",
        "trương",
        "lâm",
        "phùng",
        "mai",
        "tô",
        "tạ",
        "hà",
        "lương",
        "cao",
        "quách",
        "thái",
        "châu",
        "kiều",
        "đinh",
        "lưu",
        "triệu",
        "chu",
        "hứa",
        "âu",
        "giang",
        "khúc",
        "mạc",
        "nghiêm",
        "văn",
        "tăng",
        "từ",
        "lục",
        "la",
    ]
)


def _is_person(source: str) -> bool:
    """Whether a credited source is a person's name: two to four capitalized syllables, a family name first."""
    words = source.split()
    return (
        2 <= len(words) <= 4
        and words[0].casefold() in _FAMILY_NAMES
        and all(w[:1].isupper() and not w.isupper() for w in words)
    )


_GLUED_AGENCY = re.compile(r"([^\W\d_A-ZĐ])([A-ZĐ]{3,})$")
"""An agency glued to a name by a CMS that dropped the separator: `Tâm HằngTTXVN`."""

_VOWELS = frozenset("aeiouy")
_NAME_JOINS = re.compile(r"([.'’-])")


def _has_vowel(word: str) -> bool:
    """Whether a word holds a vowel (any Vietnamese vowel, with or without its marks): every syllable does."""
    base = unicodedata.normalize("NFD", word.lower()).replace("đ", "d")
    return any(c in _VOWELS for c in base)


def vietnamese_title_case(name: str) -> str:
    """`HOÀI THU` → `Hoài Thu`, `ĐẶNG VĂN ĐỨC` → `Đặng Văn Đức`: each syllable's first letter a capital.

    Initials keep theirs (`P.Y`, `N.V.A`, `Q.NGUYỄN` → `Q.Nguyễn`), as do syllables after an apostrophe or a
    hyphen (`H'HEN NIÊ` → `H'Hen Niê`); a word without a vowel is an acronym and stays (`TP`, `PV`).
    """

    def cap(syllable: str) -> str:
        if not _has_vowel(syllable):
            return syllable
        lowered = syllable.lower()
        for i, ch in enumerate(lowered):
            if ch.isalpha():
                return lowered[:i] + ch.upper() + lowered[i + 1 :]
        return lowered

    def word_case(word: str) -> str:
        pieces = _NAME_JOINS.split(word)
        return "".join(cap(p) if i % 2 == 0 else p for i, p in enumerate(pieces))

    return " ".join(word_case(word) for word in normalize_text(name).split(" ") if word)


def _looks_like_name(name: str) -> bool:
    words = name.split(" ")
    if not 1 <= len(words) <= 5:
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    # Each word starts with a capital: `Hoài Thu`, `HOÀI THU`, `Nguyễn V. A`, `P.Y`.
    return all(w[0].isupper() for w in words)


def _credits(text: str) -> list[tuple[frozenset[str], str]]:
    """A byline as (roles, names) segments: `Bài: HOÀNG ANH - Ảnh: THANH TÙNG` → [({bài}, `HOÀNG ANH`),
    ({ảnh}, `THANH TÙNG`)]; `Tin, ảnh: P.Y` → [({tin, ảnh}, `P.Y`)]; text before any label has no role."""
    labels = list(_ROLE_LABEL.finditer(text))
    segments: list[tuple[frozenset[str], str]] = []
    head = (text[: labels[0].start()] if labels else text).strip(_SEGMENT_EDGES)
    if head:
        segments.append((frozenset(), head))
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        roles = frozenset(r.casefold() for r in _ROLE_WORD.findall(label.group("roles")))
        segments.append((roles, text[label.end() : end].strip(_SEGMENT_EDGES)))
    return segments


def _is_media_credit(roles: frozenset[str]) -> bool:
    """Roles that credit pictures only (`Ảnh:`, `Video, đồ họa:`): the people named did not write the text."""
    return bool(roles) and roles <= frozenset(_MEDIA_ROLES)


def _segment_names(segment: str) -> tuple[list[str], bool]:
    """The name parts of one segment (reporter prefix and a short closing parenthesis off) and whether a
    reporter prefix (`PV`, `Nhóm PV`) was there."""
    rest = _REPORTER_PREFIX.sub("", segment)
    prefixed = rest != segment
    rest = _TRAILING_PAREN.sub("", rest).strip(" .-–—:")
    parts = [_REPORTER_PREFIX.sub("", p.strip(" .:")).strip(" .:") for p in _AUTHOR_SPLIT.split(rest)]
    return [p for p in parts if p], prefixed


def _as_name(part: str) -> str | None:
    """A name part as published: capitals title-cased, None for an agency or compilation mark."""
    if part.casefold() in _AGENCIES:
        return None
    return vietnamese_title_case(part) if _is_upper(part) else part


def split_author_names(text: str) -> list[str]:
    """`NGỌC ANH - P.Y` → [`Ngọc Anh`, `P.Y`]: role labels stripped, split on `-`, `,`, `và`, names in
    capitals title-cased (initials kept). Names credited for pictures only (`Ảnh: X`), agencies (`TTXVN`)
    and parts that do not look like names are left out."""
    names: list[str] = []
    for roles, segment in _credits(normalize_text(text)):
        if _is_media_credit(roles):
            continue
        for part in _segment_names(segment)[0]:
            name = _as_name(part) if _looks_like_name(part) else None
            if name and name not in names:
                names.append(name)
    return names


def parse_author_line(paragraph: str) -> list[str] | None:
    """The authors an author line names, [] for a credit line (`Theo TTXVN`, `PV`, `Ảnh: THANH HÀ`), None if
    it is neither.

    An author line is short: names of 1–5 words each, in capitals (`HOÀI THU`), each word capitalized
    (`Thanh Hà`) or initials (`P.Y`), optionally after role labels (`Bài, ảnh:`, `Tin, ảnh:`, `Bài và ảnh:`,
    `Bài: X - Ảnh: Y`) or a reporter prefix (`PV`, `Nhóm PV`), never ending like a sentence (a labelled line
    may end with a full stop). A line whose labels credit pictures only (`Ảnh: X`, `Video: X`) is a photo
    credit: it is no text, but X did not write the article, so it names no author.
    """
    text = normalize_text(paragraph)
    if not text or len(text) > 90 or any(ch.isdigit() for ch in text):
        return None
    if text.strip("().").casefold() in _NOT_NAMES:
        return None
    credit = _CREDIT.match(text)
    if credit:
        return [] if _is_credit_source(credit.group("source")) else None
    if text.startswith("(") and text.endswith(")") and text[1:-1].strip().casefold() in _COMPILED:
        return []
    segments = _credits(text)
    labelled = any(roles for roles, _ in segments)
    if text.endswith(_SENTENCE_END) or (
        text.endswith(".") and not labelled and not re.search(r"\b[^\W\d_]\.$", text)
    ):
        return None
    authors: list[str] = []
    credited = labelled
    for roles, segment in segments:
        parts, prefixed = _segment_names(segment)
        credited = credited or prefixed
        if len(parts) > 6 or not all(_looks_like_name(p) for p in parts):
            return None
        if _is_media_credit(roles):
            continue
        for part in parts:
            name = _as_name(part)
            credited = credited or name is None
            if name and name not in authors:
                authors.append(name)
    if not authors and not credited:
        return None
    return authors


def clean_author_names(raw: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    """Author names from a byline or structured data: split, role labels stripped, capitals title-cased,
    deduplicated; names equal to an excluded one (the outlet) dropped."""
    excluded = {normalize_text(e).casefold() for e in exclude if e}
    names: list[str] = []
    for item in raw:
        text = _GLUED_AGENCY.sub(r"\1/\2", normalize_text(item))
        if not text or text.casefold() in excluded:
            continue
        credit = _CREDIT.match(text)
        if credit and _is_credit_source(credit.group("source")):
            if not _is_person(credit.group("source")):
                continue
            text = credit.group("source")  # `Theo Phạm Trường`: a republished story credits its writer
        for name in split_author_names(text):
            if name.casefold() not in excluded and name not in names:
                names.append(name)
    return names


# ------------------------------------------------------------------------------------------------- titles

_TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—»·]|::)\s+")
_OUTLET_HINTS = (
    "báo",
    "online",
    "điện tử",
    "tin tức",
    "news",
    "tạp chí",
    "cổng thông tin",
    "truyền hình",
    "phát thanh",
    "ttxvn",
    "express",
    ".vn",
    ".com",
    ".net",
    ".org",
)


def _looks_like_site_name(suffix: str, site_names: Sequence[str]) -> bool:
    folded = suffix.casefold()
    if not folded or len(folded.split()) > 7:
        return False
    if any(folded == normalize_text(n).casefold() for n in site_names if n):
        return True
    return any(hint in folded for hint in _OUTLET_HINTS)


def choose_title(candidates: Sequence[str], *, h1: str | None = None, site_names: Sequence[str] = ()) -> str:
    """The declared title that is the page's visible headline, else the first, without a site-name suffix.

    Pages declare several titles (JSON-LD `headline`, `og:title`, `twitter:title`) that sometimes differ: an
    SEO variant in one, the headline the reader sees in another. The one equal to the `<h1>` (suffix aside)
    wins.
    """
    stripped = [strip_title_suffix(c, h1=h1, site_names=site_names) for c in candidates]
    if h1:
        heading = normalize_text(h1)
        for title in stripped:
            if title == heading:
                return title
    return stripped[0]


def strip_title_suffix(title: str, *, h1: str | None = None, site_names: Sequence[str] = ()) -> str:
    """The title without a trailing site name; the page's `<h1>` when the title is that h1 plus a suffix."""
    text = normalize_text(title)
    if h1:
        heading = normalize_text(h1)
        if (
            heading
            and text != heading
            and text.startswith(heading)
            and _TITLE_SEPARATOR.match(text[len(heading) :])
        ):
            return heading
    matches = list(_TITLE_SEPARATOR.finditer(text))
    if matches:
        last = matches[-1]
        head, suffix = text[: last.start()].strip(), text[last.end() :].strip()
        if head and _looks_like_site_name(suffix, site_names):
            return head
    return text


# ---------------------------------------------------------------------------------------------------- body

_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "h1", "h2", "h3"),
        *(
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "figure",
            "figcaption",
            "table",
        ),
        *(
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "caption",
            "pre",
            "address",
            "center",
            "hr",
            "details",
        ),
        "summary",
    }
)
_SKIP_TAGS = frozenset(
    {
        *("script", "style", "noscript", "iframe", "form", "button", "svg", "template", "object", "embed"),
        *(
            "video",
            "audio",
            "source",
            "select",
            "input",
            "textarea",
            "canvas",
            "map",
            "head",
            "title",
            "meta",
        ),
        "link",
    }
)
_ALWAYS_DROP = ("script", "style", "noscript", "iframe", "form", "button", "template", "ins")
_RELATED_BOX = re.compile(
    r"relate|lien-?quan|lienquan|xem-?them|tin-?khac|tin-?doc|doc-?them|readmore|read-more|lien-?ket|"
    r"box-?news|cung-?chuyen-?muc",
    re.IGNORECASE,
)
"""Class or id of the boxes of links to other stories that portals put inside the body."""
GENERIC_CAPTIONS = (
    "figcaption",
    "[class*=caption]",
    "[class*=Caption]",
    "[class*=chu-thich]",
    "[class*=image_desc]",
    "[class*=img-desc]",
    "[class*=image-desc]",
    "table.image td.desc",
    "p.Image",
)
"""Caption elements every portal's body is read with, beside its declared ones."""
_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "lazy-src")
_PLACEHOLDER_HINTS = ("data:", "blank.", "placeholder", "spacer.", "1x1", "pixel.", "loading.", "lazy.")


def _is_placeholder(src: str) -> bool:
    lowered = src.strip().lower()
    return not lowered or any(hint in lowered for hint in _PLACEHOLDER_HINTS)


def image_url(img: HtmlElement, base_url: str) -> str | None:
    """An `<img>`'s real address: a lazy-loading attribute before a placeholder `src`, made absolute."""
    for attr in _LAZY_ATTRS:
        value = str(img.get(attr) or "").strip()
        if value and not value.lower().startswith("data:"):
            return urljoin(base_url, value)
    src = str(img.get("src") or "").strip()
    if src and not _is_placeholder(src):
        return urljoin(base_url, src)
    srcset = str(img.get("data-srcset") or img.get("srcset") or "").strip()
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first and not first.lower().startswith("data:"):
            return urljoin(base_url, first)
    return None


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|svg)(?:[?#]|$)", re.IGNORECASE)


def _links_elsewhere(img: HtmlElement) -> bool:
    """An image inside a link to another page: a related article's thumbnail, not one of this article's."""
    for ancestor in img.iterancestors("a"):
        href = (ancestor.get("href") or "").strip()
        return bool(href) and not href.startswith(("#", "javascript:")) and not _IMAGE_FILE.search(href)
    return False


def _text_of(el: HtmlElement) -> str:
    return normalize_text(" ".join(el.itertext()))


@dataclass(slots=True)
class BodyContent:
    """A body element read into paragraphs and images."""

    paragraphs: list[str] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)


def _caption_images(caption: HtmlElement) -> list[HtmlElement]:
    """The images a caption belongs to: in its figure or table, else in the element just before it."""
    container: HtmlElement | None = None
    for ancestor in caption.iterancestors():
        if ancestor.tag in ("figure", "table"):
            container = ancestor
            break
    if container is not None:
        images = list(container.iter("img"))
        if images:
            return images
    previous = caption.getprevious()
    while previous is not None:
        images = [previous] if previous.tag == "img" else list(previous.iter("img"))
        if images:
            return images
        if _text_of(previous):
            break
        previous = previous.getprevious()
    parent = caption.getparent()
    return list(parent.iter("img")) if parent is not None else []


def read_body(
    body: HtmlElement,
    base_url: str,
    *,
    drop: Sequence[str] = (),
    captions: Sequence[str] = (),
) -> BodyContent:
    """Paragraphs and images of a body element (left untouched: the work happens on a copy)."""
    root: HtmlElement = deepcopy(body)
    root.tail = None
    _drop_boxes(root, drop)
    caption_of = _take_captions(root, captions)
    return BodyContent(paragraphs=_paragraphs(root), images=_images(root, base_url, caption_of))


def _drop_boxes(root: HtmlElement, drop: Sequence[str]) -> None:
    """What is never body (scripts, forms, the site's own `drop` selectors) and in-body related boxes."""
    for css in (*_ALWAYS_DROP, *drop):
        for el in select(root, css):
            if el is not root:
                el.drop_tree()
    for el in [e for e in root.iter() if isinstance(e.tag, str) and e is not root]:
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names != " " and _RELATED_BOX.search(names) and el.getparent() is not None:
            el.drop_tree()


def _take_captions(root: HtmlElement, captions: Sequence[str]) -> dict[HtmlElement, str]:
    """Each image's caption, the caption elements taken out of the text."""
    caption_of: dict[HtmlElement, str] = {}
    for css in (*captions, *GENERIC_CAPTIONS):
        for cap in select(root, css):
            if cap is root or cap.getparent() is None:
                continue
            text = _text_of(cap)
            if text:
                for img in _caption_images(cap):
                    caption_of.setdefault(img, text)
            cap.drop_tree()
    return caption_of


def _images(root: HtmlElement, base_url: str, caption_of: dict[HtmlElement, str]) -> list[ImageRef]:
    """The body's images once each, with their captions; an image that links to another page is none."""
    images: list[ImageRef] = []
    seen: set[str] = set()
    for img in list(root.iter("img")):
        if _links_elsewhere(img):
            continue
        url = image_url(img, base_url)
        if url and url not in seen:
            seen.add(url)
            images.append(ImageRef(url=url, caption=caption_of.get(img)))
    return images


def _paragraphs(root: HtmlElement) -> list[str]:
    """The text in paragraphs: a block element or a `<br>` ends one."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text = normalize_text("".join(buffer))
            buffer.clear()
            if text:
                paragraphs.append(text)

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and tag not in _SKIP_TAGS and tag == "br":
            flush()
        elif tag and tag not in _SKIP_TAGS:
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            if el.text:
                buffer.append(el.text)
            for child in el:
                walk(child)
            if block:
                flush()
        if el.tail:
            buffer.append(el.tail)

    walk(root)
    flush()
    return paragraphs


@dataclass(slots=True)
class CleanBody:
    """Body paragraphs after the text rules, and what they took out of the text."""

    paragraphs: list[str]
    authors: list[str] | None = None
    """Authors named by a closing author line; [] for a credit line; None when there was no such line."""


def clean_paragraphs(paragraphs: Sequence[str], *, lead: str | None = None) -> CleanBody:
    """Lone punctuation and a first paragraph repeating the lead dropped, a closing author line taken out."""
    kept = [normalize_text(p) for p in paragraphs]
    kept = [p for p in kept if p and not is_lone_punctuation(p)]
    deduped: list[str] = []
    for p in kept:
        if not deduped or deduped[-1] != p:
            deduped.append(p)
    kept = deduped
    if lead and kept:
        lead_text = normalize_text(lead)
        first = kept[0]
        if first == lead_text or split_source_tag(first)[1] == split_source_tag(lead_text)[1]:
            kept.pop(0)
    authors: list[str] | None = None
    for _ in range(2):
        if len(kept) < 2:
            break
        found = parse_author_line(kept[-1])
        if found is None:
            break
        kept.pop()
        if authors is None or (found and not authors):
            authors = found
    return CleanBody(paragraphs=kept, authors=authors)


__all__ = [
    "GENERIC_CAPTIONS",
    "BodyContent",
    "CleanBody",
    "choose_title",
    "clean_author_names",
    "clean_paragraphs",
    "compile_css",
    "image_url",
    "is_lone_punctuation",
    "parse_author_line",
    "read_body",
    "select",
    "split_author_names",
    "split_source_tag",
    "strip_title_suffix",
    "vietnamese_title_case",
]

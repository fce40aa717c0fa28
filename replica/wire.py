"""Stories that appear on several portals: wire copy and re-runs, and distinct stories on one topic.

A `Story` is a story before any portal prints it. `wire_story` writes one in the house style of the national
news agency (TTXVN: the `(TTXVN)` tag, an agency byline, `Ảnh: …/TTXVN` credits) about an event in one
province, with the same story writers the corpus uses; `distinct_same_topic` writes other stories of the same
kind in the same province, with their own facts, people and wording (the negative case of near-duplicate
detection). `Replica.syndicate` publishes a story on several sites through `edition`, which gives each copy
what a provincial desk changes when it re-runs wire copy:

- the outlet tag: `(TTXVN)` becomes the paper's own (`(BĐT) - `, `TTO - `), or stays, or goes;
- the headline: the writer's other headlines, or a re-cut one;
- the lead re-edited: a sentence dropped, time words and figures re-worded;
- captions re-written (credit dropped or moved, an image dropped);
- the body: the closing paragraph cut or a local paragraph added, paragraphs split or merged, another
  tone-mark style (`hoà`, `thuỷ`);
- the time: minutes to hours after the agency's.

The text a near-duplicate detector compares stays mostly the same (Jaccard similarity of the body's shingles
0.6 or more between any two copies); everything else about the page is the site's own.
"""

from __future__ import annotations

import random
import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from crawler.sites import Site
from replica.model import VN_TZ, ReplicaArticle
from replica.provinces import MERGER_DAY, WRITING, ProvinceWriting
from replica.topics import TOPIC_BY_KEY, Ctx, cap

AGENCY = "TTXVN"
"""The national news agency whose copy provincial portals re-run."""

with (Path(__file__).resolve().parent / "data" / "wire.toml").open("rb") as _file:
    _DATA: dict[str, Any] = tomllib.load(_file)
_AGENCY_REPORTERS: tuple[str, ...] = tuple(_DATA["agency"]["reporters"])
_CREDIT = re.compile(r"\s*(?:Ảnh: [^.]*/" + AGENCY + r"|\(Ảnh: " + AGENCY + r"\))\.?$")
_CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_SENTENCE = re.compile(rf"(?<=[.!?…])\s+(?=[{_CAPITALS}“])")
"""Where one sentence ends and the next begins (a capital or an opening quote after the stop)."""


@dataclass(frozen=True)
class Story:
    """A story before a portal prints it: text without any outlet tag, a publication time, its origin."""

    title: str
    lead: str
    paragraphs: tuple[str, ...]
    published: datetime
    captions: tuple[tuple[str, str | None], ...] = ()
    tags: tuple[str, ...] = ()
    section: str = "thoi-su"
    agency: str | None = None
    """`TTXVN` for wire copy (printed as the `(TTXVN)` tag); None for a paper's own story."""
    byline: tuple[str, ...] = ()
    """Reporters as the story credits them; empty: the publishing paper's reporters."""
    other_titles: tuple[str, ...] = ()
    """Headlines another desk may give the same story."""
    topic: str | None = None
    province: str | None = None
    """The site key whose province (`provinces.WRITING`) the story is about."""

    def __post_init__(self) -> None:
        if self.published.tzinfo is None:
            raise ValueError("a story's publication time must be timezone-aware (use VN_TZ)")
        if not self.paragraphs:
            raise ValueError("a story needs body paragraphs")

    @classmethod
    def from_article(cls, a: ReplicaArticle) -> Story:
        """The story a portal's article tells, for other portals to re-run (its tag taken off the lead)."""
        lead = a.lead
        if a.source_tag and lead.startswith(a.source_tag):
            lead = lead[len(a.source_tag) :].lstrip(" -–")
        agency = a.source_tag.strip("()") if a.source_tag and a.source_tag.strip("()") == AGENCY else None
        return cls(
            title=a.title,
            lead=lead,
            paragraphs=a.paragraphs,
            published=a.published,
            captions=tuple((im.caption, im.alt) for im in a.images),
            tags=a.tags,
            section=a.section,
            agency=agency,
            byline=a.authors,
        )


def writing_for(province: str) -> ProvinceWriting:
    """The province data of a site key (`baodongthap`) or a province name (`Đồng Tháp`)."""
    if province in WRITING:
        return WRITING[province]
    for w in WRITING.values():
        if w.name == province:
            return w
    known = ", ".join(sorted(WRITING))
    raise KeyError(f"no province data for {province!r}; site keys: {known}")


def _story_time(topic: str, w: ProvinceWriting, when: datetime | date | None, rng: random.Random) -> datetime:
    """`when` as a time in Vietnam, or by default a day in the last four months the province's paper wrote
    (one the topic fits where there is one)."""
    if isinstance(when, datetime):
        stamp = when if when.tzinfo else when.replace(tzinfo=VN_TZ)
    else:
        if isinstance(when, date):
            day = when
        else:
            days = [w.end - timedelta(days=n) for n in range(1, 120)]
            months = TOPIC_BY_KEY[topic].months
            day = rng.choice([d for d in days if not months or d.month in months] or days)
        hour = rng.choice((7, 8, 9, 10, 14, 15, 16))
        stamp = datetime.combine(day, time(hour, rng.randrange(60)), tzinfo=VN_TZ)
    if not w.new_places and stamp.date() >= MERGER_DAY:
        raise ValueError(f"{w.name} ({w.site}) was merged on {MERGER_DAY}: give a date before it")
    return stamp


def wire_story(
    topic: str = "weather",
    province: str = "baodongthap",
    *,
    when: datetime | date | None = None,
    seed: int | str = 0,
) -> Story:
    """A TTXVN report of a `topic` story (a key of `topics.TOPICS`) in `province` (a site key or a province
    name): written by the corpus's writer for that topic, credited to the agency, five paragraphs or more
    (170 words or more, so that a desk's cuts leave most of it)."""
    if topic not in TOPIC_BY_KEY:
        raise KeyError(f"no story writer {topic!r}; writers: {', '.join(TOPIC_BY_KEY)}")
    w = writing_for(province)
    rng = random.Random(f"wire:{topic}:{w.site}:{seed}")
    published = _story_time(topic, w, when, rng)
    for attempt in range(200):
        draft = TOPIC_BY_KEY[topic].write(
            Ctx(w, random.Random(f"wire:{topic}:{w.site}:{seed}:{attempt}"), published, longer=1)
        )
        if len(draft.paragraphs) >= 5 and sum(len(p.split()) for p in draft.paragraphs) >= 170:
            break
    else:  # pragma: no cover - every writer reaches five paragraphs within a few attempts
        raise RuntimeError(f"could not write a {topic} wire story of five paragraphs")
    reporter = rng.choice(_AGENCY_REPORTERS)
    return Story(
        title=draft.title,
        lead=draft.lead,
        paragraphs=tuple(draft.paragraphs),
        published=published,
        captions=tuple((f"{caption} Ảnh: {reporter}/{AGENCY}", alt) for caption, alt in draft.captions),
        tags=tuple(dict.fromkeys(draft.tags)),
        section=TOPIC_BY_KEY[topic].sections[0],
        agency=AGENCY,
        byline=(reporter,),
        other_titles=tuple(draft.other_titles),
        topic=topic,
        province=w.site,
    )


def distinct_same_topic(
    topic: str = "weather",
    province: str = "baodongthap",
    count: int = 2,
    *,
    when: datetime | date | None = None,
    seed: int | str = 0,
) -> list[Story]:
    """`count` stories of one kind (`topic`) about one province, each a paper's own: same event type and
    place names, different facts, people and wording. Published a day or more apart, up to `when`."""
    if topic not in TOPIC_BY_KEY:
        raise KeyError(f"no story writer {topic!r}; writers: {', '.join(TOPIC_BY_KEY)}")
    w = writing_for(province)
    rng = random.Random(f"distinct:{topic}:{w.site}:{seed}")
    around = _story_time(topic, w, when, rng)
    stories: list[Story] = []
    titles: set[str] = set()
    attempt = 0
    while len(stories) < count:
        published = around - timedelta(days=len(stories) * rng.randint(1, 4), minutes=rng.randint(0, 90))
        draft = TOPIC_BY_KEY[topic].write(
            Ctx(w, random.Random(f"distinct:{topic}:{w.site}:{seed}:{attempt}"), published)
        )
        attempt += 1
        if draft.title in titles:
            continue
        titles.add(draft.title)
        stories.append(
            Story(
                title=draft.title,
                lead=draft.lead,
                paragraphs=tuple(draft.paragraphs),
                published=published,
                captions=tuple(draft.captions),
                tags=tuple(dict.fromkeys(draft.tags)),
                section=TOPIC_BY_KEY[topic].sections[0],
                other_titles=tuple(draft.other_titles),
                topic=topic,
                province=w.site,
            )
        )
    return stories


# --- one portal's copy ----------------------------------------------------------------------------------------


@dataclass
class Edition:
    """What one portal prints of a story: the fields `Replica.new_article` takes."""

    title: str
    lead: str
    paragraphs: list[str]
    published: datetime
    section: str
    images: list[tuple[str, str | None]]
    authors: tuple[str, ...]
    author_line: str | None
    source_tag: str | None
    tags: tuple[str, ...]
    edits: list[str] = field(default_factory=list)
    """What the desk changed, for tests and logs (`title`, `lead`, `tag`, `captions`, `cut-closing`, …)."""


def edition(
    story: Story,
    site: Site,
    *,
    index: int = 0,
    perturb: bool = True,
    seed: int | str = 0,
    sections: Sequence[str] = (),
    taken_titles: Sequence[str] = (),
) -> Edition:
    """The copy of `story` that `site` prints, as its `index`-th publisher. With `perturb`, re-edited as a
    provincial desk re-edits wire copy (see the module's doc); without, the text exactly as the story has it.
    `sections`: the site's section slugs (the story's is kept if the site has it); `taken_titles`: headlines
    other copies already carry (a perturbed copy takes another)."""
    rng = random.Random(f"edition:{seed}:{site.key}:{index}:{story.title}")
    w = WRITING.get(site.key)
    edits: list[str] = []
    delay = timedelta(minutes=index * rng.randint(25, 150) + rng.randint(4, 20))
    published = (story.published + delay).replace(second=0, microsecond=0)
    section = story.section if not sections or story.section in sections else sections[0]

    title, lead, paragraphs = story.title, story.lead, list(story.paragraphs)
    images = list(story.captions)
    if perturb:
        title = _retitle(story, index, taken_titles, rng, edits)
        lead = _reedit_lead(lead, rng, edits)
        images = _recaption(images, rng, edits)
        paragraphs = _reedit_body(paragraphs, story, site, w, rng, edits)
    lead, source_tag = _tag(lead, story, w, perturb, rng, edits)
    authors, author_line = _byline(story, site, w, rng)
    tags = story.tags
    if perturb and len(tags) > 2 and rng.random() < 0.5:
        tags = tags[:-1]
    return Edition(
        title=title,
        lead=lead,
        paragraphs=paragraphs,
        published=published,
        section=section,
        images=images or [(story.title + ".", None)],
        authors=authors,
        author_line=author_line,
        source_tag=source_tag,
        tags=tags,
        edits=edits,
    )


def _retitle(story: Story, index: int, taken: Sequence[str], rng: random.Random, edits: list[str]) -> str:
    if index == 0 and story.title not in taken:
        return story.title
    fresh = [t for t in (story.title, *story.other_titles) if t not in taken]
    if index > 0:
        fresh = [t for t in fresh if t != story.title] or fresh
    if fresh:
        title = rng.choice(fresh)
    else:  # every headline used: re-cut the story's own
        _, _, tail = story.title.partition(": ")
        recuts = [cap(tail)] if tail else []
        recuts += [f"{story.title} - {more}" for more in ("cập nhật", "tin mới", "thông tin mới")]
        recuts += [f"{story.title} ({n})" for n in range(2, len(taken) + 3)]
        title = next(t for t in recuts if t not in taken)
    if title != story.title:
        edits.append("title")
    return title


_LEAD_REWORDS: tuple[tuple[str, str], ...] = tuple((old, new) for old, new in _DATA["lead"]["rewords"])
"""(what the agency wrote, what the desk prints instead), data (replica/data/wire.toml)."""


def _reedit_lead(lead: str, rng: random.Random, edits: list[str]) -> str:
    sentences = _SENTENCE.split(lead)
    choices = ["reword", "keep"]
    if len(sentences) > 1:
        choices.append("drop-sentence")
    if re.match(r"^(Sáng|Chiều|Tối|Trưa|Rạng sáng) \d", lead):
        choices.append("day")
    what = rng.choice(choices)
    new = lead
    if what == "drop-sentence":
        new = " ".join(sentences[:-1])
    elif what == "day":
        new = re.sub(r"^(Sáng|Chiều|Tối|Trưa|Rạng sáng) ", "Ngày ", lead)
    elif what == "reword":
        for old, neu in rng.sample(_LEAD_REWORDS, len(_LEAD_REWORDS)):
            if old in new:
                new = new.replace(old, neu, 1)
                break
        new = re.sub(r"\b(\d{1,2})-(\d{1,2})\b", r"\1/\2", new) if rng.random() < 0.5 else new
    if new != lead:
        edits.append("lead")
    return new


def _recaption(
    images: list[tuple[str, str | None]], rng: random.Random, edits: list[str]
) -> list[tuple[str, str | None]]:
    out = []
    for caption, alt in images:
        what = rng.choice(("keep", "drop-credit", "paren-credit", "reword"))
        new = caption
        if what == "drop-credit":
            new = _CREDIT.sub("", caption)
        elif what == "paren-credit" and _CREDIT.search(caption):
            new = _CREDIT.sub("", caption) + f" (Ảnh: {AGENCY})"
        elif what == "reword":
            base = _CREDIT.sub("", caption).rstrip(".")
            new = f"{rng.choice(('Ảnh minh họa:', 'Ảnh tư liệu:'))} {base}."
        out.append((new, alt))
    if len(out) > 1 and rng.random() < 0.4:
        out = out[:-1]
    if out != images:
        edits.append("captions")
    return out


_OPEN_VOWELS = {  # the newer tone-mark placement (hòa, khỏe, thủy) → the older one (hoà, khoẻ, thuỷ)
    unicodedata.normalize("NFC", first + mark + second): unicodedata.normalize("NFC", first + second + mark)
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
}
_OPEN_VOWEL = re.compile(r"(?<![qQ])(" + "|".join(_OPEN_VOWELS) + r")(?!\w)")


def old_tone_style(text: str) -> str:
    """`hòa, khỏe, thủy` → `hoà, khoẻ, thuỷ`: where some outlets put the tone mark (the words are the same)."""
    return _OPEN_VOWEL.sub(lambda m: _OPEN_VOWELS[m.group(1)], text)


def _split_point(paragraph: str) -> int | None:
    """Where a paragraph can be cut in two: a sentence boundary outside quotes, near its middle."""
    best: int | None = None
    for m in _SENTENCE.finditer(paragraph):
        before = paragraph[: m.start()]
        if before.count("“") != before.count("”"):
            continue
        if best is None or abs(m.start() - len(paragraph) / 2) < abs(best - len(paragraph) / 2):
            best = m.start()
    return best


def _paper(site: Site) -> str:
    """`Báo Đồng Nai (before the 2025 platform)` → `Báo Đồng Nai`."""
    return re.sub(r"\s*\(.*\)$", "", site.name)


def local_paragraph(w: ProvinceWriting, when: datetime, rng: random.Random, paper: str = "báo") -> str:
    """A closing paragraph a provincial desk adds to wire copy: what its own province is doing about it
    (`paper`: the outlet as its reporters name it, `Báo Đồng Tháp`)."""
    c = Ctx(w, rng, when)
    return c.one(
        lambda: c.s(
            f"[Tại|Ở] {c.prov}, [{c.ubnd}|ngành chức năng|chính quyền các địa phương] [cũng|] [đang|đã] [theo "
            "dõi sát|chỉ đạo theo dõi sát] [diễn biến|tình hình] [liên quan|], [chủ động|kịp thời] [xây "
            "dựng|rà soát] [phương án|kế hoạch] [ứng phó|thực hiện] [phù hợp với|sát với] [thực tế|điều kiện] "
            "[của địa phương|]."
        ),
        lambda: c.s(
            f"[Ghi nhận của phóng viên|Theo phóng viên] {paper} [tại|ở] {c.place()}, [người dân|bà "
            "con] [địa phương|] [rất|đặc biệt] [quan tâm|chú ý] [đến|tới] [thông tin này|vấn đề này], [mong|đề "
            "nghị] [chính quyền|ngành chức năng] [sớm|] [có hướng dẫn|thông tin] [cụ thể|kịp thời]."
        ),
    )


def _reedit_body(
    paragraphs: list[str],
    story: Story,
    site: Site,
    w: ProvinceWriting | None,
    rng: random.Random,
    edits: list[str],
) -> list[str]:
    out = list(paragraphs)
    tail = rng.choice(("cut-closing", "add-local", "keep"))
    if tail == "cut-closing" and len(out) >= 5:
        out = out[:-1]
        edits.append("cut-closing")
    elif tail == "add-local" and w is not None and w.site != story.province and len(out) < 8:
        out.append(local_paragraph(w, story.published, rng, _paper(site)))
        edits.append("add-local")
    if rng.random() < 0.5:
        longest = max(range(len(out)), key=lambda i: len(out[i]))
        cut = _split_point(out[longest])
        if cut is not None and len(out) < 8:
            out[longest : longest + 1] = [out[longest][:cut].strip(), out[longest][cut:].strip()]
            edits.append("split")
    elif len(out) > 4:
        i = rng.randrange(len(out) - 1)
        out[i : i + 2] = [f"{out[i]} {out[i + 1]}"]
        edits.append("merge")
    if rng.random() < 0.3:
        styled = [old_tone_style(p) for p in out]
        if styled != out:
            out = styled
            edits.append("tone-style")
    return out


def _tag(
    lead: str,
    story: Story,
    w: ProvinceWriting | None,
    perturb: bool,
    rng: random.Random,
    edits: list[str],
) -> tuple[str, str | None]:
    agency_tag = f"({story.agency})" if story.agency else None
    if not perturb:
        return (f"{agency_tag} {lead}", agency_tag) if agency_tag else (lead, None)
    if w is not None and w.tag is not None:
        if agency_tag:
            edits.append("tag")
        return f"{w.tag}{w.tag_sep}{lead}", w.tag
    if agency_tag and rng.random() < 0.6:
        return f"{agency_tag} {lead}", agency_tag
    if agency_tag:
        edits.append("tag")
    return lead, None


def _byline(
    story: Story, site: Site, w: ProvinceWriting | None, rng: random.Random
) -> tuple[tuple[str, ...], str | None]:
    in_body = site.family.key in ("A", "B")
    if story.byline:
        names = story.byline
        if story.agency:
            line = f"{' - '.join(n.upper() for n in names)} ({story.agency})"
            return names, (line if in_body else None)
        return names, (" - ".join(n.upper() for n in names) if in_body else None)
    reporter = rng.choice(w.reporters) if w else "PV"
    return (reporter.title() if not in_body else reporter,), (reporter if in_body else None)


__all__ = [
    "AGENCY",
    "Edition",
    "Story",
    "distinct_same_topic",
    "edition",
    "local_paragraph",
    "old_tone_style",
    "wire_story",
    "writing_for",
]

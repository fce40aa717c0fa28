"""The synthetic near-duplicate corpus: provincial news stories and the copies other sites publish of them.

Written here, not copied: provincial news in eight event types (traffic accident, harvest, festival,
investment, storm, health, school, social support), each story filled from sentence pools with its own facts
(names, numbers, places, dates). Stories of one event type in one province share the pools' boilerplate
("Theo Ban Tổ chức, …"), often the same commune, and differ in facts: the hard negatives. A syndicated copy is
the same story as another site publishes it: re-edited lead, other captions, an added paragraph, the closing
paragraph cut, another outlet tag and author line, NFD, whitespace noise.

The vocabularies and sentence pools are data (replica/data/neardup_stories.toml); how a story is put together
from them is here. `make_stories` writes the stories of a seed, `perturb` and `syndicate` a second site's copy.
`bench/dedupe_near.py` calibrates the threshold and measures the index on them, `tests/test_neardup.py` tests
the index on them. The same seed gives the same stories: the figures in docs/near-duplicates.md depend on it.
"""

from __future__ import annotations

import random
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

with (Path(__file__).resolve().parent / "data" / "neardup_stories.toml").open("rb") as _file:
    _DATA: dict[str, Any] = tomllib.load(_file)

# ---------------------------------------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------------------------------------

PROVINCES: list[str] = _DATA["people"]["provinces"]
_FAMILY: list[str] = _DATA["people"]["family"]
_MIDDLE: list[str] = _DATA["people"]["middle"]
_GIVEN: list[str] = _DATA["people"]["given"]
_PLACE_A: list[str] = _DATA["people"]["place_a"]
_PLACE_B: list[str] = _DATA["people"]["place_b"]
_ROLES: list[str] = _DATA["people"]["roles"]
_TAGS: list[str] = _DATA["people"]["tags"]
_TIMES: dict[str, list[Any]] = _DATA["facts"]
_OWN: dict[str, dict[str, list[str]]] = _DATA["topic_facts"]
"""What each event type's own facts are drawn from (the figures are drawn here)."""


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _place(rng: random.Random) -> str:
    return f"{rng.choice(_PLACE_A)} {rng.choice(_PLACE_B)}"


def _num(rng: random.Random, lo: int, hi: int) -> str:
    """An integer written the Vietnamese way (dot as thousands separator)."""
    return f"{rng.randint(lo, hi):,}".replace(",", ".")


def _dec(rng: random.Random, lo: float, hi: float) -> str:
    """One decimal, comma as the decimal mark."""
    return f"{rng.uniform(lo, hi):.1f}".replace(".", ",")


def _facts(rng: random.Random, topic: str, province: str, commune: str) -> dict[str, str]:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    f = {
        "province": province,
        "xa": f"xã {commune}",
        "xa2": f"xã {_place(rng)}",
        "phuong": f"phường {_place(rng)}",
        "date": f"{day}/{month}",
        "date_prev": f"{max(1, day - rng.randint(1, 9))}/{month}",
        "buoi": rng.choice(_TIMES["buoi"]),
        "hour": str(rng.randint(5, 21)),
        "minute": str(rng.choice(_TIMES["minute"])),
        "year": str(rng.choice(_TIMES["year"])),
        "p1": _name(rng),
        "p2": _name(rng),
        "p3": _name(rng),
        "p4": _name(rng),
        "r1": rng.choice(_ROLES),
        "r2": rng.choice(_ROLES),
        "photog": _name(rng).split(" ", 1)[1].upper(),
        "author": _name(rng).split(" ", 1)[1].upper(),
    }
    for i in range(1, 10):
        f[f"n{i}"] = _num(rng, 2, 60 * i)
    f["big"] = _num(rng, 1200, 98000)
    f["money"] = f"{_dec(rng, 1.5, 950.0)} tỷ đồng"
    f["money2"] = f"{_num(rng, 50, 900)} triệu đồng"
    f["pct"] = f"{_dec(rng, 2.0, 98.0)}%"
    f.update(_TOPIC_FACTS[topic](rng))
    f["buoi_l"] = f["buoi"].lower()
    return f


_TOPIC_FACTS: dict[str, Callable[[random.Random], dict[str, str]]] = {
    "traffic": lambda r: {
        "v1": r.choice(_OWN["traffic"]["v1"]),
        "v2": r.choice(_OWN["traffic"]["v2"]),
        "road": r.choice(_OWN["traffic"]["road"]),
        "km": f"Km {r.randint(10, 2100)}+{r.choice([100, 200, 350, 500, 800])}",
        "plate": f"{r.randint(11, 99)}C-{r.randint(100, 999)}.{r.randint(10, 99)}",
        "dead": str(r.randint(1, 4)),
        "injured": str(r.randint(1, 9)),
        "age1": str(r.randint(22, 60)),
        "age2": str(r.randint(17, 70)),
        "dir": r.choice(_OWN["traffic"]["dir"]),
        "alcohol": r.choice(["âm tính", f"ở mức 0,{r.randint(1, 9)}{r.randint(0, 9)} mg/lít khí thở"]),
        "r1": r.choice(_OWN["traffic"]["r1"]),
    },
    "harvest": lambda r: {
        "crop": r.choice(_OWN["harvest"]["crop"]),
        "yield": f"{_dec(r, 5.0, 9.5)} tấn/ha",
        "price": f"{_num(r, 5, 95)}.000 đồng/kg",
        "area": f"{_num(r, 300, 90000)} ha",
        "coop": f"Hợp tác xã {_place(r)}",
    },
    "festival": lambda r: {
        "fest": r.choice(_OWN["festival"]["fest"]),
        "visitors": _num(r, 3000, 250000),
        "days": str(r.randint(2, 7)),
        "teams": str(r.randint(6, 40)),
        "edition": str(r.randint(2, 30)),
    },
    "invest": lambda r: {
        "project": r.choice(_OWN["invest"]["project"]),
        "pname": f"{_place(r)} {r.randint(1, 3)}",
        "investor": f"Công ty Cổ phần {r.choice(_OWN['invest']['investor'])} {_place(r)}",
        "jobs": _num(r, 200, 12000),
        "ha": str(r.randint(5, 650)),
        "months": str(r.randint(12, 48)),
    },
    "storm": lambda r: {
        "storm": r.choice(_OWN["storm"]["storm"]),
        "houses": _num(r, 5, 3500),
        "rice": f"{_num(r, 20, 25000)} ha",
        "rain": f"{_num(r, 80, 650)} mm",
        "evac": _num(r, 50, 40000),
    },
    "health": lambda r: {
        "disease": r.choice(_OWN["health"]["disease"]),
        "cases": _num(r, 12, 4800),
        "hospital": f"Bệnh viện Đa khoa khu vực {_place(r)}",
        "vacc": f"{_dec(r, 60.0, 99.0)}%",
    },
    "school": lambda r: {
        "school": f"Trường {r.choice(_OWN['school']['school'])} {_place(r)}",
        "students": _num(r, 300, 42000),
        "teachers": _num(r, 20, 3000),
        "rooms": str(r.randint(8, 60)),
        "pass": f"{_dec(r, 88.0, 99.9)}%",
    },
    "support": lambda r: {
        "houses2": str(r.randint(5, 900)),
        "gifts": _num(r, 100, 15000),
        "giftval": f"{_num(r, 300, 2000)}.000 đồng",
        "fund": f"Quỹ Vì người nghèo {r.choice(_OWN['support']['fund'])}",
        "sponsor": f"Công ty TNHH {_place(r)}",
    },
}

# ---------------------------------------------------------------------------------------------------------
# Sentence pools: leads (the original and two re-edits with the same facts), body, captions, closings, and
# paragraphs another site adds.
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    leads: tuple[str, str, str]
    body: tuple[str, ...]
    captions: tuple[str, ...]
    closings: tuple[str, ...]
    extras: tuple[str, ...]
    civic: bool = True
    """Whether the shared civic boilerplate (ceremonies, speeches, awards) fits the event type."""


CIVIC: tuple[str, ...] = tuple(_DATA["civic"]["sentences"])


def _pool(entry: dict[str, Any]) -> Pool:
    first, relead_a, relead_b = entry["leads"]
    return Pool(
        leads=(first, relead_a, relead_b),
        body=tuple(entry["body"]),
        captions=tuple(entry["captions"]),
        closings=tuple(entry["closings"]),
        extras=tuple(entry["extras"]),
        civic=entry["civic"],
    )


POOLS: dict[str, Pool] = {topic: _pool(entry) for topic, entry in _DATA["pools"].items()}
TOPICS = tuple(POOLS)
_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def _fill(template: str, facts: dict[str, str], rng: random.Random) -> str:
    """A template with each `[a|b|c]` replaced by one of its wordings (the reporter's), then its facts."""
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template).format(**facts)


# ---------------------------------------------------------------------------------------------------------
# Stories and their renderings
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """One news story as its first site publishes it, kept in parts so a copy can be edited like a desk does."""

    key: str
    topic: str
    province: str
    facts: dict[str, str]
    tag: str
    lead: str
    paragraphs: tuple[tuple[str, str], ...]
    """(kind, text) in order: `body`, `caption`, `closing`, `author`."""

    def text(self) -> str:
        return "\n\n".join([f"({self.tag}) - {self.lead}", *(p for _, p in self.paragraphs)])


def _story(rng: random.Random, key: str, topic: str, province: str, commune: str, short: bool) -> Story:
    pool = POOLS[topic]
    facts = _facts(rng, topic, province, commune)
    sentences = list(pool.body) + (list(CIVIC) if pool.civic else [])
    rng.shuffle(sentences)
    n_paragraphs = rng.randint(1, 2) if short else rng.randint(3, 7)
    paragraphs: list[tuple[str, str]] = []
    captions = list(pool.captions)
    rng.shuffle(captions)
    for i in range(n_paragraphs):
        take = [sentences.pop() for _ in range(rng.randint(2, 3)) if sentences]
        if not take:
            break
        paragraphs.append(("body", " ".join(_fill(s, facts, rng) for s in take)))
        if not short and captions and i in (0, 2, 4) and rng.random() < 0.8:
            paragraphs.append(("caption", _fill(captions.pop(), facts, rng)))
    if not short:
        paragraphs.append(("closing", _fill(rng.choice(pool.closings), facts, rng)))
    paragraphs.append(("author", rng.choice([facts["author"], f"{facts['author']} - {facts['photog']}"])))
    return Story(
        key=key,
        topic=topic,
        province=province,
        facts=facts,
        tag=rng.choice(_TAGS),
        lead=_fill(pool.leads[0], facts, rng),
        paragraphs=tuple(paragraphs),
    )


def make_stories(
    seed: int = 2025, *, provinces: int = 5, per_group: int = 5, short_share: float = 0.0
) -> list[Story]:
    """`len(TOPICS) * provinces * per_group` stories; a group (event type, province) shares pools and often a
    commune, so its stories are the hard negatives of each other."""
    rng = random.Random(seed)
    stories = []
    for topic in TOPICS:
        for province in rng.sample(PROVINCES, provinces):
            commune = _place(rng)
            for i in range(per_group):
                own_commune = commune if rng.random() < 0.6 else _place(rng)
                short = rng.random() < short_share
                key = f"{topic}/{province}/{i}"
                stories.append(_story(rng, key, topic, province, own_commune, short))
    return stories


# Perturbations: each takes a story (and an rng) and returns the story a second site would publish.
Perturb = Callable[[Story, random.Random], Story]


def relead(story: Story, rng: random.Random) -> Story:
    """The desk rewrites the lead (one of the pool's other two wordings, same facts)."""
    return replace(story, lead=_fill(rng.choice(POOLS[story.topic].leads[1:]), story.facts, rng))


def recaption(story: Story, rng: random.Random) -> Story:
    """Other photos: every caption replaced (another pool caption, another photographer) or dropped."""
    pool = POOLS[story.topic]
    photog = rng.choice(_GIVEN).upper() + " " + rng.choice(_GIVEN).upper()
    out = []
    for kind, text in story.paragraphs:
        if kind == "caption":
            if rng.random() < 0.25:
                continue
            text = _fill(rng.choice(pool.captions), {**story.facts, "photog": photog}, rng)
        out.append((kind, text))
    return replace(story, paragraphs=tuple(out))


def add_paragraph(story: Story, rng: random.Random) -> Story:
    """Background the second site adds (one of the pool's extra paragraphs) before the closing."""
    extra = ("body", _fill(rng.choice(POOLS[story.topic].extras), story.facts, rng))
    paragraphs = list(story.paragraphs)
    at = max(1, len(paragraphs) - 2)
    paragraphs.insert(at, extra)
    return replace(story, paragraphs=tuple(paragraphs))


def drop_closing(story: Story, rng: random.Random) -> Story:
    """The closing paragraph cut (the last body paragraph if there is no closing)."""
    paragraphs = list(story.paragraphs)
    kinds = [k for k, _ in paragraphs]
    victim = "closing" if "closing" in kinds else "body"
    last = max(i for i, k in enumerate(kinds) if k == victim)
    if victim == "body" and kinds.count("body") == 1:
        return story
    del paragraphs[last]
    return replace(story, paragraphs=tuple(paragraphs))


def retag(story: Story, rng: random.Random) -> Story:
    """Another outlet tag on the lead and another author line: (TTXVN) → (BĐT), "Theo TTXVN"."""
    tag = rng.choice([t for t in _TAGS if t != story.tag])
    author = rng.choice([f"Theo {story.tag}", f"{story.facts['author']} ({story.tag})", _name(rng).upper()])
    paragraphs = tuple((k, author if k == "author" else p) for k, p in story.paragraphs)
    return replace(story, tag=tag, paragraphs=paragraphs)


STRUCTURAL: dict[str, Perturb] = {
    "relead": relead,
    "captions": recaption,
    "add_paragraph": add_paragraph,
    "drop_closing": drop_closing,
    "retag": retag,
}


def nfd(text: str, rng: random.Random) -> str:
    return unicodedata.normalize("NFD", text)


def whitespace_noise(text: str, rng: random.Random) -> str:
    """NBSP, doubled spaces, zero-width spaces beside spaces, tabs, single line breaks, CRLF paragraphs."""
    out = []
    for ch in text:
        if ch == " ":
            r = rng.random()
            ch = (
                "\u00a0"
                if r < 0.06
                else "  "
                if r < 0.10
                else " \u200b"
                if r < 0.13
                else "\t"
                if r < 0.15
                else "\n"
                if r < 0.17
                else " "
            )
        out.append(ch)
    return "".join(out).replace("\n\n", "\r\n \r\n")


_NEW_TO_OLD_TONE = {
    new: old
    for base, marks in (("oa", "àáảãạ"), ("oe", "èéẻẽẹ"), ("uy", "ỳýỷỹỵ"))
    for new, old in zip(
        (unicodedata.normalize("NFC", base[0] + unicodedata.normalize("NFD", m)[1] + base[1]) for m in marks),
        (base[0] + m for m in marks),
        strict=True,
    )
}
_NEW_TONE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD_TONE) + r")(?!\w)")


def old_tone_style(text: str, rng: random.Random) -> str:
    """The other house style of tone marks: hòa → hoà, khỏe → khoẻ, thủy → thuỷ (not quý)."""
    return _NEW_TONE.sub(lambda m: _NEW_TO_OLD_TONE[m.group(1)], text)


_EDITS: tuple[tuple[str, str], ...] = tuple((old, new) for old, new in _DATA["copyedit"]["edits"])


def copyedit(text: str, rng: random.Random) -> str:
    """A copy desk's touch: some stock words swapped for synonyms or dropped, each occurrence with p = 0.3."""
    for old, new in _EDITS:
        if old != new:
            parts = text.split(old)
            text = parts[0] + "".join((new if rng.random() < 0.3 else old) + part for part in parts[1:])
    return text


TEXTUAL: dict[str, Callable[[str, random.Random], str]] = {
    "copyedit": copyedit,
    "tone_style": old_tone_style,
    "nfd": nfd,
    "whitespace": whitespace_noise,
}
PERTURBATIONS = (*STRUCTURAL, *TEXTUAL)
LISTED = ("relead", "captions", "add_paragraph", "drop_closing", "retag", "nfd", "whitespace")
"""The perturbations the issue lists; `copyedit` and `tone_style` are ours on top."""


def perturb(story: Story, names: Iterable[str], rng: random.Random) -> str:
    """The text of `story` with the named perturbations applied (structural ones first)."""
    names = list(names)
    for name in names:
        if name in STRUCTURAL:
            story = STRUCTURAL[name](story, rng)
    text = story.text()
    for name in names:
        if name in TEXTUAL:
            text = TEXTUAL[name](text, rng)
    return text


def syndicate(story: Story, rng: random.Random, *, everything: bool = False) -> str:
    """A copy on another site: three or more perturbations at random (all of them with `everything`)."""
    if everything:
        return perturb(story, PERTURBATIONS, rng)
    names = rng.sample(PERTURBATIONS, rng.randint(3, len(PERTURBATIONS)))
    return perturb(story, names, rng)


__all__ = [
    "CIVIC",
    "LISTED",
    "PERTURBATIONS",
    "POOLS",
    "PROVINCES",
    "STRUCTURAL",
    "TEXTUAL",
    "TOPICS",
    "Perturb",
    "Pool",
    "Story",
    "add_paragraph",
    "copyedit",
    "drop_closing",
    "make_stories",
    "nfd",
    "old_tone_style",
    "perturb",
    "recaption",
    "relead",
    "retag",
    "syndicate",
    "whitespace_noise",
]

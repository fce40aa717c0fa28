"""The replica's nights: `Replica.advance` adds and edits articles on every site as a night of news would (new
stories on the sites still publishing, corrections to recent ones), and `POST
/_replica/advance?new=N&edited=M&seed=S` on the index host does the same over HTTP (`advance_request`).

`night` is what `Replica.advance` does (under the replica's lock); `_corrected` writes a desk's correction
(a figure set right, a sentence reworded, an update appended) and `_new_story` a new story by the province's
writers (`topics`, `corpus`).
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeAlias
from urllib.parse import parse_qs

from crawler.sites import Site
from replica.answers import not_allowed
from replica.corpus import _author, _byline_in_body, _lead_with_tag, _write
from replica.model import TEXT, Page, ReplicaArticle
from replica.provinces import MERGER_DAY, WRITING, ProvinceWriting
from replica.topics import TOPICS, fmt

if TYPE_CHECKING:
    from replica.portals import Replica

Change: TypeAlias = tuple[str, str, str]
"""(site key, article id, `"new"` or `"edited"`): one change `Replica.advance` made."""

JSON = "application/json; charset=utf-8"
ADVANCE_PATH = "/_replica/advance"
"""Where operators `POST` to advance the replica by a night (on the index host, not a portal's)."""
ADVANCE_MAX = 100
"""Most articles per site one `POST` to `ADVANCE_PATH` may add or edit."""


def night(replica: Replica, new: int, edited: int, *, seed: int | str, when: datetime) -> list[Change]:
    """`Replica.advance` at `when` (checked, in VN_TZ), called under the replica's lock."""
    changes: list[Change] = []
    sites = replica.sites
    titles = {a.title for key in sites for a in replica.articles(key)}
    for key in sorted(sites):
        site = sites[key]
        before = replica.articles(key)  # oldest first; the night's new stories are not edited
        writing = _writing_of(site)
        # A province's writer names only communes after the 2025 merger: it needs the new map.
        can_write = writing is not None and (bool(writing.new_places) or when.date() < MERGER_DAY)
        if new and writing is not None and can_write and _active_on(site, when.date()):
            floor = before[-1].published if before else when
            for n in range(new):
                article = _new_story(replica, site, writing, n, max(when, floor), seed, titles)
                changes.append((key, article.id, "new"))
        rng = random.Random(f"advance:edit:{seed}:{key}:{when.isoformat()}")
        recent = before[::-1][: max(3, edited)]
        for a in sorted(rng.sample(recent, min(edited, len(recent))), key=recent.index):
            paragraphs = _corrected(a, site, writing, when, rng)
            modified = max(when, a.published, a.last_modified)
            replica.edit_article(key, a.id, paragraphs=paragraphs, modified=modified)
            changes.append((key, a.id, "edited"))
    return changes


def _new_story(
    replica: Replica,
    site: Site,
    w: ProvinceWriting,
    n: int,
    when: datetime,
    seed: int | str,
    titles: set[str],
) -> ReplicaArticle:
    """The `n`-th new story of the night on `site`, published at `when` (its title added to `titles`)."""
    stamp = f"{seed}:{site.key}:{when:%Y%m%d%H%M}:{n}"
    rng = random.Random(f"advance:new:{stamp}")
    usable = [t for t in TOPICS if t.needs(w)]
    in_season = [t for t in usable if not t.months or when.month in t.months]
    rest = [t for t in usable if t not in in_season]
    sections = dict(replica._sections(site))
    planned = [slug for slug, _, _ in w.sections if slug in sections] or list(sections)
    for topic in rng.sample(in_season, len(in_season)) + rng.sample(rest, len(rest)):
        try:
            draft = _write(topic, w, when, f"advance:{stamp}:{topic.key}", titles)
        except RuntimeError:  # every headline this writer came up with is taken
            continue
        section = next(
            (s for s in topic.sections if s in planned),
            next((s for s in topic.sections if s in sections), rng.choice(planned)),
        )
        lead, tag = _lead_with_tag(w, draft.lead, rng)
        authors, author_line = _author(w, rng, _byline_in_body(site.family.key, rng))
        article = replica.new_article(
            site.key,
            title=draft.title,
            lead=lead,
            paragraphs=draft.paragraphs,
            published=when,
            section=section,
            section_name=sections[section],
            images=draft.captions,
            authors=authors,
            author_line=author_line,
            source_tag=tag,
            tags=tuple(dict.fromkeys(draft.tags)),
        )
        try:
            return replica.add_article(site.key, article)
        except ValueError:  # its URL is taken (a site whose URLs are the slug alone): write another
            continue
    raise RuntimeError(f"{site.key}: could not write a new story with a distinct title for {when}")


def advance_request(replica: Replica, method: str, query: str) -> Page:
    """`POST /_replica/advance?new=N&edited=M&seed=S` (each 1, 1, 0 when left out): `advance`, answered
    with its changes as a JSON list of `[site key, article id, "new" | "edited"]`."""
    if method != "POST":
        return not_allowed(method, ("POST",))
    params = parse_qs(query)
    counts: dict[str, int] = {}
    for name in ("new", "edited"):
        raw = (params.get(name) or ["1"])[-1]
        if not raw.isdigit() or int(raw) > ADVANCE_MAX:
            message = f"{name} must be a whole number from 0 to {ADVANCE_MAX}, got {raw!r}\n"
            return Page(400, TEXT, message.encode())
        counts[name] = int(raw)
    seed = (params.get("seed") or ["0"])[-1]
    changes = replica.advance(counts["new"], counts["edited"], seed=int(seed) if seed.isdigit() else seed)
    # The list `advance` returns: [site key, article id, "new" or "edited"] for each change.
    return Page(200, JSON, json.dumps(changes).encode("utf-8"))


def _active_on(site: Site, day: date) -> bool:
    """Whether the site publishes on `day` (the papers closed by the 2025 merger do not any more)."""
    return not ((site.active_from and day < site.active_from) or (site.active_to and day > site.active_to))


def _writing_of(site: Site) -> ProvinceWriting | None:
    """What the story writers know of the site's province: its own entry, an undeclared portal's, or that of
    a registered site of the same province; None where there is none."""
    from replica.undeclared import _writing as undeclared_writing

    return (
        WRITING.get(site.key)
        or undeclared_writing().get(site.key)
        or next((w for w in WRITING.values() if w.name == site.province), None)
    )


# A figure followed by what it counts: what a correction most often sets right.
_FIGURE = re.compile(
    r"(?<![\d.,/-])(\d{1,3}(?:\.\d{3})+|\d{2,3})(?= (?:ha|héc-ta|tấn|người|hộ|tỷ đồng|triệu đồng|km|ca|học "
    r"sinh|đảng viên|lượt|doanh nghiệp|căn|con|trường hợp|dự án|xã|phường|công trình|lao động)\b)"
)
_REWORDS = (  # (what, how a desk rewords it): same meaning, other words
    (re.compile(r"\b(với|có|đạt|động|được|thu|lên|cho|của|là|trong|gồm) hơn (?=\d)"), r"\1 trên "),
    (re.compile(r"\b(với|có|đạt|động|được|thu|lên|cho|của|là|trong|gồm) khoảng (?=\d)"), r"\1 chừng "),
    (re.compile(r"\bTừ đầu năm đến nay\b"), "Từ đầu năm"),
    (re.compile(r"\bTheo đó,"), "Cụ thể,"),
    (re.compile(r"\bđồng thời,"), "bên cạnh đó,"),
    (re.compile(r"\bnhanh chóng\b"), "khẩn trương"),
    (re.compile(r"\bcho biết\b"), "cho hay"),
    (re.compile(r"\btrong đó có\b"), "trong đó"),
)


def _paper(site: Site) -> str:
    """`Báo Đồng Nai (before the 2025 platform)` → `Báo Đồng Nai`."""
    return re.sub(r"\s*\(.*\)$", "", site.name)


def _update_sentence(
    site: Site, w: ProvinceWriting | None, when: datetime, rng: random.Random, text: str
) -> str:
    """A sentence a desk appends when it updates a story (one `text` does not hold yet, where it can)."""
    daypart = "sáng" if when.hour < 11 else "trưa" if when.hour < 13 else "chiều" if when.hour < 18 else "tối"
    province = w.province if w is not None else f"tỉnh {site.province}"
    options = (
        f"Thông tin được cập nhật lúc {when.hour} giờ {when:%M} ngày {when.day}/{when.month}/{when.year}.",
        f"Đến {daypart} {when.day}/{when.month}, UBND {province} cho biết đang tiếp tục chỉ đạo các đơn vị "
        "liên quan theo dõi, kịp thời báo cáo kết quả.",
        f"Số liệu trong bài đã được các sở, ngành của {province} rà soát, cập nhật đến {daypart} ngày "
        f"{when.day}/{when.month}.",
        f"{_paper(site)} sẽ tiếp tục thông tin về nội dung này.",
    )
    return rng.choice([o for o in options if o not in text] or options)


def _corrected(
    a: ReplicaArticle, site: Site, w: ProvinceWriting | None, when: datetime, rng: random.Random
) -> tuple[str, ...]:
    """`a`'s body as a correction leaves it: one figure set right, one paragraph reworded, or an update
    appended to its last paragraph the page prints (never the body unchanged)."""
    paragraphs = list(a.paragraphs)
    served = range(len(a.served_paragraphs()))
    figures = [i for i in served if _FIGURE.search(paragraphs[i])]
    rewordable = [i for i in served if any(r.search(paragraphs[i]) for r, _ in _REWORDS)]
    kind = rng.choice(["append"] + ["figure"] * bool(figures) + ["reword"] * bool(rewordable))
    if kind == "figure":
        i = rng.choice(figures)
        found = rng.choice(list(_FIGURE.finditer(paragraphs[i])))
        old = int(found.group(1).replace(".", ""))
        new = max(1, old + rng.choice((-1, 1)) * max(1, round(old * rng.uniform(0.02, 0.08))))
        new = new if new != old else old + 1
        paragraphs[i] = paragraphs[i][: found.start()] + fmt(new) + paragraphs[i][found.end() :]
    elif kind == "reword":
        i = rng.choice(rewordable)
        pattern, replacement = next((r, t) for r, t in _REWORDS if r.search(paragraphs[i]))
        paragraphs[i] = pattern.sub(replacement, paragraphs[i], count=1)
    else:
        i = served[-1]
        paragraphs[i] = f"{paragraphs[i]} {_update_sentence(site, w, when, rng, paragraphs[i])}"
    return tuple(paragraphs)

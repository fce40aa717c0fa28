"""The replica's default corpus: articles written here for every registered site.

Two Ấp Bắc articles are written out in full: the seed page the project started from (24 March 2021, its
text as the user handed it over) and one from October 2018 in family B's original template. The rest are
composed by the writers in `topics` from each province's data in `provinces`, deterministically (one seeded
random source per site): the same corpus on every machine and every run.

Each article gets an id and URL in its site's shape (see `site_article_path`), a date in its site's active range,
Vietnam time, 1–3 images with captions, authors (for families A/B mostly a capitals line ending the body),
tags, sometimes a modified time, and a few of the oddities real portals serve (`quirk_plan`). What is particular
to one site (its oddities, its URL form, its written-out pages) is in its record's `[replica]` table.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta

from crawler.sites import Site, all_sites
from replica.model import QUIRKS, VN_TZ, ReplicaArticle, ReplicaImage
from replica.provinces import WRITING, ProvinceWriting
from replica.topics import TOPICS, Ctx, Draft, Topic, cap, slugify

SECTION_NAMES: dict[str, str] = {
    "thoi-su": "Thời sự",
    "chinh-tri": "Chính trị",
    "kinh-te": "Kinh tế",
    "xa-hoi": "Xã hội",
    "van-hoa": "Văn hóa",
    "giao-duc": "Giáo dục",
    "y-te": "Y tế",
    "the-thao": "Thể thao",
    "phap-luat": "Pháp luật",
}


def quirk_plan(site: Site) -> tuple[str, ...]:
    """Which oddities the site's corpus carries (its record's `[replica]` `quirks`); each entry marks one more
    article."""
    plan = tuple(site.replica.get("quirks", ()))
    unknown = sorted(set(plan) - QUIRKS)
    if unknown:
        raise ValueError(
            f"site {site.key!r}: [replica] quirks: unknown {unknown[0]!r}; known: {sorted(QUIRKS)}"
        )
    return plan


_LISTING_QUIRKS = frozenset({"index-htm-link", "relative-link", "listed-twice"})

# --- the seed page (Báo Ấp Bắc, 24 March 2021), as the user handed it over ----------------------------------

SEED_URL = (
    "https://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-nang-cao-nang-luc-cua-co-so-dang-1050912/"
)
SEED_DATELINE = "Thứ Tư, 24/03/2021, 15:35 (GMT+7)"
SEED_TITLE = "Đổi mới phương thức lãnh đạo, nâng cao năng lực của cơ sở Đảng"
SEED_LEAD = (
    "(ABO) Đó là một trong những chỉ đạo của đồng chí Thái Ngọc Bảo Trâm, Bí thư Đảng ủy Khối Cơ quan và "
    "Doanh "
    "nghiệp tỉnh Tiền Giang (gọi tắt là Đảng ủy khối) tại Hội nghị tổng kết công tác tổ chức xây dựng Đảng "
    "năm "
    "2020; sơ kết công tác quý I năm 2021 do Ban Thường vụ Đảng ủy khối tổ chức vào sáng 24-3."
)
SEED_PARAGRAPHS = (
    "Theo đánh giá của Đảng ủy khối, năm 2020, công tác tổ chức xây dựng Đảng được thực hiện đúng quy định, "
    "đảm bảo "
    "thường xuyên, kịp thời, đã nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức Đảng và đảng viên. "
    "Công tác "
    "giáo dục chính trị tư tưởng cho đảng viên, quần chúng tiếp tục được quan tâm thực hiện. Theo đó, Đảng "
    "ủy khối đã "
    "phối hợp với Ban Tuyên giáo Tỉnh ủy mở 2 lớp bồi dưỡng lý luận chính trị cho đảng viên mới, 1 lớp đối "
    "tượng kết "
    "nạp Đảng thực hiện theo Đề án 03; 2 lớp đối tượng kết nạp Đảng...",
    "Trong năm có 99/107 cơ sở đảng đạt hoàn thành tốt nhiệm vụ (đạt 92,52%), trong đó có 20 cơ sở đảng đạt "
    "hoàn "
    "thành xuất sắc nhiệm vụ (đạt 20,20%); có 8/107 cơ sở đảng hoàn thành nhiệm vụ (đạt 7,47%); có 931 đảng "
    "viên "
    "hoàn thành xuất sắc nhiệm vụ; kết nạp 171 đảng viên mới, nâng tổng số đảng viên Đảng ủy khối hiện có "
    "5.663 "
    "đảng viên...",
    "Về công tác kiểm tra, giám sát, trong năm 2020, các cấp ủy thường xuyên tổ chức kiểm tra đối với các tổ "
    "chức "
    "đảng và đảng viên. Đối tượng kiểm tra, giám sát ngày càng mở rộng, chất lượng đi vào chiều sâu… Công "
    "tác phòng, "
    "chống tham nhũng, lãng phí được cấp ủy lãnh đạo thực hiện đồng bộ, nghiêm túc.",
    "Hội nghị cũng đã có nhiều ý kiến thảo luận, đánh giá toàn diện kết quả đạt được, cũng như góp ý xây "
    "dựng một số "
    "nội dung công tác trong năm 2021 phù hợp với tình hình, đặc điểm và nhiệm vụ chính trị của Đảng bộ Khối "
    "Cơ quan "
    "và Doanh nghiệp tỉnh và các cơ quan, đơn vị doanh nghiệp.",
    "Phát biểu kết luận hội nghị, đồng chí Thái Ngọc Bảo Trâm đánh giá cao những kết quả mà các tổ chức cơ "
    "sở đảng "
    "đạt được trong năm qua; đồng thời, nêu lên một số hạn chế cần tháo gỡ trong thời gian tới.",
    "Theo đó, đồng chí Thái Ngọc Bảo Trâm nhấn mạnh một số nhiệm vụ trọng tâm trong năm 2021: Các cấp ủy, tổ "
    "chức "
    "cơ sở đảng thực hiện các nhiệm vụ phải kiên định nguyên tắc tập trung dân chủ của Đảng. Phát huy tinh "
    "thần đoàn "
    "kết nội bộ, quán triệt các nội dung nhiệm vụ xây dựng Đảng được xác định trong Nghị quyết XIII của "
    "Đảng; bám "
    "sát cơ sở giữ mối liên hệ thường xuyên với đảng viên; làm tốt công tác phát triển đảng viên mới; thực "
    "hiện công "
    "tác bảo vệ chính trị nội bộ đúng quy định, kịp thời đề ra các giải pháp về xây dựng, chỉnh đốn Đảng, "
    "quan tâm "
    "việc nâng cao chất lượng hoạt động tổ chức cơ sở đảng. Cùng với đó là tiếp tục quan tâm xây dựng chương "
    "trình "
    "kiểm tra giám sát; đổi mới phương thức lãnh đạo, nâng cao năng lực và sức chiến đấu của tổ chức cơ sở "
    "đảng, "
    "đội ngũ cán bộ, đảng viên...",
    "Dịp này, Ban Thường vụ Đảng ủy khối khen thưởng nhiều tập thể, cá nhân có nhiều thành tích tiêu biểu "
    "xuất sắc "
    "trong công tác tổ chức xây dựng Đảng trong thời gian qua.",
)
SEED_IMAGES = (
    ReplicaImage(
        src="/uploads/images/2021/3/24/1050912-1.jpg",
        caption="Đồng chí Thái Ngọc Bảo Trâm, Bí thư Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Tiền Giang "
        "trao Giấy "
        "khen cho các tập thể, cá nhân tại hội nghị.",
        alt="Đồng chí Thái Ngọc Bảo Trâm",
        after=0,
    ),
    ReplicaImage(
        src="/uploads/images/2021/3/24/1050912-2.jpg",
        caption="Lãnh đạo Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Tiền Giang trao Giấy khen cho các tập "
        "thể, cá "
        "nhân tại hội nghị.",
        alt="Lãnh đạo Đảng ủy Khối cơ quan và doanh nghiệp tỉnh",
        after=2,
    ),
    ReplicaImage(
        src="/uploads/images/2021/3/24/1050912-3.jpg",
        caption="Đồng chí Thái Ngọc Bảo Trâm phát biểu tại hội nghị",
        alt="đồng chí Thái Ngọc Bảo Trâm,",
        after=3,
    ),
)


def seed_article() -> ReplicaArticle:
    """The page the project was started from, as Báo Ấp Bắc served it."""
    return ReplicaArticle(
        id="1050912",
        url=SEED_URL,
        title=SEED_TITLE,
        lead=SEED_LEAD,
        paragraphs=SEED_PARAGRAPHS,
        published=datetime(2021, 3, 24, 15, 35, tzinfo=VN_TZ),
        section="xa-hoi",
        section_name="Xã hội",
        images=SEED_IMAGES,
        authors=("HOÀI THU",),
        author_line="HOÀI THU",
        source_tag="(ABO)",
        tags=("xây dựng Đảng", "Đảng ủy Khối Cơ quan và Doanh nghiệp", "Tiền Giang"),
        trailing_dots=3,
    )


def apbac_2018_article() -> ReplicaArticle:
    """An Ấp Bắc article of October 2018, served in family B's original template (`div.date-update`)."""
    return ReplicaArticle(
        id="846215",
        url="https://baoapbac.vn/kinh-te/201810/cai-be-nong-dan-lai-cao-nho-xu-ly-sau-rieng-ra-hoa-nghich-vu-846215/",
        title="Cái Bè: Nông dân lãi cao nhờ xử lý sầu riêng ra hoa nghịch vụ",
        lead="(ABO) Những ngày đầu tháng 10, nhiều nhà vườn ở huyện Cái Bè đang tất bật thu hoạch sầu riêng "
        "nghịch "
        "vụ. Với giá bán từ 65.000 - 70.000 đồng/kg, sau khi trừ chi phí, nhiều hộ thu lãi hàng trăm "
        "triệu đồng "
        "mỗi héc-ta.",
        paragraphs=(
            "Ông Nguyễn Văn Út, ngụ xã Hòa Hưng, huyện Cái Bè, có 1,5 ha sầu riêng Ri6 đang cho trái. Ông "
            "cho biết, "
            "từ năm 2015, gia đình bắt đầu áp dụng kỹ thuật xử lý cho cây ra hoa nghịch vụ để thu hoạch vào "
            "thời "
            "điểm trái cây khan hiếm, giá cao.",
            "“Làm nghịch vụ thì tốn công chăm sóc hơn, phải canh nước, canh phân kỹ lưỡng, nhưng bán được "
            "giá gấp "
            "đôi chính vụ. Năm nay vườn nhà tôi đạt khoảng 25 tấn, thương lái đặt cọc trước cả tháng”, ông "
            "Út phấn "
            "khởi nói.",
            "Theo Phòng Nông nghiệp và Phát triển nông thôn huyện Cái Bè, toàn huyện hiện có trên 5.800 ha "
            "sầu "
            "riêng, trong đó khoảng 40% diện tích được nông dân xử lý ra hoa nghịch vụ. Năng suất bình quân "
            "đạt "
            "18 - 20 tấn/ha, lợi nhuận từ 500 - 700 triệu đồng/ha.",
            "Tuy nhiên, ngành chuyên môn khuyến cáo nông dân không nên xử lý ra hoa nghịch vụ liên tục nhiều "
            "năm vì "
            "cây dễ suy kiệt, nhiễm bệnh xì mủ, thối trái. Nhà vườn cần bón phân hữu cơ, cắt tỉa cành hợp lý "
            "để cây "
            "phục hồi sau thu hoạch.",
            "Bên cạnh đó, nông dân cần liên kết thành lập tổ hợp tác, hợp tác xã, sản xuất theo tiêu chuẩn "
            "VietGAP "
            "nhằm nâng cao chất lượng trái, hướng đến xuất khẩu, tránh tình trạng bị thương lái ép giá khi "
            "vào vụ "
            "thu hoạch rộ.",
        ),
        published=datetime(2018, 10, 7, 20, 45, tzinfo=VN_TZ),
        section="kinh-te",
        section_name="Kinh tế",
        images=(
            ReplicaImage(
                src="/uploads/images/2018/10/7/846215-1.jpg",
                caption="Nông dân xã Hòa Hưng, huyện Cái Bè thu hoạch sầu riêng nghịch vụ.",
                alt="Sầu riêng nghịch vụ",
                after=1,
            ),
            ReplicaImage(
                src="/uploads/images/2018/10/7/846215-2.jpg",
                caption="Thương lái thu mua sầu riêng tại vườn.",
                after=3,
            ),
        ),
        authors=("THANH HIỀN",),
        author_line="Bài, ảnh: THANH HIỀN",
        source_tag="(ABO)",
        tags=("sầu riêng", "nghịch vụ", "Cái Bè"),
        template="2018",
    )


WRITTEN_OUT: dict[str, Callable[[], ReplicaArticle]] = {
    "apbac-2018": apbac_2018_article,
    "seed": seed_article,
}
"""The articles written out in full, by the name a record's `[replica]` `written_out` gives them."""


class NoWritingError(LookupError):
    """A site the corpus writer has no writing for (see `replica.provinces`)."""


# --- URLs in each family's shape ----------------------------------------------------------------------------


def article_path(family: str, section: str, published: datetime, slug: str, article_id: str) -> str:
    """The path an article of `family` lives at."""
    month = published.strftime("%Y%m")
    paths = {
        "A": f"/{slug}-a{article_id}.html",
        "B": f"/{section}/{month}/{slug}-{article_id}/",
        "C": f"/{slug}-{article_id}.html",
        "D": f"/{slug}-{article_id}.htm",
        "E": f"/{slug}-post{article_id}.html",
        "F": f"/{slug}-{article_id}.htm",
        "G": f"/{section}/{month}/{slug}-{article_id}/",
    }
    return paths[family]


def url_form(site: Site) -> str | None:
    """The article path of a site whose URLs differ from its family's (its `article_url` overrides it), from its
    record's `[replica]` `url_form`; None where the family's shape holds.

    Fields: `section`, `month` (YYYYMM), `slug`, `id`, `title` (the slug in capitalized words, as ASP.NET
    sites print it), `n` and `m` (the section's number on the CMS, and its parent's).
    """
    form = site.replica.get("url_form")
    return form if isinstance(form, str) else None


def site_article_path(site: Site, section: str, published: datetime, slug: str, article_id: str) -> str:
    """The path an article of `site` lives at: its own URL shape where it has one, else its family's."""
    shape = url_form(site)
    if shape is None:
        return article_path(site.family.key, section, published, slug, article_id)
    number = 10 + sum(map(ord, section)) % 80
    return shape.format(
        section=section,
        month=published.strftime("%Y%m"),
        slug=slug,
        id=article_id,
        title="-".join(word.capitalize() for word in slug.split("-")),
        n=number,
        m=number // 10,
    )


def image_path(family: str, published: datetime, article_id: str, n: int) -> str:
    """Where an article's n-th image lives on its site, in the family's upload layout."""
    d = published
    layouts = {
        "A": f"/image/news/{d:%Y}/{d:%Y%m%d}/thumbnail/800x450/{article_id}_{n}.jpg",
        "B": f"/uploads/images/{d.year}/{d.month}/{d.day}/{article_id}-{n}.jpg",
        "C": f"/images/{d:%Y/%m/%d}/{article_id}-{n}.jpg",
        "D": f"/thumb_w/730/{d:%Y/%m/%d}/{article_id}-{n}.jpg",
        "E": f"/images/{d:%Y/%m/%d}/resize/{article_id}-{n}.jpg",
        "F": f"/uploads/{d:%Y}/{d:%m}/{d:%d}/{article_id}_{n}.jpg",
        "G": f"/dataimages/{d:%Y%m}/original/images{article_id}_{n}.jpg",
    }
    return layouts[family]


def new_id(site: Site, existing: Iterable[str], published: datetime, rng: random.Random | None = None) -> str:
    """A fresh article id in the family's shape, after the ones `existing` holds."""
    rng = rng or random.Random(f"{site.key}:{published.isoformat()}")
    taken = set(existing)
    family = site.family.key
    while True:
        if family == "D":
            candidate = f"{published:%Y%m%d%H%M%S}{rng.randrange(1000):03d}"
        elif family == "G":
            candidate = f"{rng.randrange(0x1000000, 0x10000000):07x}"
            if candidate.isdigit():
                continue
        else:
            numeric = [int(i) for i in taken if i.isdigit()]
            candidate = str(max(numeric) + rng.randint(1, 40) if numeric else WRITING[site.key].first_id)
        if candidate not in taken:
            return candidate


def make_article(
    site: Site,
    article_id: str,
    *,
    title: str,
    lead: str,
    paragraphs: Sequence[str],
    published: datetime,
    section: str = "thoi-su",
    section_name: str | None = None,
    images: Sequence[tuple[str, str | None]] = (),
    **extra: object,
) -> ReplicaArticle:
    """An article for `site` with its URL and image paths in the family's shape (`images`: caption, alt)."""
    family = site.family.key
    path = site_article_path(site, section, published, slugify(title), article_id)
    placed = tuple(
        ReplicaImage(
            src=image_path(family, published, article_id, n + 1),
            caption=caption,
            alt=alt,
            after=min(len(paragraphs), 1 + n * max(1, (len(paragraphs) - 1) // max(1, len(images)))),
        )
        for n, (caption, alt) in enumerate(images)
    )
    return ReplicaArticle(
        id=article_id,
        url=site.absolute(path),
        title=title,
        lead=lead,
        paragraphs=tuple(paragraphs),
        published=published,
        section=section,
        section_name=section_name or SECTION_NAMES.get(section, cap(section.replace("-", " "))),
        images=placed,
        **extra,  # type: ignore[arg-type]
    )


# --- composing a site's corpus ------------------------------------------------------------------------------


def _at(day: date, rng: random.Random) -> datetime:
    """A publication time on `day`, at an hour newsrooms publish."""
    at = time(rng.choice((6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 19, 20, 21)), rng.randrange(60))
    return datetime.combine(day, at, tzinfo=VN_TZ)


def _author(w: ProvinceWriting, rng: random.Random, in_body: bool) -> tuple[tuple[str, ...], str | None]:
    """(authors as printed, the body's author line or None)."""
    first, second = rng.sample(w.reporters, 2)
    if not in_body:
        names = (first, second) if rng.random() < 0.2 else (first,)
        return tuple(n if n != n.upper() else n.title() for n in names), None
    form = rng.choice(("{a}", "{a}", "Bài, ảnh: {a}", "Tin, ảnh: {a}", "{a} - {b}", "Bài và ảnh: {a}"))
    names = (first, second) if "{b}" in form else (first,)
    return names, form.format(a=first, b=second)


def _byline_in_body(family: str, rng: random.Random) -> bool:
    return {"A": rng.random() < 0.7, "B": True, "C": rng.random() < 0.15}.get(family, False)


def _choose_topics(w: ProvinceWriting, rng: random.Random) -> list[tuple[str, Topic]]:
    """(section, topic) for each generated article: the plan's counts, no topic twice in one site."""
    usable = [t for t in TOPICS if t.needs(w)]
    slots = [slug for slug, _, count in w.sections for _ in range(count)]
    # Fill the sections few topics can go to first.
    slots.sort(key=lambda s: sum(s in t.sections for t in usable))
    chosen: list[tuple[str, Topic]] = []
    for section in slots:
        taken = {t.key for _, t in chosen}
        candidates = [t for t in usable if t.key not in taken and section in t.sections]
        if not candidates:
            candidates = [t for t in usable if t.key not in taken]
        chosen.append((section, rng.choice(candidates)))
    return chosen


def _place_dates(w: ProvinceWriting, chosen: list[tuple[str, Topic]], rng: random.Random) -> list[datetime]:
    """A date for each chosen story: one per equal slice of the site's range, in a month the story fits.

    Stories bound to months (harvests, exams, 27 July) pick their slice first.
    """
    count = len(chosen)
    span = (w.end - w.start).days
    bins = [
        [w.start + timedelta(days=d) for d in range(span * i // count, max(span * (i + 1) // count, 1))]
        for i in range(count)
    ]
    free = list(range(count))
    placed: dict[int, datetime] = {}
    for i in sorted(range(count), key=lambda i: len(chosen[i][1].months) or 13):
        months = chosen[i][1].months

        def fits(day: date, months: tuple[int, ...] = months) -> bool:
            return not months or day.month in months

        options = [b for b in free if any(fits(d) for d in bins[b])] or free
        slot = rng.choice(options)
        free.remove(slot)
        placed[i] = _at(rng.choice([d for d in bins[slot] if fits(d)] or bins[slot]), rng)
    return [placed[i] for i in range(count)]


def _write(topic: Topic, w: ProvinceWriting, when: datetime, seed: str, titles: set[str]) -> Draft:
    for attempt in range(40):
        draft = topic.write(Ctx(w, random.Random(f"{seed}:{attempt}"), when))
        if draft.title not in titles:
            titles.add(draft.title)
            return draft
    raise RuntimeError(f"{w.site}: could not write a distinct {topic.key} story")


def _lead_with_tag(w: ProvinceWriting, lead: str, rng: random.Random) -> tuple[str, str | None]:
    if w.tag is None:
        return lead, None
    if w.tag_share >= 1 or rng.random() < w.tag_share:
        return f"{w.tag}{w.tag_sep}{lead}", w.tag
    return lead, None


def build_site_corpus(
    site: Site, titles: set[str] | None = None, writing: ProvinceWriting | None = None
) -> list[ReplicaArticle]:
    """The generated articles of one site (and the written-out ones its record's `[replica]` `written_out`
    names: Ấp Bắc's two), oldest first. `writing`: what to write from, for a site with no entry in `WRITING`
    (the replica's undeclared ones)."""
    w = writing or WRITING.get(site.key)
    if w is None:
        raise NoWritingError(
            f"site {site.key!r}: its record has no [replica.writing] table and no registered site of "
            f"{site.province} to borrow one from: the replica serves it without articles"
        )
    titles = set() if titles is None else titles
    rng = random.Random(f"replica:{site.key}")
    family = site.family.key
    chosen = _choose_topics(w, rng)
    dates = _place_dates(w, chosen, rng)
    order = sorted(range(len(chosen)), key=lambda i: dates[i])

    articles: list[ReplicaArticle] = []
    ids: list[str] = []
    next_numeric = w.first_id
    for i in order:
        section, topic = chosen[i]
        when = dates[i]
        draft = _write(topic, w, when, f"{site.key}:{i}", titles)
        if family == "D":
            article_id = f"{when:%Y%m%d%H%M%S}{rng.randrange(1000):03d}"
        elif family == "G":
            next_numeric += rng.randint(0x1000, 0x9FFFF)
            while f"{next_numeric:07x}".isdigit():
                next_numeric += 1
            article_id = f"{next_numeric:07x}"
        else:
            next_numeric += rng.randint(37, 900)
            article_id = str(next_numeric)
        ids.append(article_id)
        lead, tag = _lead_with_tag(w, draft.lead, rng)
        authors, author_line = _author(w, rng, _byline_in_body(family, rng))
        modified = when + timedelta(minutes=rng.randint(12, 4000)) if rng.random() < 0.35 else None
        articles.append(
            make_article(
                site,
                article_id,
                title=draft.title,
                lead=lead,
                paragraphs=draft.paragraphs,
                published=when,
                section=section,
                section_name=dict((s, n) for s, n, _ in w.sections).get(section),
                images=draft.captions,
                modified=modified,
                authors=authors,
                author_line=author_line,
                source_tag=tag,
                tags=tuple(dict.fromkeys(draft.tags)),
            )
        )
    written_out = [WRITTEN_OUT[name]() for name in site.replica.get("written_out", ())]
    if written_out:
        articles += written_out
        titles.update(a.title for a in articles)
    articles.sort(key=lambda a: a.published)
    return _apply_quirks(site, articles)


def _apply_quirks(site: Site, articles: list[ReplicaArticle]) -> list[ReplicaArticle]:
    from dataclasses import replace

    listing_sections = [p.strip("/").split("/")[0] for kind, p in _entry_paths(site) if kind == "listing"]
    favourite = listing_sections[0] if listing_sections else articles[-1].section
    # Untouched articles in the listed section, newest first (the written-out Ấp Bắc pages stay as given).
    in_listing = [i for i in reversed(range(len(articles))) if articles[i].section == favourite]
    others = [i for i in reversed(range(len(articles))) if i not in in_listing]
    marked: dict[int, set[str]] = {}
    for quirk in quirk_plan(site):
        pool = in_listing if quirk in _LISTING_QUIRKS else others + in_listing
        pool = [i for i in pool if articles[i].id not in ("1050912", "846215")]
        pick = next((i for i in pool if quirk not in marked.get(i, set())), None)
        if pick is None:
            raise RuntimeError(f"{site.key}: no article left for quirk {quirk}")
        marked.setdefault(pick, set()).add(quirk)
    return [replace(a, quirks=frozenset(marked[i])) if i in marked else a for i, a in enumerate(articles)]


def _entry_paths(site: Site) -> list[tuple[str, str]]:
    from urllib.parse import urlsplit

    return [(kind, urlsplit(url).path) for kind, url in site.entry_points()]


def default_corpus(sites: Iterable[Site] | None = None) -> dict[str, list[ReplicaArticle]]:
    """Every registered site's articles (or only `sites`'), oldest first, titles distinct in the corpus."""
    titles: set[str] = set()
    chosen = list(sites) if sites is not None else list(all_sites().values())
    corpus: dict[str, list[ReplicaArticle]] = {}
    for site in chosen:
        try:
            corpus[site.key] = build_site_corpus(site, titles)
        except NoWritingError as error:
            logging.getLogger(__name__).warning("%s", error)
            corpus[site.key] = []
    return corpus


__all__ = [
    "SECTION_NAMES",
    "SEED_URL",
    "WRITTEN_OUT",
    "NoWritingError",
    "apbac_2018_article",
    "article_path",
    "build_site_corpus",
    "default_corpus",
    "image_path",
    "make_article",
    "new_id",
    "quirk_plan",
    "seed_article",
    "site_article_path",
    "slugify",
    "url_form",
]

"""Article writers for the replica corpus: one function per kind of provincial news story.

Each writer composes a story from a province's places, produce and roads, the date (seasons, the names
departments and local governments bore then) and a seeded random source. Real papers' stories on one topic
share stock phrases but little else, and so do these: every writer holds a pool of paragraphs (openings,
middles, closings), each with several phrasings (`[a|b|c]` alternatives, see `Ctx.v`) and most sentences
carrying the story's own places, people, figures and dates; a story draws one opening, a few middles in its
own order and maybe a closing. Two stories of one kind, even in one province, share only boilerplate (the
replica's tests bound their shingle similarity). All of it is written here; the officials, farmers and
doctors quoted are invented. The word lists the writers draw from (people's names, department names, crops
that are not fruit, seafood prices, hamlets, products, …) are data, replica/data/topics.toml; the sentences
are here.
"""

from __future__ import annotations

import random
import re
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from replica.provinces import MERGER_DAY, ProvinceWriting

T = TypeVar("T")
Para = Callable[[], str]
"""A paragraph not yet written: only the ones a story uses are written, in the order it prints them."""

with (Path(__file__).resolve().parent / "data" / "topics.toml").open("rb") as _file:
    _DATA: dict[str, Any] = tomllib.load(_file)
_SURNAMES: tuple[str, ...] = tuple(_DATA["names"]["surnames"])
_MEN: tuple[tuple[str, str], ...] = tuple((middle, given) for middle, given in _DATA["names"]["men"])
_WOMEN: tuple[tuple[str, str], ...] = tuple((middle, given) for middle, given in _DATA["names"]["women"])
"""(middle name, given name) pairs."""
_SAID: tuple[str, ...] = tuple(_DATA["speech"]["said"])
_DEPARTMENTS: dict[str, tuple[str, str]] = {
    kind: (before, after) for kind, (before, after) in _DATA["departments"].items()
}
"""A provincial department's name before 1 March 2025 and from then (several merged that day)."""
_WORDS: dict[str, dict[str, Any]] = {
    writer: {k: tuple(tuple(x) if isinstance(x, list) else x for x in v) for k, v in words.items()}
    for writer, words in _DATA["writers"].items()
}
"""What the writers draw places, products and the like from, by writer."""

_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?”)])")
_SENTENCE_START = re.compile(r"([.!?]\s+)(\w)")


def cap(text: str) -> str:
    """The first letter in capitals, the rest untouched (`str.capitalize` would lowercase names)."""
    return text[:1].upper() + text[1:]


def tidy(text: str) -> str:
    """One space between words, none before punctuation, no doubled commas left by an empty alternative."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = text.replace(",,", ",").replace(",.", ".").replace("..", ".")
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def slugify(text: str, limit: int = 90) -> str:
    """`Đổi mới phương thức …` → `doi-moi-phuong-thuc-…`, cut at a word boundary near `limit`."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def fmt(number: int) -> str:
    """A whole number with Vietnamese thousands dots: `5.663`."""
    return f"{number:,}".replace(",", ".")


@dataclass
class Draft:
    """A written story before it gets a URL, an id and a page."""

    title: str
    lead: str
    paragraphs: list[str]
    captions: list[tuple[str, str | None]]  # (caption, alt text where it differs from the caption)
    tags: list[str]
    other_titles: list[str] = field(default_factory=list)
    """Headlines the writer weighed and did not print (another desk re-running the story picks one)."""


@dataclass
class Person:
    name: str
    woman: bool

    @property
    def honorific(self) -> str:
        return "bà" if self.woman else "ông"

    @property
    def given(self) -> str:
        return self.name.split()[-1]

    @property
    def call(self) -> str:
        """`ông Hùng`: how a story names someone it has introduced."""
        return f"{self.honorific} {self.given}"


@dataclass
class Ctx:
    """What a writer draws on: the province, the story's date and a seeded random source."""

    w: ProvinceWriting
    rng: random.Random
    when: datetime
    _used: set[str] = field(default_factory=set)
    _introduced: set[str] = field(default_factory=set)
    _titles: list[str] = field(default_factory=list)
    _date_sep: str = ""
    longer: int = 0
    """Paragraphs a story gets beyond its writer's usual count (wire copy runs long)."""

    # --- dates ---------------------------------------------------------------------------------------------
    @property
    def merged(self) -> bool:
        return self.when.date() >= MERGER_DAY

    @property
    def year(self) -> int:
        return self.when.year

    @property
    def month(self) -> int:
        return self.when.month

    def before(self, day: date) -> bool:
        return self.when.date() < day

    def dm(self, days: int = 0) -> str:
        """The story's day and month as the paper prints them (`12-3` or `12/3`), `days` away from it."""
        if not self._date_sep:
            self._date_sep = self.pick(("-", "-", "/"))
        d = self.when + timedelta(days=days)
        return f"{d.day}{self._date_sep}{d.month}"

    def so_far(self) -> str:
        """The months of the year reported on by the story's date: `5 tháng đầu năm 2025`, or last year's
        figures in January and February."""
        if self.month <= 2:
            return f"năm {self.year - 1}"
        return f"{self.month - 1} tháng [đầu năm {self.year}|năm {self.year}|đầu năm]"

    def daypart(self) -> str:
        """When in the day the story's event happened (`Sáng`, `Chiều`, `Ngày`): before it was published."""
        return self.pick(("Sáng", "Ngày") if self.when.hour < 11 else ("Sáng", "Chiều", "Ngày"))

    # --- the province ---------------------------------------------------------------------------------------
    @property
    def P(self) -> str:
        return self.w.name

    @property
    def prov(self) -> str:
        return self.w.province

    @property
    def unit(self) -> str:
        return self.w.unit

    @property
    def ubnd(self) -> str:
        return self.w.ubnd

    def place(self) -> str:
        """A district before the merger (`huyện Cái Bè`), a commune or ward after it."""
        if self.merged or not self.w.old_places:
            return self.pick_new(self.w.new_places)
        return self.pick_new(tuple(d for _, d in self.w.old_places))

    def commune(self, rural: bool = False) -> str:
        """`xã Vĩnh Kim, huyện Châu Thành` before the merger, `xã Tháp Mười` after it (`rural`: a `xã`, not
        a ward, where the province has one)."""
        if self.merged or not self.w.old_places:
            places = self.w.new_places
            return self.pick_new(([p for p in places if p.startswith("xã ")] or places) if rural else places)
        olds = self.w.old_places
        c, d = self.pick_new(([p for p in olds if p[0].startswith("xã ")] or olds) if rural else olds)
        return f"{c}, {d}"

    def named(self, p: Person) -> str:
        """`p`'s full name, the story having now introduced them (see `who`)."""
        self._introduced.add(p.name)
        return p.name

    def district_of(self, commune: str) -> str:
        """The district `commune` (as `commune()` gave it) lay in before the merger; after it, the commune."""
        return commune.split(", ")[-1]

    def local_head(self) -> str:
        """Who runs the local government the story visits."""
        return "Chủ tịch UBND xã" if self.merged else "Chủ tịch UBND huyện"

    def dept(self, kind: str) -> str:
        """A provincial department's name as it was on the story's date (several merged on 1 March 2025)."""
        name = _DEPARTMENTS[kind][0 if self.before(date(2025, 3, 1)) else 1]
        return f"{name} {self.P}" if kind == "police" else name

    # --- random pieces --------------------------------------------------------------------------------------
    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.rng.randrange(len(seq))]

    def pick_new(self, seq: Sequence[T]) -> T:
        """A choice not yet made in this story, while there is one."""
        fresh = [x for x in seq if repr(x) not in self._used]
        choice = self.pick(fresh or list(seq))
        self._used.add(repr(choice))
        return choice

    def n(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def dec(self, low: float, high: float, digits: int = 1) -> str:
        """A decimal in Vietnamese notation: `92,5`."""
        value = round(self.rng.uniform(low, high), digits)
        return f"{value:.{digits}f}".replace(".", ",")

    def big(self, low: int, high: int) -> str:
        """A whole number with Vietnamese thousands dots: `5.663`."""
        return fmt(self.n(low, high))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def person(self, woman: bool | None = None) -> Person:
        if woman is None:
            woman = self.rng.random() < 0.4
        while True:
            middle, given = self.pick(_WOMEN if woman else _MEN)
            name = f"{self.pick(_SURNAMES)} {middle} {given}"
            if name not in self._used:
                self._used.add(name)
                return Person(name, woman)

    def fruit(self) -> str:
        return self.pick_new(fruits(self.w))

    # --- phrasing -------------------------------------------------------------------------------------------
    def v(self, text: str) -> str:
        """`text` with each `[a|b|c]` replaced by one of its alternatives (innermost first, so they nest; an
        alternative may be empty), spaces tidied."""
        while True:
            found = _ALTERNATIVES.search(text)
            if found is None:
                return tidy(text)
            text = text[: found.start()] + self.pick(found.group(1).split("|")) + text[found.end() :]

    def s(self, *sentences: str) -> str:
        """A paragraph of the sentences given (alternatives expanded, empty ones left out, each capitalized)."""
        return " ".join(cap(x) for x in (self.v(s) for s in sentences) if x)

    def one(self, *options: Para) -> str:
        """One of the options, written (only that one)."""
        return self.pick(options)()

    def title(self, options: Sequence[str]) -> str:
        """One headline of `options`; the others are kept as the story's other headlines."""
        shown = [self.v(o) for o in options]
        choice = self.pick(shown)
        self._titles = [t for t in shown if t != choice]
        return choice

    def said(self) -> str:
        return self.pick(_SAID)

    def who(self, p: Person, role: str = "", hon: str | None = None) -> str:
        """How the story names `p`: in full with the role the first time, by honorific and given name after."""
        hon = hon or p.honorific
        if p.name in self._introduced:
            return f"{hon} {p.given}"
        self._introduced.add(p.name)
        if not role:
            return f"{hon} {p.name}"
        formal = role[:1].isupper() and "một" not in role.split()  # `Phó Giám đốc Sở Y tế`, not `hàng xóm`
        if formal and hon in ("ông", "bà") and self.chance(0.4):
            return f"{role} {p.name}"
        return f"{hon} {p.name}, {role},"

    def met(self, p: Person) -> bool:
        """Whether the story has already introduced `p`."""
        return p.name in self._introduced

    def bare(self, place: str) -> str:
        """`xã Vĩnh Kim, huyện Châu Thành` → `Vĩnh Kim`: the name without its kind of unit."""
        name = place.split(",")[0]
        for kind in ("đặc khu ", "thị xã ", "thị trấn ", "xã ", "phường ", "huyện ", "quận ", "TP "):
            if name.startswith(kind) and not name[len(kind) :].isdigit():  # `phường 1` stays whole
                return name[len(kind) :]
        return name

    def arrange(
        self,
        openings: Sequence[Para],
        middles: Sequence[Para],
        closings: Sequence[Para] = (),
        *,
        low: int = 4,
        high: int = 6,
        close: float = 0.7,
    ) -> list[str]:
        """A body: one opening, middles drawn in their own order, maybe a closing; `low`..`high` paragraphs."""
        count = min(8, self.n(low + self.longer, high + self.longer))
        closing = bool(closings) and self.chance(close)
        take = max(1, min(len(middles), count - 1 - int(closing)))
        chosen: list[Para] = [self.pick(openings), *self.rng.sample(list(middles), take)]
        if closing:
            chosen.append(self.pick(closings))
        return [tidy(p()) for p in chosen]

    def other_titles(self) -> list[str]:
        return list(self._titles)

    def draft(
        self,
        title: str,
        lead: str,
        paragraphs: list[str],
        captions: list[tuple[str, str | None]],
        tags: list[str],
    ) -> Draft:
        return Draft(title, tidy(lead), paragraphs, captions, tags, self.other_titles())


_NOT_FRUIT = frozenset(_DATA["crops"]["not_fruit"])
"""Crops a province grows that are not fruit."""


def fruits(w: ProvinceWriting) -> list[str]:
    return [c for c in w.crops if c not in _NOT_FRUIT]


# --- the writers --------------------------------------------------------------------------------------------


def rice(c: Ctx) -> Draft:
    south = c.w.region == "mekong"
    y, m = c.year, c.month
    if south:
        season = f"Đông Xuân {y - 1}-{y}" if m <= 4 else f"Hè Thu {y}" if m <= 8 else f"Thu Đông {y}"
        nxt = "Hè Thu" if m <= 4 else "Thu Đông" if m <= 8 else "Đông Xuân"
    else:
        season = f"Xuân {y}" if m <= 7 else f"Mùa {y}"
        nxt = "Mùa" if m <= 7 else "vụ Đông"
    commune = c.commune()
    place = c.district_of(commune)
    hamlet = c.pick(_WORDS["rice"]["hamlets"])
    farmer, official, coop, trader = c.person(woman=False), c.person(), c.person(), c.person(woman=True)
    yield_t = c.dec(6.0, 7.6)
    gain = c.dec(1.5, 4.5)
    done = c.big(1200, 9800)
    sown = c.big(20000, 95000)
    price_lo = c.n(58, 72) * 100
    price_hi = price_lo + c.n(3, 9) * 100
    profit = c.n(14, 34)
    plots = c.dec(1.5, 6.5)
    cost = c.n(18, 29)
    machines = c.n(120, 900)
    hq = c.n(78, 96)
    variety = c.pick(_WORDS["rice"]["varieties_south"] if south else _WORDS["rice"]["varieties_north"])
    title = c.title(
        [
            f"Nông dân {place} trúng mùa lúa {season}",
            f"Lúa {season} ở {place} được mùa, được giá",
            f"{c.P}: Thu hoạch lúa {season} năng suất bình quân {yield_t} tấn/ha",
            f"Giá lúa {season} ở mức {fmt(price_lo)} đồng/kg, nông dân {place} có lãi",
            f"[Rộn ràng|Tất bật] mùa gặt {season} trên đồng đất {place}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"[Đến nay|Tính đến giữa tháng {m}|Những ngày này], nông dân {place} đã thu hoạch hơn {done} ha "
            f"lúa {season}, năng suất bình quân đạt {yield_t} tấn/ha, [tăng {gain} tạ/ha so với cùng kỳ|cao "
            f"hơn vụ trước {gain} tạ/ha]. Với giá bán {fmt(price_lo)} - {fmt(price_hi)} đồng/kg, nhiều hộ "
            f"[có lãi|lãi] trên {profit} triệu đồng/ha."
        ),
        lambda: c.v(
            f"Lúa {season} [năm nay|vụ này] ở {c.prov} [vừa được mùa vừa được giá|đạt năng suất cao]: "
            f"bình quân {yield_t} tấn/ha, thương lái thu mua tại ruộng {fmt(price_hi)} đồng/kg. Trừ chi phí, "
            f"nông dân [lời|lãi] {profit} - {profit + c.n(3, 8)} triệu đồng mỗi héc-ta."
        ),
        lambda: c.v(
            f"Cánh đồng {commune} [đang vào cao điểm|bước vào] thu hoạch lúa {season}. [Năng suất|Lúa "
            f"{variety} cho năng suất] {yield_t} tấn/ha, [giá|giá bán] ổn định, [giúp nông dân|bà con] "
            "phấn khởi sau [những vụ|nhiều vụ] thua lỗ vì chi phí đầu vào tăng."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"[Trên cánh đồng|Giữa cánh đồng|Ở cánh đồng lớn] {hamlet}, {commune}, [những ngày cuối tháng "
            f"{m}|mấy hôm nay|từ sáng sớm], tiếng máy gặt [rộn ràng|nổ giòn|vang] khắp nơi.",
            f"[Lúa vừa cắt xong|Chỉ sau [vài|mươi] phút gặt, lúa] được [đóng bao|đổ lên ghe|chở ra bờ kênh], "
            f"thương lái [cân ngay tại ruộng|trả tiền tại chỗ] với giá {fmt(price_hi)} đồng/kg.",
        ),
        lambda: c.s(
            f"{cap(c.who(farmer, hon='ông'))} [ngụ|ở] {hamlet}, {commune}, vừa [thu hoạch xong|gặt xong] "
            f"{plots} ha lúa {variety}.",
            f"[Năng suất|Ruộng nhà ông đạt] {c.dec(6.5, 8.2)} tấn/ha, [cao nhất từ trước tới nay|cao hơn vụ "
            "trước hơn một tấn|bán ngay tại ruộng].",
            f"[Sau khi trừ chi phí|Trừ hết tiền phân, thuốc và công gặt], [gia đình|ông] còn lãi khoảng "
            f"{c.n(40, 160)} triệu đồng.",
        ),
        lambda: c.s(
            f"Theo {c.dept('agri')}, vụ {season} toàn {c.unit} [xuống giống|gieo sạ|gieo cấy] {sown} ha, "
            f"[đến nay|tính đến ngày {c.dm()}] đã thu hoạch khoảng {c.n(35, 85)}% diện tích.",
            f"Diện tích [sử dụng giống lúa chất lượng cao|lúa thơm, lúa chất lượng cao] chiếm {hq}%, "
            f"[nhiều nhất|cao nhất] là các giống {variety}, {c.pick(('OM 4900', 'Jasmine 85', 'RVT', 'Nàng Hoa 9'))}.",
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"“[Vụ này|Năm nay] lúa ít sâu bệnh, tôi chỉ phun thuốc {c.n(2, 4)} lần, [giảm gần một nửa|bớt "
            "được mấy cữ] so với trước. [Thương lái vào tận ruộng|Lái lúa đặt cọc từ lúc lúa trổ] nên [bà "
            f"con|ai cũng] yên tâm”, {c.who(farmer, hon='ông')} {c.said()}."
        ),
        lambda: c.s(
            "[Nhờ thời tiết tương đối thuận lợi|Thời tiết [thuận|ít mưa trái mùa]], nguồn nước tưới [bảo "
            "đảm|đủ] và [rầy nâu|bệnh đạo ôn] [được kiểm soát tốt|không bùng phát] nên lúa [phát triển đồng "
            "đều|trổ đều, chắc hạt].",
            f"[Một số ruộng|Ở {place}, một số ruộng] [sạ thưa|áp dụng quy trình “1 phải 5 giảm”] đạt "
            f"[trên|gần] {c.dec(7.5, 8.4)} tấn/ha.",
        ),
        lambda: c.s(
            f"Hiện [khâu thu hoạch|việc gặt lúa] đã cơ bản được cơ giới hóa với [hơn|khoảng] {machines} máy "
            f"gặt đập liên hợp [hoạt động|chạy] trên địa bàn.",
            f"[Chi phí thuê máy|Giá thuê máy gặt] {c.n(2, 4)}{c.pick(('00', '50'))}.000 đồng/công, "
            "[rẻ hơn thuê người cắt tay nhiều lần|nhanh gấp mấy chục lần cắt tay].",
        ),
        lambda: c.s(
            f"[Các hợp tác xã|Nhiều hợp tác xã] trên địa bàn [đã liên kết|ký hợp đồng bao tiêu] với "
            f"{c.n(4, 12)} doanh nghiệp [thu mua|xuất khẩu gạo], [diện tích cánh đồng lớn đạt|cánh đồng "
            f"liên kết rộng] {c.big(1500, 7000)} ha.",
            f"{cap(c.who(coop, 'Giám đốc Hợp tác xã nông nghiệp ' + hamlet.title()))} cho biết doanh nghiệp "
            f"[thu mua cao hơn giá thị trường|trả thêm] {c.n(100, 300)} đồng/kg cho lúa đạt chuẩn.",
        ),
        lambda: c.s(
            f"[Tuy nhiên|Dù vậy], chi phí [sản xuất|đầu vào] vẫn [ở mức cao|chưa giảm]: [phân bón|phân DAP] "
            f"{c.n(18, 24)}.000 - {c.n(25, 29)}.000 đồng/kg, tiền thuê đất {c.n(8, 20)} triệu đồng/ha/vụ.",
            f"[Tính ra|Bình quân], mỗi kg lúa [tốn|có giá thành] khoảng {fmt(cost * 200)} đồng, [nông dân "
            "thuê đất|hộ phải thuê ruộng] [lời không đáng kể|chỉ huề vốn].",
        ),
        lambda: c.s(
            f"[Bà|Chị] {trader.name}, thương lái [ở {place}|thu mua lúa nhiều năm], cho biết [năm nay|vụ "
            f"này] lúa {variety} [được doanh nghiệp chuộng|bán chạy] vì hạt dài, cơm mềm.",
            f"“[Lúa khô|Lúa đẹp] thì tôi mua {fmt(price_hi + 200)} đồng/kg, [lúa ướt|lúa tươi] thấp hơn "
            f"[một chút|vài trăm đồng]”, [bà|chị] {trader.given} nói.",
        ),
        lambda: c.s(
            *(
                f"[Năm nay|Vụ này], {c.prov} [tiếp tục triển khai|mở rộng] Đề án [một triệu héc-ta lúa chất "
                "lượng cao, phát thải thấp|phát triển bền vững một triệu héc-ta chuyên canh lúa chất lượng "
                f"cao] với {c.big(3000, 25000)} ha [tham gia|đăng ký].",
                f"[Các mô hình|Mô hình thí điểm] [giảm lượng giống|sạ thưa] còn {c.n(60, 80)} kg/ha, "
                "[tưới ướt khô xen kẽ|áp dụng tưới ướt khô xen kẽ] giúp [giảm chi phí|giảm phát thải].",
            )
            if south
            else (
                f"[Nhiều địa phương|Các xã] đã [dồn điền đổi thửa|tích tụ ruộng đất], hình thành vùng lúa "
                f"hàng hóa [quy mô|rộng] {c.n(30, 120)} ha [trở lên|mỗi vùng].",
                f"[Việc cấy bằng máy|Cấy máy, bón phân viên nén] giúp [giảm công lao động|giảm chi phí] "
                f"{c.n(15, 30)}% [so với làm thủ công|trên mỗi sào].",
            )
        ),
        lambda: c.s(
            f"[Ở một số nơi|Tại [vài|một số] cánh đồng ven {c.w.river}], lúa [bị đổ ngã|đổ rạp] do "
            f"[mưa lớn|mưa giông] [đầu tháng {m}|giữa vụ], [năng suất giảm|hao hụt] {c.n(5, 15)}%.",
            f"[Nông dân phải|Bà con phải] [thuê người dựng lúa|gặt sớm], [chi phí tăng thêm|tốn thêm] "
            f"{c.n(1, 3)} triệu đồng/ha.",
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Về|Đến] {commune} [những ngày này|vào mùa gặt], [dọc|trên] [các tuyến đường|bờ kênh] [ven "
            f"đồng|nội đồng], [bao lúa|lúa tươi] [chất|xếp] [thành hàng|cao], [xe tải|ghe] [của thương lái|chờ] "
            f"[chở|chuyển] [lúa|hàng] [về|đến] [nhà máy|kho] [ở|tại] {c.bare(c.place())}."
        )
    )
    middles += [
        lambda: c.s(
            f"[Năm nay|Vụ này], {c.who(farmer, hon='ông')} [mạnh dạn|thử] [chuyển sang|áp dụng] [sạ "
            f"cụm|cấy máy], [lượng giống|giống] [chỉ còn|giảm xuống] {c.n(50, 80)} kg/ha. “[Lúa|Cây lúa] "
            "[cứng cây|ít đổ ngã], [hạt|bông] [to, chắc|nặng hạt], [tiền giống|chi phí] [giảm|bớt] [gần một "
            f"nửa|vài triệu đồng]”, {c.who(farmer, hon='ông')} {c.said()}."
        ),
        lambda: c.s(
            f"[Theo|Theo tính toán của] [ngành nông nghiệp|{c.dept('agri')}], [giá thành|chi phí] [sản "
            f"xuất|làm ra] [mỗi kg lúa|một kg lúa] [vụ này|] [khoảng|] {fmt(cost * 200 + 300)} đồng; [với|ở] giá "
            f"{fmt(price_lo)} đồng/kg, [lợi nhuận|nông dân lời] [đạt|khoảng] {c.n(30, 45)}% [nếu|khi] [năng "
            f"suất|lúa] [đạt|trên] {yield_t} tấn/ha."
        ),
        lambda: c.s(
            f"[Gạo|Lúa] [{variety}|thơm] [của|ở] {place} [được doanh nghiệp ký hợp đồng|đã được công ty bao "
            f"tiêu] [xuất|xuất khẩu] [sang|đi] [Philippines, Indonesia|châu Phi|EU], [giá|với giá] "
            f"[{c.n(520, 680)} USD/tấn|cao hơn gạo thường {c.n(40, 120)} USD/tấn]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(official, 'Phó Giám đốc ' + c.dept('agri')))} [khuyến cáo|đề nghị] nông dân "
            "[xử lý rơm rạ|cày ải, phơi đất] sau thu hoạch, không đốt đồng và [xuống giống vụ "
            f"{nxt}|gieo sạ vụ {nxt}] [tập trung, đồng loạt|theo lịch thời vụ] [để né rầy|để cắt nguồn sâu "
            "bệnh]."
        ),
        lambda: c.s(
            f"[Ngành nông nghiệp|{c.dept('agri')}] [dự báo|nhận định] giá lúa [sẽ ổn định|có thể nhích "
            f"thêm] [đến cuối vụ|trong {c.n(2, 4)} tuần tới] do nhu cầu [xuất khẩu|của doanh nghiệp] tăng."
        ),
        lambda: c.s(
            f"Theo [lịch thời vụ|kế hoạch], vụ {nxt} [năm nay|tới] {c.unit} [dự kiến|phấn đấu] "
            f"[xuống giống|gieo cấy] {c.big(15000, 90000)} ha, [bắt đầu từ|sớm nhất từ] ngày {c.dm(c.n(10, 30))}."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Để chuẩn bị|Chuẩn bị] [cho|] vụ {nxt}, [các hợp tác xã|nhiều hợp tác xã] [đã|] [nạo vét|sửa] "
            f"{c.n(5, 40)} km [kênh mương|kênh nội đồng], [gia cố|đắp] [bờ bao|đê bao] [và|,] [đăng ký|đặt] "
            f"[giống xác nhận|{c.n(50, 300)} tấn giống]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings),
        [
            (f"Nông dân {commune} thu hoạch lúa {season}.", "Thu hoạch lúa"),
            (c.v(f"[Máy gặt đập liên hợp|Máy gặt] [hoạt động|làm việc] trên cánh đồng ở {place}."), None),
            (c.v(f"Thương lái thu mua lúa [tại ruộng|ở {hamlet}]."), None),
        ][: c.n(1, 3)],
        [f"lúa {season}", "nông nghiệp", c.P],
    )


def fruit(c: Ctx) -> Draft:
    crop = c.fruit()
    commune = c.commune()
    place = c.district_of(commune)
    grower, official, buyer, woman = c.person(woman=False), c.person(), c.person(woman=False), c.person(True)
    area = c.big(1200, 18000)
    codes = c.n(40, 260)
    share = c.n(20, 45)
    garden = c.dec(1.2, 4.8)
    premium_lo, premium_hi = c.n(3, 8), c.n(9, 15)
    price = c.n(25, 95)
    tons = c.n(12, 60)
    markets = c.pick(_WORDS["fruit"]["markets"])
    title = c.title(
        [
            f"Mở rộng vùng trồng {crop} đạt chuẩn xuất khẩu tại {place}",
            f"{c.P} có thêm {codes} mã số vùng trồng {crop}",
            f"Nâng giá trị {crop} {c.P} bằng liên kết chuỗi",
            f"{cap(crop)} ở {place} [vào mùa thu hoạch|được giá], nhà vườn lãi lớn",
            f"Đưa {crop} {c.P} sang {markets.split(',')[0]}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Diện tích {crop} của {c.prov} hiện [đạt|khoảng] {area} ha, [trong đó|với] hơn {share}% được "
            "cấp mã số vùng trồng [và chứng nhận VietGAP|hoặc đạt chứng nhận GlobalGAP]. [Nhờ đó|Nhờ vậy], "
            f"trái cây [của địa phương|{c.P}] [ngày càng vào sâu|có chỗ đứng ở] các thị trường khó tính."
        ),
        lambda: c.v(
            f"[Những ngày này|Đầu tháng {c.month}], nhà vườn {place} [tất bật|tất bả] thu hoạch {crop}. "
            f"Giá bán tại vườn {price}.000 - {price + c.n(5, 15)}.000 đồng/kg, [cao hơn cùng kỳ|tăng "
            f"{c.n(10, 40)}% so với năm trước], [nhiều hộ|không ít nhà vườn] lãi [hàng trăm triệu đồng|lớn]."
        ),
        lambda: c.v(
            f"[Sau {c.n(3, 7)} năm|Từ khi] [chuyển sang sản xuất theo chuẩn|liên kết với doanh nghiệp], "
            f"{crop} của {commune} đã [xuất khẩu được sang|có mặt ở] {markets}. Giá trị [mỗi héc-ta|trên một "
            f"công đất] tăng [gấp đôi|{c.n(30, 70)}%]."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"[Những ngày này|Sáng {c.dm()}], tại vườn {crop} rộng {garden} ha của {c.who(grower)} ở "
            f"{commune}, [nhân công|hơn chục người làm thuê] [tất bật|hối hả] [thu hoạch|cắt trái], phân "
            "loại để giao cho [doanh nghiệp|công ty thu mua].",
            f"[Mỗi ngày|Bình quân mỗi ngày], vườn xuất [bán|đi] {c.n(2, 9)} tấn trái.",
        ),
        lambda: c.s(
            f"[Từ tờ mờ sáng|Từ 5 giờ sáng], [con đường|đường] vào {commune} đã [tấp nập|đông] xe tải "
            f"[chờ chở|đến thu mua] {crop}.",
            f"[Ở các điểm thu mua|Tại vựa của {c.who(buyer)}], [trái được|công nhân] [cân, dán "
            "tem|phân loại, đóng thùng] ngay trong ngày để kịp [chuyến xe|chuyến hàng] [ra cảng|lên cửa "
            "khẩu].",
        ),
        lambda: c.s(
            f"Theo {c.dept('agri')}, toàn {c.unit} [đã được cấp|hiện có] {codes} mã số vùng trồng [phục vụ "
            f"xuất khẩu|{crop}], [tổng diện tích|với] hơn {c.big(3000, 12000)} ha.",
            f"[Sản phẩm|Trái {crop}] [chủ yếu xuất sang|được xuất chính ngạch sang] {markets}.",
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(grower, hon='ông'))} [cho biết|kể], từ khi [tham gia tổ hợp tác|vào hợp tác xã] "
            "và [làm theo|sản xuất theo] quy trình VietGAP, giá bán cao hơn bên ngoài "
            f"{premium_lo}.000 - {premium_hi}.000 đồng/kg."
        ),
        lambda: c.s(
            "“[Trước đây mình làm theo kinh nghiệm|Hồi trước làm theo thói quen], [bón phân, xịt "
            "thuốc|xịt thuốc, bón phân] tùy ý. Giờ [mỗi lần phun gì, bón gì|làm gì] đều ghi nhật ký, "
            "[doanh nghiệp|công ty] [kiểm tra dư lượng|lấy mẫu kiểm tra] trước khi [thu mua|mua]. [Cực "
            "hơn|Mất công hơn] nhưng đầu ra ổn định”, "
            f"{c.who(grower, hon='ông')} {c.said()}."
        ),
        lambda: c.s(
            f"[Tuy nhiên|Dù vậy], việc quản lý mã số vùng trồng sau cấp [vẫn còn|còn] [khó khăn|bất cập]: "
            f"[một số hộ|vài nơi] [chưa tuân thủ quy trình|dùng chung mã số], [để vườn nhiễm sinh vật gây "
            f"hại|sử dụng thuốc ngoài danh mục]. [Năm qua|Từ đầu năm], {c.n(3, 15)} mã số [bị thu hồi|bị "
            "tạm dừng] vì vi phạm."
        ),
        lambda: c.s(
            f"[Sản xuất vẫn còn manh mún|Vùng trồng còn nhỏ lẻ]: bình quân mỗi hộ chỉ {c.dec(0.4, 1.5)} ha, "
            "chất lượng trái [giữa các vườn|từ vườn này qua vườn khác] chưa đồng đều, [gây khó cho "
            "doanh nghiệp khi gom hàng|doanh nghiệp khó gom đủ đơn hàng lớn]."
        ),
        lambda: c.s(
            f"{cap(c.who(woman, 'Giám đốc Hợp tác xã ' + crop + ' ' + c.bare(commune)))} "
            f"cho biết hợp tác xã có {c.n(25, 140)} thành viên với {c.n(40, 260)} ha, năm qua [xuất "
            f"bán|tiêu thụ] {tons * 10} tấn trái, [doanh thu|thu về] hơn {c.n(12, 90)} tỷ đồng."
        ),
        lambda: c.s(
            f"[Giá {crop} năm nay|Giá bán] [biến động|lên xuống] [thất thường|mạnh]: đầu vụ {price + 20}.000 "
            f"đồng/kg, [cao điểm thu hoạch|lúc rộ] [chỉ còn|xuống] {price - c.n(5, 15)}.000 đồng/kg.",
            "[Nhà vườn|Nhiều hộ] [chuyển sang xử lý ra hoa nghịch vụ|rải vụ thu hoạch] để [tránh bị ép "
            "giá|bán được giá cao].",
        ),
        lambda: c.s(
            f"[Năm {c.year}|Năm nay], {c.unit} [hỗ trợ|dành] {c.n(5, 40)} tỷ đồng [cho nông dân|để] [xây "
            f"dựng|mở rộng] vùng nguyên liệu, [kho lạnh|nhà sơ chế], [tập huấn|đào tạo] cho "
            f"{c.big(800, 4000)} lượt nhà vườn.",
        ),
        lambda: c.s(
            f"[Đại diện một doanh nghiệp xuất khẩu|{cap(c.who(buyer, 'giám đốc một công ty xuất khẩu trái cây'))}] [cho biết|nói] "
            f"[đơn hàng|nhu cầu] {crop} [từ|của] {markets} [tăng mạnh|rất lớn], doanh nghiệp cần [thêm|ít "
            f"nhất] {c.n(200, 900)} ha vùng trồng đạt chuẩn [để chủ động nguồn hàng|mới đáp ứng đủ]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Cách đây {c.n(6, 12)} năm|Khoảng {c.n(6, 12)} năm trước], [đất|ruộng] [ở|tại] {commune} [chủ yếu|phần lớn] [trồng "
            f"lúa|trồng mía], [thu nhập|lợi nhuận] [bấp bênh|thấp]. [Nay|Giờ], [cả vùng|{c.n(200, 900)} ha] "
            f"[đã|] [phủ xanh|lên liếp trồng] {crop}, [nhiều nhà|nhiều hộ] [xây nhà|sắm xe] [nhờ|từ] [trái "
            "cây|vườn]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Nhà vườn|{cap(c.who(grower, hon='ông'))}] [cho biết|tính] [mỗi héc-ta|1 ha] {crop} [cho|thu] "
            f"[khoảng|] {c.n(12, 30)} tấn [trái|], [trừ|sau khi trừ] [chi phí|tiền phân thuốc, nhân công] [còn|lời] "
            f"[{c.n(150, 600)} triệu đồng|hàng trăm triệu đồng], [gấp|cao gấp] {c.n(5, 12)} lần [trồng lúa|cây "
            "trồng cũ]."
        ),
        lambda: c.s(
            f"[Năm {c.year}|Năm nay], [{c.P}|{c.unit}] [tổ chức|phối hợp tổ chức] [{c.n(3, 8)} hội nghị|hội "
            f"nghị] [kết nối cung cầu|xúc tiến thương mại], [ký|ký kết] {c.n(10, 60)} [biên bản|hợp đồng] [tiêu "
            f"thụ|bao tiêu] [{c.big(2000, 20000)} tấn trái cây|nông sản]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(official, 'Chi cục trưởng Chi cục Trồng trọt và Bảo vệ thực vật'))} cho biết "
            "[thời gian tới|năm nay] ngành sẽ [tăng cường kiểm tra|giám sát chặt] các vùng trồng đã được "
            f"cấp mã số, [hỗ trợ nông dân truy xuất nguồn gốc|gắn mã QR cho] {crop}."
        ),
        lambda: c.s(
            f"[Mục tiêu đến năm|{c.P} phấn đấu đến năm] {c.year + c.n(2, 5)}, [diện tích|vùng] {crop} "
            f"[đạt chuẩn xuất khẩu|có mã số] [chiếm|đạt] {c.n(50, 70)}% [tổng diện tích|toàn vùng]."
        ),
        lambda: c.s(
            "[Ngành nông nghiệp|Ngành chuyên môn] khuyến cáo nhà vườn không [mở rộng diện tích|trồng] "
            f"[ồ ạt|tự phát] [trên đất lúa|theo phong trào], [nhất là|đặc biệt ở] vùng [dễ nhiễm mặn|trũng "
            f"thấp] ven {c.w.river}."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Ngành chức năng|{c.dept('agri')}] [cũng|] [khuyến khích|hỗ trợ] [doanh nghiệp|hợp tác xã] [đầu "
            f"tư|xây] [kho lạnh|nhà đóng gói], [chế biến sâu|sấy, làm nước ép] {crop} [để|nhằm] [giảm áp lực|bớt "
            "áp lực] [tiêu thụ|bán tươi] [vào|khi] [chính vụ|thu hoạch rộ]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings),
        [
            (c.v(f"Nông dân {commune} [thu hoạch|chăm sóc] {crop}."), f"{crop} {c.P}"),
            (c.v(f"[Doanh nghiệp|Công nhân] [thu mua|phân loại, đóng gói] {crop} [để xuất khẩu|]."), None),
        ][: c.n(1, 2)],
        [crop, "mã số vùng trồng", "xuất khẩu nông sản"],
    )


def infrastructure(c: Ctx) -> Draft:
    road = c.pick_new(c.w.roads)
    project = (
        f"dự án nâng cấp, mở rộng {road}"
        if road.startswith(("Quốc lộ", "ĐT.", "đường", "đại lộ"))
        else f"dự án {road}"
    )
    leader, contractor, resident, engineer = c.person(), c.person(False), c.person(), c.person(False)
    cost = c.big(350, 6800)
    km = c.dec(3.5, 28.0)
    months = c.n(18, 36)
    lanes = c.n(2, 6)
    bridges = c.n(2, 9)
    handed = c.n(92, 100)
    households = c.n(40, 260)
    opening = c.chance(0.5)
    where = c.place()
    if opening:
        title = c.title(
            [
                f"Thông xe {project}",
                f"Đưa vào sử dụng {project} sau {months} tháng thi công",
                f"{cap(road)} [chính thức|] thông xe, rút ngắn [thời gian|đường] về {where}",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"{c.daypart()} {c.dm()}, UBND {c.prov} [tổ chức lễ thông xe|thông xe] {project}, đoạn qua "
                f"địa bàn {c.unit} dài {km} km, tổng mức đầu tư {cost} tỷ đồng. [Công trình được kỳ vọng "
                "rút ngắn thời gian đi lại|Tuyến đường mở ra không gian phát triển mới cho các địa "
                "phương dọc tuyến]."
            ),
            lambda: c.v(
                f"Sau {months} tháng thi công, {project} [đã hoàn thành|về đích] và [chính thức|] đưa vào "
                f"khai thác từ ngày {c.dm()}. [Tuyến|Công trình] dài {km} km, vốn {cost} tỷ đồng, [đi qua|nối] "
                f"{c.n(3, 9)} xã, phường."
            ),
        )
    else:
        title = c.title(
            [
                f"Khởi công {project}",
                f"Tăng tốc thi công {project}",
                f"[Gỡ vướng mặt bằng|Dồn sức] cho {project}",
                f"{cap(project)}: Nhà thầu [thi công “3 ca, 4 kíp”|chạy đua với thời gian]",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"{cap(project)} đoạn qua {c.prov} dài {km} km, tổng mức đầu tư {cost} tỷ đồng, [đang được "
                "các nhà thầu tập trung nhân lực, máy móc thi công|đang vào giai đoạn cao điểm] “3 ca, 4 "
                "kíp” [để hoàn thành đúng tiến độ|để kịp về đích]."
            ),
            lambda: c.v(
                f"{c.daypart()} {c.dm()}, [lãnh đạo UBND {c.prov}|{c.ubnd}] [kiểm tra tiến độ|khảo sát "
                f"hiện trường] {project}. [Đến nay|Sau {c.n(6, 20)} tháng], [khối lượng thi công đạt|công "
                f"trình đạt] {c.n(35, 80)}% [giá trị hợp đồng|kế hoạch]."
            ),
        )
    openings: list[Para] = [
        lambda: c.s(
            f"Dự án do {c.dept('transport')} {c.P} [làm chủ đầu tư|quản lý], [quy mô|có] mặt đường rộng "
            f"{c.n(9, 24)} m, {lanes} làn xe, {bridges} cầu bê tông cốt thép [cùng|và] hệ thống thoát nước, "
            "[chiếu sáng|đèn tín hiệu] đồng bộ."
        ),
        lambda: c.s(
            f"[Có mặt trên công trường|Trên công trường] [đoạn qua|tại] {where} [sáng {c.dm()}|những ngày "
            f"này], [hàng chục|{c.n(20, 60)}] [xe ben|máy đào, xe lu] [nối đuôi nhau|chạy liên tục] "
            f"[vận chuyển cát đắp nền|lu lèn mặt đường], [bụi mù|đèn pha sáng] [cả một đoạn|đến tối]."
        ),
        lambda: c.s(
            f"[Trước đây|Trước khi có tuyến đường này], [người dân|xe tải] từ {where} [đi|về] trung tâm "
            f"{c.unit} [mất|phải mất] [gần|hơn] {c.n(60, 120)} phút, [đường hẹp, xuống cấp|nhiều đoạn "
            f"ổ gà]. [Nay|Khi tuyến hoàn thành], thời gian [rút xuống|chỉ còn] {c.n(25, 50)} phút."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Theo {c.who(leader, 'Phó Chủ tịch ' + c.ubnd)}, [giải phóng mặt bằng|công tác bồi thường] "
            f"[được xác định là|là] khâu then chốt. [Đến nay|Tính đến ngày {c.dm(-c.n(2, 10))}], địa "
            f"phương đã bàn giao {handed}% mặt bằng, bố trí tái định cư cho {households} hộ."
        ),
        lambda: c.s(
            "“[Người dân đã đồng thuận, nhường đất cho công trình|Bà con đã nhường đất], [chúng ta|nhà thầu] "
            "phải thi công [bảo đảm chất lượng|đúng chất lượng], [đúng tiến độ|không để chậm trễ] [để không "
            f"phụ lòng dân|]”, {c.who(leader, 'Phó Chủ tịch ' + c.ubnd)} [nhấn mạnh|yêu cầu]."
        ),
        lambda: c.s(
            f"[Đại diện liên danh nhà thầu|Chỉ huy trưởng công trường], {c.who(contractor)} cho biết đơn vị "
            f"[huy động|đang có] {c.n(120, 480)} công nhân, {c.n(40, 150)} thiết bị. [Khó khăn lớn "
            "nhất|Vướng mắc lớn nhất] là [nguồn cát đắp nền|thời tiết mưa kéo dài|giá vật liệu tăng]."
        ),
        lambda: c.s(
            f"[Trên công trường|Hiện], {c.n(8, 20)} mũi thi công [đang triển khai đồng thời|làm song "
            f"song]. {cap(c.who(engineer, 'kỹ sư giám sát'))} cho biết [đơn vị|nhà thầu] [tranh thủ những "
            f"ngày nắng ráo|làm xuyên trưa] để đẩy nhanh [hạng mục nền, mặt đường|{bridges} cây cầu]."
        ),
        lambda: c.s(
            f"{cap(c.who(resident))}, [nhà|sống] [ven|sát] {road} [ở|thuộc] {where}, [vui mừng|phấn khởi] "
            f"vì [con đường|tuyến đường] [sắp|đã] [hoàn thành|thông xe]. “[Mấy năm|Mấy chục năm] nay "
            "[mùa mưa lầy lội|đường nhỏ, xe tải chạy bụi mù], [giờ|mai mốt] [buôn bán thuận tiện|chở nông "
            f"sản đi bán dễ] hơn nhiều”, {c.who(resident)} {c.said()}."
        ),
        lambda: c.s(
            f"[Vẫn còn|Hiện còn] {c.n(3, 25)} hộ [chưa bàn giao mặt bằng|chưa đồng thuận] do [chưa thống "
            f"nhất giá bồi thường|vướng thủ tục đất đai], [khiến|làm] {c.dec(0.2, 1.8)} km [đường|nền] "
            "[bị ngắt quãng|chưa thể thi công]."
        ),
        lambda: c.s(
            f"[Khi hoàn thành|Khi đưa vào khai thác], tuyến [sẽ kết nối|nối] [các khu công "
            f"nghiệp|{c.pick(c.w.industrial) if c.w.industrial else 'các khu công nghiệp'}], [vùng nguyên "
            f"liệu|cảng] với [các trục giao thông quốc gia|{c.pick(c.w.roads)}], [giảm tải|chia lửa] cho "
            "các tuyến hiện hữu."
        ),
        lambda: c.s(
            f"[Vốn|Nguồn vốn] cho dự án [gồm|lấy từ] ngân sách trung ương {c.n(40, 80)}%, [còn lại|phần "
            f"còn lại] [là ngân sách {c.unit}|do {c.unit} đối ứng]. [Đến nay|Năm {c.year}], [dự án|công "
            f"trình] đã giải ngân {c.n(45, 95)}% kế hoạch vốn [được giao|]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"Theo {c.dept('transport')}, [dự án|công trình] [được|đã được] [khởi công|triển khai] [từ|vào] "
            f"[tháng {c.n(1, 12)}/{c.year - c.n(1, 2)}|năm {c.year - c.n(1, 3)}], [là công trình trọng "
            f"điểm|là một trong {c.n(5, 12)} dự án trọng điểm] [của {c.unit}|giai đoạn {'2021-2025' if c.year <= 2025 else '2026-2030'}]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Ban Quản lý dự án|Ban quản lý dự án đầu tư xây dựng] [các công trình giao thông|{c.unit}] "
            f"[cho biết|thông tin] [hạng mục|phần] [cầu|mặt đường] [đã|] [đạt|hoàn thành] {c.n(40, 95)}%, "
            f"[còn|vướng] {c.n(2, 12)} [vị trí|điểm] [đường điện|cột điện cao thế] [chưa di dời|đang chờ di dời]."
        ),
        lambda: c.s(
            f"[Theo|Theo đánh giá của] [các doanh nghiệp|doanh nghiệp] [ở|tại] {where}, [khi|lúc] [tuyến|đường] "
            f"[thông xe|hoàn thành], [chi phí|cước] [vận chuyển|chở hàng] [sẽ|có thể] [giảm|giảm bớt] "
            f"{c.n(15, 35)}%, [xe container|xe tải lớn] [vào|đến] [tận|được] [nhà máy|kho]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"[Dịp này|Tại buổi lễ], {c.ubnd} tặng bằng khen cho {c.n(6, 18)} tập thể, cá nhân có thành tích "
            "[trong quá trình triển khai dự án|trong thi công]."
            if opening
            else f"{c.ubnd} yêu cầu [chủ đầu tư|{c.dept('transport')}] [hoàn thành|bàn giao] [công "
            f"trình|tuyến] trước ngày {c.n(1, 28)}-{c.n(1, 12)}-{c.year + 1}, [không để phát sinh|không "
            "để đội vốn]."
        ),
        lambda: c.s(
            f"[Theo kế hoạch|Dự kiến], [giai đoạn 2|phần còn lại] của dự án [sẽ khởi công|sẽ triển khai] "
            f"[trong năm {c.year + 1}|vào quý {c.n(1, 4)}/{c.year + 1}], [nối tiếp|kéo dài thêm] "
            f"{c.dec(4, 15)} km."
        ),
        lambda: c.s(
            "[Lực lượng cảnh sát giao thông|Ngành chức năng] [khuyến cáo|đề nghị] người dân [chú ý biển "
            "báo|đi đúng làn] khi [qua|lưu thông trên] [đoạn|tuyến] [đang thi công|mới thông xe]."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"{c.dept('transport')} [đề nghị|yêu cầu] [nhà thầu|các nhà thầu] [bảo đảm|chú ý] [an toàn lao "
            f"động|an toàn giao thông] [trên công trường|khu vực thi công], [tưới nước|phun nước] [chống bụi|giảm "
            "bụi] [cho|ảnh hưởng] [khu dân cư|người dân] [hai bên đường|dọc tuyến]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings),
        [
            (c.v(f"[Thi công|Một đoạn] {project}."), None),
            (c.v(f"Lãnh đạo {c.ubnd} [kiểm tra|khảo sát] tiến độ thi công."), "kiểm tra công trình"),
        ][: c.n(1, 2)],
        [road, "giao thông", "đầu tư công"],
    )


def party(c: Ctx) -> Draft:
    y = c.year
    secretary, deputy, member, inspector = c.person(), c.person(), c.person(), c.person()
    place = c.place()
    if c.before(date(2025, 2, 1)):
        org = c.pick(
            (
                f"Đảng bộ {place}",
                f"Đảng ủy Khối các cơ quan {c.prov}",
                f"Đảng ủy Khối Doanh nghiệp {c.prov}",
            )
        )
    else:
        org = c.pick((f"Đảng bộ {place}", f"Đảng ủy các cơ quan Đảng {c.prov}", f"Đảng ủy UBND {c.prov}"))
    members = c.big(900, 6000)
    bases = c.n(40, 160)
    good = c.n(88, 98)
    admitted = c.n(60, 320)
    plan = c.n(101, 125)
    targets, of = c.n(15, 24), c.n(25, 28)
    review = c.month <= 3
    if review:
        title = c.title(
            [
                f"{org} triển khai nhiệm vụ công tác xây dựng Đảng năm {y}",
                f"{org} tổng kết công tác xây dựng Đảng năm {y - 1}",
                f"{org}: {good}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"[Ngày|Sáng] {c.dm()}, {org} tổ chức hội nghị tổng kết công tác xây dựng Đảng năm {y - 1}, "
                f"triển khai [phương hướng, nhiệm vụ|nhiệm vụ trọng tâm] năm {y}. {cap(c.who(secretary, 'Bí thư'))} "
                "chủ trì hội nghị."
            ),
            lambda: c.v(
                f"Năm {y - 1}, {org} [lãnh đạo hoàn thành|hoàn thành] {targets}/{of} chỉ tiêu [chủ yếu|nghị "
                f"quyết đề ra], kết nạp {admitted} đảng viên mới. Đó là [kết quả|thông tin] được nêu tại hội "
                f"nghị tổng kết [do {org} tổ chức|] [ngày|sáng] {c.dm()}."
            ),
        )
    else:
        title = c.title(
            [
                f"{org} học tập, quán triệt nghị quyết của Trung ương",
                f"Nâng cao chất lượng sinh hoạt chi bộ ở {org}",
                f"{org} sơ kết công tác xây dựng Đảng 6 tháng đầu năm {y}",
                f"[Siết chặt|Nâng cao] kỷ cương, kỷ luật đảng ở {org}",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"{c.daypart()} {c.dm()}, {org} tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu "
                f"năm {y}, [đồng thời|kết hợp] quán triệt các văn bản mới của Trung ương và của {c.unit}."
            ),
            lambda: c.v(
                f"[Hơn|Gần] {c.n(150, 600)} [cán bộ, đảng viên|đại biểu] [tham dự|dự] hội nghị [do {org} tổ "
                f"chức|của {org}] [ngày|sáng] {c.dm()}, [nghe quán triệt|học tập] [chuyên đề|các nghị quyết] "
                f"[mới của Trung ương|của Bộ Chính trị] và [bàn giải pháp|triển khai nhiệm vụ] 6 tháng cuối năm."
            ),
        )
    openings: list[Para] = [
        lambda: c.s(
            f"[Theo báo cáo|Báo cáo tại hội nghị cho thấy], [năm qua|thời gian qua] {org} đã lãnh đạo "
            f"hoàn thành {targets}/{of} chỉ tiêu [chủ yếu|nghị quyết].",
            "[Công tác giáo dục chính trị tư tưởng được quan tâm|Việc học tập, quán triệt nghị quyết được "
            "tổ chức kịp thời]; [việc|] học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
            "[được đẩy mạnh|đi vào nền nếp].",
        ),
        lambda: c.s(
            f"Toàn Đảng bộ [hiện có|có] {members} đảng viên [sinh hoạt tại|ở] {bases} tổ chức cơ sở đảng.",
            f"[Trong năm|Năm qua], {good}% tổ chức cơ sở đảng [được đánh giá|được xếp loại] hoàn thành tốt "
            f"nhiệm vụ trở lên; [kết nạp|đã kết nạp] {admitted} đảng viên mới, đạt {plan}% kế hoạch.",
        ),
        lambda: c.s(
            f"[Quang cảnh|Tại] hội nghị, [các đại biểu|đại biểu] [nghe|được nghe] [báo cáo viên|đồng chí "
            f"{deputy.name}, Phó Bí thư,] [trình bày|quán triệt] [chuyên đề|những nội dung cốt lõi] của "
            f"[các nghị quyết|văn bản] [mới ban hành|của Trung ương] [trong {c.n(2, 4)} giờ|suốt buổi sáng]."
        ),
        lambda: c.s(
            f"[Những tháng đầu năm {y}|Từ đầu năm], {org} [đã ban hành|ban hành] {c.n(12, 40)} [nghị quyết, "
            "chỉ thị|văn bản lãnh đạo], [tập trung|ưu tiên] [sắp xếp tổ chức bộ máy|chuyển đổi số] và "
            f"[phát triển kinh tế|cải cách hành chính] [ở {place}|trên địa bàn]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            "[Công tác kiểm tra, giám sát được thực hiện thường xuyên đối với|Ủy ban Kiểm tra các cấp đã kiểm "
            f"tra, giám sát] {c.n(20, 90)} tổ chức đảng và {c.n(60, 300)} đảng viên; [qua đó|qua "
            "kiểm tra] [kịp thời chấn chỉnh thiếu sót|đã nhắc nhở, chấn chỉnh những hạn chế]."
        ),
        lambda: c.s(
            f"[Trong năm|Năm qua], [các cấp ủy|cấp ủy các cấp] [đã thi hành kỷ luật|xử lý kỷ luật] "
            f"{c.n(3, 25)} đảng viên [vi phạm|có vi phạm], [trong đó có|gồm] {c.n(1, 5)} trường hợp [khai "
            "trừ|cách chức], [không có vùng cấm|với tinh thần không có vùng cấm, không có ngoại lệ]."
        ),
        lambda: c.s(
            "[Hội nghị cũng thẳng thắn chỉ ra|Bên cạnh kết quả đạt được, báo cáo nêu] một số hạn chế: "
            "[chất lượng sinh hoạt chi bộ ở một số nơi chưa cao|nội dung sinh hoạt chi bộ có nơi còn đơn "
            "điệu]; [phát triển đảng viên trong doanh nghiệp ngoài nhà nước|công tác phát triển đảng viên "
            f"ở khu vực tư nhân] còn khó khăn, [mới có|chỉ] {c.n(8, 30)} [tổ chức đảng|chi bộ] trong [doanh "
            "nghiệp tư nhân|loại hình này]."
        ),
        lambda: c.s(
            f"[Tham luận|Phát biểu] tại hội nghị, {c.who(member, 'Bí thư Chi bộ ' + c.pick(('ấp', 'khu phố', 'thôn', 'Trường THPT')) + ' ' + c.pick(('Tân Hòa', 'Phú Lợi', 'số 3', 'Đông Hưng', 'Hòa Bình')))} "
            "[chia sẻ|nêu] [kinh nghiệm|cách làm] [đổi mới sinh hoạt chi bộ|đưa sinh hoạt chuyên đề vào nền "
            "nếp]: [mỗi tháng|mỗi quý] [chọn|lấy] một [vấn đề|việc] [dân quan tâm|bức xúc ở cơ sở] để "
            f"[bàn|thảo luận], [đến nay đã giải quyết|đã xử lý dứt điểm] {c.n(5, 20)} [việc|kiến nghị]."
        ),
        lambda: c.s(
            f"[Công tác|Việc] [sắp xếp tổ chức bộ máy|tinh gọn bộ máy] [được triển khai|thực hiện] "
            f"[khẩn trương|đúng lộ trình]: [giảm|đã giảm] {c.n(3, 15)} [đầu mối|tổ chức cơ sở đảng], "
            f"{c.n(20, 120)} [cán bộ nghỉ hưu trước tuổi|trường hợp nghỉ theo chính sách]; [tư tưởng cán "
            "bộ, đảng viên ổn định|nội bộ đoàn kết, thống nhất]."
        ),
        lambda: c.s(
            "[Việc|Công tác] [bảo vệ nền tảng tư tưởng của Đảng|đấu tranh phản bác quan điểm sai trái] "
            f"[được chú trọng|được quan tâm]; [các chi bộ|lực lượng cốt cán] [đã đăng|đăng tải] "
            f"[{c.big(1000, 9000)} tin, bài|hàng nghìn bài viết] [trên mạng xã hội|lên không gian mạng]."
        ),
        lambda: c.s(
            f"[Ủy ban Kiểm tra|{cap(c.who(inspector, 'Chủ nhiệm Ủy ban Kiểm tra'))}] [cho biết|thông tin] "
            f"[năm nay|thời gian tới] sẽ [giám sát chuyên đề|kiểm tra] {c.n(5, 20)} [tổ chức đảng|chi bộ], "
            "[tập trung vào|chú trọng] [quản lý đất đai, đầu tư công|thực hành tiết kiệm, chống lãng phí]."
        ),
        lambda: c.s(
            f"[Năm {y}|Năm nay], {org} [đề ra|xác định] {c.n(10, 22)} chỉ tiêu, [trong đó|phấn đấu] "
            f"[kết nạp|kết nạp mới] [ít nhất|từ] {c.n(60, 300)} đảng viên [trở lên|], {c.n(85, 95)}% tổ chức cơ "
            "sở đảng hoàn thành tốt nhiệm vụ."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Tham dự|Dự] hội nghị có {c.n(120, 500)} đại biểu [là|gồm] [bí thư chi bộ, đảng "
            f"ủy cơ sở|cấp ủy viên các cấp] [trực thuộc|của] {org}; [hội nghị|chương trình] [kết nối|được truyền] "
            f"[trực tuyến|trực tuyến đến] {c.n(10, 60)} điểm cầu [cơ sở|ở các xã, phường]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Năm qua|Trong năm], [{org}|Đảng bộ] [đã|] [tập trung|chú trọng] [chuyển đổi số|số hóa] [trong "
            f"công tác đảng|hồ sơ đảng viên]: {c.n(85, 100)}% [chi bộ|tổ chức cơ sở đảng] [sử dụng|dùng] [sổ tay "
            f"đảng viên điện tử|phần mềm quản lý], [giảm|tiết kiệm] [{c.n(20, 60)} tấn|hàng nghìn trang] [giấy "
            "tờ|tài liệu]."
        ),
        lambda: c.s(
            f"[Đáng chú ý|Điểm mới là], [{c.n(20, 80)}%|phần lớn] [đảng viên mới|số đảng viên kết nạp] [năm "
            "qua|trong năm] [là đoàn viên ưu tú|là người trẻ dưới 30 tuổi], [nhiều người|không ít người] [là "
            "công nhân ở các doanh nghiệp|là giáo viên, bác sĩ ở cơ sở]."
        ),
        lambda: c.s(
            f"{cap(c.who(deputy, 'Phó Bí thư Thường trực ' + org))} [cho biết|nói] [một số|vài] [chi bộ|tổ chức "
            f"đảng] [chưa|vẫn chưa] [sinh hoạt|họp] [định kỳ|đúng kỳ], [có nơi|có chi bộ] [chỉ đạt|đạt] "
            f"{c.n(50, 70)}% đảng viên [dự|tham dự] [sinh hoạt|]; [cấp ủy|Đảng ủy] [đã|] [nhắc nhở|chấn chỉnh] [kịp thời|]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"Phát biểu [chỉ đạo|kết luận], {c.who(secretary, 'Bí thư ' + org)} đề nghị [các cấp ủy|cấp ủy "
            "các cấp] [tiếp tục đổi mới phương thức lãnh đạo|đổi mới nội dung, phương thức lãnh đạo], "
            "[nắm chắc tư tưởng cán bộ, đảng viên|quan tâm tư tưởng cán bộ] [nhất là trong sắp xếp bộ "
            "máy|], [đưa nghị quyết vào cuộc sống bằng việc làm cụ thể|cụ thể hóa nghị quyết bằng kế hoạch "
            "sát thực tế]."
        ),
        lambda: c.s(
            f"[Dịp này|Tại hội nghị], {org} [trao Giấy khen cho|khen thưởng] {c.n(8, 30)} tập thể và "
            f"{c.n(10, 45)} cá nhân [có thành tích tiêu biểu|hoàn thành xuất sắc nhiệm vụ] [năm {y - 1}|]."
        ),
        lambda: c.s(
            f"[Kết thúc|Cuối] hội nghị, [các đại biểu|{c.n(90, 400)} đại biểu] [ký cam kết|thống nhất] "
            "[thực hiện|] [tu dưỡng, rèn luyện đạo đức|nêu gương], [thực hiện tốt nhiệm vụ|hoàn thành chỉ "
            f"tiêu] năm {y}."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Năm {y}|Năm nay], {org} [xác định|chọn] [chủ đề|khâu đột phá] là “[Nâng cao chất lượng sinh hoạt "
            "chi bộ|Kỷ cương, trách nhiệm, hành động]”, [gắn với|kết hợp] [sắp xếp bộ máy|chuyển đổi số] [và|,] "
            "[phát triển kinh tế - xã hội|chăm lo đời sống nhân dân]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (
                c.v(f"{cap(secretary.honorific)} {secretary.name} phát biểu [chỉ đạo|tại] hội nghị."),
                secretary.name,
            ),
            (c.v("[Quang cảnh hội nghị.|Các đại biểu dự hội nghị.]"), None),
        ][: c.n(1, 2)],
        ["xây dựng Đảng", "tổ chức cơ sở đảng", c.P],
    )


def council(c: Ctx) -> Draft:
    chair, vice, chairman, d1, d2, director = (c.person() for _ in range(6))
    session = c.n(18, 34)
    regular = c.month in (7, 12)
    kind = "thường lệ" if regular else "chuyên đề"
    resolutions = c.n(12, 38)
    days = c.n(1, 3)
    budget = c.big(12000, 98000)
    grdp = c.dec(6.5, 10.2)
    disbursed = c.n(55, 96)
    delegates = c.n(45, 80)
    period = "2021-2025" if c.year <= 2025 else "2026-2030"
    place = c.place()
    closing_day = c.chance(0.35)  # the story of the session's last day, not its first
    title = c.title(
        [
            f"HĐND {c.prov} xem xét, thông qua {resolutions} nghị quyết tại kỳ họp thứ {session}",
            f"Kỳ họp thứ {session} HĐND {c.prov}: [Nóng|Sôi nổi] phiên chất vấn về [đất đai|đầu tư công]",
            *(
                [f"Bế mạc Kỳ họp thứ {session}, HĐND {c.prov} thông qua {resolutions} nghị quyết"]
                if closing_day
                else [f"Khai mạc Kỳ họp thứ {session} HĐND {c.prov}"]
            ),
        ]
    )
    openers: list[Para] = [
        lambda: c.v(
            f"{c.daypart()} {c.dm()}, HĐND {c.prov} khai mạc Kỳ họp thứ {session} ({kind}). "
            f"{cap(c.who(chair, 'Chủ tịch HĐND ' + c.unit))} chủ trì kỳ họp."
        ),
        lambda: c.v(
            f"{delegates} đại biểu HĐND {c.prov} [dự|có mặt tại] Kỳ họp thứ {session} [khai mạc|diễn ra] "
            f"[sáng|ngày] {c.dm()}. [Kỳ họp|Đây là kỳ họp] {kind}, [xem xét|dự kiến thông qua] {resolutions} "
            "nghị quyết."
        ),
    ]
    closers: list[Para] = [
        lambda: c.v(
            f"[Sau {days} ngày làm việc|Sau {days} ngày làm việc khẩn trương], Kỳ họp thứ {session} HĐND "
            f"{c.prov} [bế mạc|đã bế mạc] [chiều|sáng] {c.dm()}, thông qua {resolutions} nghị quyết [quan "
            "trọng|] về kinh tế - xã hội, [ngân sách|tổ chức bộ máy] và đầu tư công."
        )
    ]
    lead = c.one(*(closers if closing_day else openers))
    openings: list[Para] = [
        lambda: c.s(
            f"[Theo báo cáo của {c.ubnd}|Báo cáo trình kỳ họp cho biết], tổng sản phẩm trên địa bàn "
            f"(GRDP) [ước tăng|tăng] {grdp}%, [thu ngân sách|tổng thu ngân sách] [đạt|ước đạt] {budget} tỷ "
            f"đồng, [bằng|đạt] {c.n(88, 121)}% dự toán."
        ),
        lambda: c.s(
            f"Phát biểu khai mạc, {c.who(chair, 'Chủ tịch HĐND ' + c.unit)} đề nghị [các đại biểu|đại biểu] "
            "[phát huy tinh thần trách nhiệm|tập trung trí tuệ], thảo luận [dân chủ, thẳng thắn|thẳng "
            "thắn, đúng trọng tâm] để [các nghị quyết|nghị quyết] [sát thực tế, khả thi|đi vào cuộc sống]."
        ),
        lambda: c.s(
            f"[Kỳ họp|Tại kỳ họp này], [các đại biểu|{delegates} đại biểu] [xem xét|thảo luận] "
            f"{c.n(8, 20)} báo cáo [và|cùng] {resolutions} tờ trình, [trong đó có|nổi bật là] [các|] "
            f"[tờ trình về|nội dung về] [điều chỉnh kế hoạch đầu tư công trung hạn {period}|phân bổ vốn đầu "
            f"tư công năm {c.year + 1}]."
        ),
        lambda: c.s(
            f"[Trước kỳ họp|Trước đó], [các tổ đại biểu|Thường trực HĐND] [đã tiếp xúc cử tri|tổ chức "
            f"{c.n(30, 120)} điểm tiếp xúc cử tri], [tổng hợp|ghi nhận] {c.n(120, 600)} [ý kiến, kiến "
            f"nghị|kiến nghị], [tập trung vào|chủ yếu về] [đất đai, môi trường|giao thông nông thôn, giá "
            "nông sản]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Về đầu tư công, [tỷ lệ giải ngân|giải ngân] [đến nay|đến ngày {c.dm(-c.n(3, 9))}] đạt "
            f"{disbursed}% kế hoạch vốn. {cap(c.who(d1, ('đơn vị ' if c.chance(0.5) else 'tổ ') + place, hon='đại biểu'))} "
            f"đề nghị {c.ubnd} [làm rõ|chỉ rõ] [nguyên nhân|trách nhiệm] [để|khiến] {c.n(5, 18)} dự án [chậm tiến độ|chưa giải ngân]."
        ),
        lambda: c.s(
            "[Nhiều ý kiến đại biểu|Đại biểu] [quan tâm|lo lắng] [tình trạng|về tình trạng] [sạt lở|ô "
            f"nhiễm môi trường|ngập úng] ở {place}, [đề nghị|yêu cầu] [ngành chức năng|{c.dept('env')}] "
            "[sớm có giải pháp căn cơ|có lộ trình xử lý dứt điểm], [không để người dân bức xúc kéo dài|tránh "
            "khiếu kiện đông người]."
        ),
        lambda: c.s(
            f"[Tại phiên chất vấn|Trả lời chất vấn], {c.who(director, 'Giám đốc ' + c.pick((c.dept('env'), c.dept('agri'), c.dept('transport'))))} "
            f"[thừa nhận|nhận trách nhiệm về] [việc chậm cấp giấy chứng nhận quyền sử dụng đất|tình trạng chậm "
            f"bàn giao mặt bằng] [ở một số địa phương|tại {place}], [hứa|cam kết] [khắc phục|giải quyết "
            f"xong] trước {c.pick(('quý', 'tháng'))} {c.n(1, 4)}/{c.year + 1}."
        ),
        lambda: c.s(
            f"{cap(c.who(d2, 'đơn vị ' + place, hon='đại biểu'))} [dẫn chứng|nêu]: [ở|tại] {place} "
            f"[có|còn] {c.n(20, 140)} [hồ sơ đất đai|hộ dân] [trễ hạn|chờ] [hơn|gần] {c.n(2, 9)} tháng. "
            "“[Người dân đi lại nhiều lần mà chưa có kết quả|Cử tri hỏi mãi mà chưa có câu trả lời], [trách "
            f"nhiệm thuộc về ai|cơ quan nào chịu trách nhiệm]?”, [đại biểu|{c.who(d2, hon='đại biểu')}] "
            "[đặt câu hỏi|chất vấn]."
        ),
        lambda: c.s(
            "[Kỳ họp cũng xem xét|HĐND cũng xem xét] [các tờ trình về|tờ trình] [cơ chế hỗ trợ|chính sách "
            f"hỗ trợ] [phát triển nông nghiệp|đào tạo nghề], [chế độ|chính sách] [đối với|cho] "
            f"{c.big(200, 1800)} cán bộ, công chức [dôi dư|nghỉ việc] [do sắp xếp bộ máy|sau sắp xếp]."
        ),
        lambda: c.s(
            f"[Báo cáo thẩm tra|Ban Kinh tế - Ngân sách HĐND] [cho rằng|nhận định] [thu ngân sách|nguồn "
            f"thu] [từ đất|tiền sử dụng đất] [chỉ đạt|mới đạt] {c.n(35, 70)}% dự toán, [đề nghị|kiến nghị] "
            f"{c.ubnd} [có giải pháp|tìm giải pháp] [bù hụt thu|nuôi dưỡng nguồn thu] [bền vững|]."
        ),
        lambda: c.s(
            f"[Giải trình|Tiếp thu ý kiến] [tại kỳ họp|trước HĐND], {c.who(chairman, 'Chủ tịch ' + c.ubnd)} "
            f"[cho biết|thông tin] [{c.unit} sẽ|sẽ] [thành lập|lập] {c.n(2, 6)} tổ công tác [tháo gỡ|gỡ vướng] "
            f"[cho các dự án|mặt bằng], [phấn đấu|quyết tâm] giải ngân [trên|đạt] {c.n(90, 98)}% [vốn|kế "
            "hoạch] [trước ngày 31-1|đến hết năm]."
        ),
        lambda: c.s(
            f"[Kỳ họp|Kỳ họp thứ {session}] [dự kiến|] diễn ra trong {days} ngày. [Phiên chất vấn|Phiên "
            f"chất vấn và trả lời chất vấn] được [truyền hình, phát thanh trực tiếp|phát trực tiếp trên Đài "
            f"Phát thanh và Truyền hình {c.P}] để cử tri [theo dõi|giám sát]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Tại|Trong] [phiên khai mạc|buổi sáng đầu tiên], [kỳ họp|HĐND] [đã|] [nghe|được nghe] "
            f"[{c.n(6, 12)} báo cáo|các báo cáo] [của|do] {c.ubnd} [trình bày|trình], [trong đó|] [đáng chú "
            f"ý|nổi bật] là [kế hoạch|dự toán] [ngân sách|thu chi ngân sách] năm {c.year + 1} [với|có] [tổng "
            f"thu|thu] [dự kiến|] {c.big(12000, 99000)} tỷ đồng."
        )
    )
    middles += [
        lambda: c.s(
            f"[Thảo luận tại tổ|Ở phiên thảo luận tổ], [đại biểu|nhiều đại biểu] [góp ý|cho ý kiến] [về|vào] "
            f"[nghị quyết|dự thảo nghị quyết] [quy định|về] [mức hỗ trợ|chính sách hỗ trợ] [cho|đối với] [người "
            f"hoạt động không chuyên trách|giáo viên, nhân viên y tế], [đề nghị|kiến nghị] [nâng|tăng] [mức "
            f"chi|mức hỗ trợ] thêm {c.n(10, 40)}%."
        ),
        lambda: c.s(
            f"[Theo|Theo báo cáo] [kết quả giám sát|giám sát] [của Thường trực HĐND|chuyên đề], [{c.unit}|địa "
            f"phương] [còn|có] {c.n(5, 30)} [dự án|công trình] [chậm tiến độ|chưa hoàn thành] [kéo dài|nhiều năm], "
            f"[tổng vốn|vốn] [bị “đóng băng”|chưa phát huy hiệu quả] [khoảng|] {c.big(200, 3000)} tỷ đồng."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"[Bế mạc kỳ họp|Phát biểu bế mạc], {c.who(vice, 'Phó Chủ tịch HĐND ' + c.unit)} [đề nghị|yêu "
            f"cầu] {c.ubnd} [khẩn trương|sớm] [triển khai|cụ thể hóa] các nghị quyết [vừa thông qua|], "
            "[các tổ đại biểu|đại biểu] [thông tin kết quả kỳ họp|báo cáo kết quả] đến cử tri."
        ),
        lambda: c.s(
            f"[Kết quả biểu quyết|Kết thúc kỳ họp], {resolutions} nghị quyết được thông qua với [tỷ lệ tán "
            f"thành|số phiếu tán thành] [từ|] {c.n(92, 100)}% [trở lên|đại biểu có mặt]."
        ),
        lambda: c.s(
            f"[Dịp này|Cũng tại kỳ họp], HĐND {c.unit} [bầu bổ sung|miễn nhiệm và bầu] [chức danh|] "
            f"[Phó Chủ tịch {c.ubnd}|{c.n(1, 3)} Ủy viên UBND {c.unit}] [theo quy định|nhiệm kỳ "
            f"{'2021-2026' if c.year <= 2026 else '2026-2031'}]."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Ngay sau kỳ họp|Sau kỳ họp], {c.ubnd} [sẽ|] [ban hành|xây dựng] [kế hoạch|chương trình hành động] "
            f"[triển khai|thực hiện] [các nghị quyết|{resolutions} nghị quyết], [báo cáo|gửi] [kết quả|tiến độ] "
            f"[tại|trước] [kỳ họp|phiên họp] [thường lệ|] [cuối năm|giữa năm {c.year + 1}]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (
                c.v(f"Chủ tịch HĐND {c.unit} {chair.name} [phát biểu khai mạc kỳ họp|điều hành kỳ họp]."),
                f"Kỳ họp HĐND {c.prov}",
            ),
            (c.v("[Đại biểu biểu quyết thông qua nghị quyết.|Quang cảnh kỳ họp.]"), None),
        ][: c.n(1, 2)],
        ["HĐND", f"kỳ họp thứ {session}", c.P],
    )


def voters(c: Ctx) -> Draft:
    deputy, r1, r2, official, chairman = c.person(), c.person(False), c.person(), c.person(), c.person()
    where = c.commune()
    short = where.split(",")[0]
    half = 1 if c.month <= 6 else 2
    qh, session = ("XV", 2 * (c.year - 2021) + half) if c.year <= 2025 else ("XVI", half)
    voters_n = c.n(120, 450)
    opinions = c.n(12, 40)
    local = where.split(", ")[-1] if not c.merged and "," in where else short
    title = c.title(
        [
            f"Đại biểu Quốc hội tiếp xúc cử tri {short}",
            f"Cử tri {short} kiến nghị nhiều vấn đề dân sinh",
            f"Cử tri {short} [mong|đề nghị] [sớm|] [tháo gỡ|giải quyết] [vướng mắc đất đai|khó khăn về đầu ra nông sản]",
            f"Đoàn đại biểu Quốc hội {c.P} tiếp xúc cử tri trước Kỳ họp thứ {session}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"[Ngày|Sáng] {c.dm()}, Đoàn đại biểu Quốc hội {c.prov} do {c.who(deputy)} [dẫn đầu|làm trưởng "
            f"đoàn] tiếp xúc cử tri {where} trước Kỳ họp thứ {session}, Quốc hội khóa {qh}."
        ),
        lambda: c.v(
            f"[Hơn|Gần] {voters_n} cử tri {where} [dự|tham dự] buổi tiếp xúc với Đoàn đại biểu Quốc hội "
            f"{c.prov} [ngày|sáng] {c.dm()}, [gửi gắm|nêu] {opinions} ý kiến, [tập trung vào|chủ yếu về] "
            "[giá nông sản|đất đai], [giao thông nông thôn|chính sách cho cán bộ cơ sở]."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            "[Tại buổi tiếp xúc|Mở đầu buổi tiếp xúc], [đại diện đoàn|đoàn đại biểu] thông báo [dự kiến "
            f"nội dung, chương trình|chương trình] Kỳ họp thứ {session}, [trong đó|theo đó] Quốc hội [sẽ "
            f"xem xét|dự kiến] [thông qua|cho ý kiến] {c.n(8, 20)} dự án luật [và|cùng] [nhiều nghị quyết|các "
            "vấn đề kinh tế - xã hội]."
        ),
        lambda: c.s(
            f"[Hội trường UBND {short}|Nhà văn hóa {c.pick(('ấp', 'khu phố', 'thôn'))} {c.pick(('Phú Hòa', 'Tân Thạnh', 'Đông Lợi', 'số 4'))}] "
            f"[chật kín|đông kín] [cử tri|người] [từ sớm|dù trời mưa]. [Nhiều cụ cao tuổi|Có người] [đi "
            f"hơn|đi gần] {c.n(3, 12)} km [để dự|đến dự], [mang theo|cầm theo] [giấy tờ|đơn] [ghi sẵn|] kiến nghị."
        ),
        lambda: c.s(
            f"[Theo báo cáo của|Báo cáo của] [Ủy ban MTTQ|UBND] {short}, [kiến nghị kỳ trước|trong "
            f"{c.n(5, 12)} kiến nghị cử tri kỳ trước], [đã có|] {c.n(3, 9)} [kiến nghị|nội dung] được "
            "[giải quyết dứt điểm|trả lời], [số còn lại|còn lại] [đang|] [được xem xét|chờ Trung ương]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Cử tri {c.named(r1)} [phản ánh|cho rằng] giá vật tư nông nghiệp tăng cao [trong khi|mà] giá nông "
            "sản bấp bênh, [đề nghị|mong] Nhà nước [có chính sách bình ổn giá phân bón|bình ổn giá phân "
            f"bón], [hỗ trợ|giúp] nông dân [tiếp cận vốn vay ưu đãi|vay vốn]. “[Bà con làm ra hạt lúa, trái "
            f"cây mà lời không bao nhiêu|Làm {c.n(2, 5)} công ruộng mà lời không đủ ăn]”, {c.who(r1, hon='ông')} {c.said()}."
        ),
        lambda: c.s(
            f"[Cử tri|{cap(r2.honorific)}] {c.named(r2)} [ở|thuộc] {c.pick(('ấp', 'khu phố', 'thôn'))} {c.pick(('Bình Lợi', 'Thạnh Hưng', 'số 2', 'Mỹ An', 'Hưng Đạo'))} "
            f"[kiến nghị|đề nghị] [sớm|] [nâng cấp|sửa chữa] [tuyến đường|đường giao thông nông thôn] "
            f"[dài|] {c.dec(1.2, 6.0)} km [đã xuống cấp|lầy lội mùa mưa], [nơi có|với] [hàng trăm|"
            f"{c.n(150, 600)}] [học sinh|hộ dân] [đi lại hằng ngày|qua lại]."
        ),
        lambda: c.s(
            "[Một số cử tri|Nhiều cử tri] [quan tâm đến|lo ngại] [tình trạng|] [lừa đảo qua mạng|tín dụng "
            f"đen|ma túy trong giới trẻ], [đề nghị|mong] [cơ quan chức năng|{c.dept('police')}] [tăng cường "
            "tuyên truyền|tuyên truyền nhiều hơn], [xử lý nghiêm|trấn áp mạnh] [các đối tượng|]."
        ),
        lambda: c.s(
            "[Cử tri là cán bộ không chuyên trách|Một số cán bộ ấp, khu phố] [bày tỏ băn khoăn|lo lắng] về "
            f"[chế độ|thu nhập] sau [sắp xếp|khi sáp nhập]: [mức phụ cấp|phụ cấp] [chỉ|] {c.dec(1.2, 2.5)} "
            "triệu đồng/tháng [trong khi|mà] [công việc nhiều|khối lượng công việc tăng]."
        ),
        lambda: c.s(
            f"Lãnh đạo UBND {local} và [các sở, ngành|đại diện các sở] [đã trực tiếp giải trình|giải "
            f"đáp] {c.n(5, 15)} [kiến nghị|ý kiến] [thuộc thẩm quyền|của địa phương]. "
            f"{cap(c.who(official, 'đại diện ' + c.dept('agri')))} [thông tin về|giới thiệu] chính sách hỗ "
            "trợ [liên kết sản xuất|tiêu thụ nông sản] [đang triển khai|]."
        ),
        lambda: c.s(
            f"[Trả lời cử tri|Giải trình tại buổi tiếp xúc], {c.who(chairman, 'Chủ tịch UBND ' + local)} "
            f"[cho biết|thông tin] [tuyến đường|công trình] [cử tri phản ánh|được nêu] [đã có trong|đã "
            f"được đưa vào] kế hoạch [đầu tư|vốn] năm {c.year + 1}, [kinh phí|dự kiến] {c.n(3, 25)} tỷ đồng."
        ),
        lambda: c.s(
            "[Cử tri cũng đề nghị|Có ý kiến đề nghị] [Quốc hội|Chính phủ] [sớm|] [sửa đổi|ban hành] "
            f"[quy định về|chính sách về] [bảo hiểm xã hội một lần|cấp giấy chứng nhận đất đai], "
            f"[vì|do] [ở {short}|ở địa phương] [còn|có] {c.n(40, 300)} [trường hợp|hồ sơ] [vướng|tồn đọng]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Buổi tiếp xúc|Hội nghị tiếp xúc cử tri] [diễn ra|được tổ chức] [tại|ở] [hội trường|trụ sở] UBND "
            f"{local} [với|có] [sự tham dự của|] {voters_n} cử tri [đại diện|đến từ] [các ấp, khu phố|{c.n(5, 15)} "
            f"ấp, thôn]; [{c.n(10, 25)} cử tri|nhiều cử tri] [đăng ký|xin] [phát biểu|nêu ý kiến] [ngay từ "
            "đầu|trước]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Ông|Cử tri] {c.named(c.person(False))} [nêu|phản ánh] [tình trạng|chuyện] nước sạch [chưa "
            f"về|chưa đến] [{c.n(20, 150)} hộ|nhiều hộ] [ở|tại] [cuối|] [ấp|xóm] [của mình|], [bà con phải mua "
            f"nước bình giá {c.n(15, 40)}.000 đồng/bình|bà con vẫn phải dùng nước giếng khoan, nước mưa]."
        ),
        lambda: c.s(
            f"[Về|Trả lời về] [giá nông sản|chuyện giá lúa], [đại diện|lãnh đạo] [{c.dept('agri')}|ngành nông "
            f"nghiệp] [cho biết|thông tin] [{c.unit}|tỉnh] [đang|] [triển khai|xây dựng] [{c.n(5, 20)} chuỗi liên "
            "kết|vùng nguyên liệu], [khuyến khích|mời gọi] [doanh nghiệp|hợp tác xã] [ký hợp đồng|bao tiêu] [với "
            "nông dân|trước mùa vụ]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"Thay mặt đoàn, {c.who(deputy, 'Phó Trưởng Đoàn đại biểu Quốc hội ' + c.P)} [ghi nhận|tiếp "
            "thu] [đầy đủ|] ý kiến cử tri; [kiến nghị thuộc thẩm quyền Trung ương|các vấn đề vượt thẩm "
            "quyền] sẽ được [tổng hợp gửi|chuyển đến] Quốc hội, [các bộ, ngành|cơ quan có thẩm quyền] [xem "
            "xét, trả lời|giải quyết]."
        ),
        lambda: c.s(
            f"[Cuối buổi|Kết thúc buổi tiếp xúc], [đoàn|{c.who(deputy)}] [hứa|cam kết] [theo dõi|giám sát] "
            f"[việc giải quyết|tiến độ trả lời] [các|{opinions}] kiến nghị [và|,] [thông tin lại|báo cáo] cử "
            "tri [tại kỳ tiếp xúc sau|sau kỳ họp]."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Theo lịch|Theo kế hoạch], [Đoàn đại biểu Quốc hội {c.P}|đoàn] [tiếp tục|sẽ] [tiếp xúc cử tri|làm việc] "
            f"[tại|ở] {c.n(4, 10)} [xã, phường|địa phương] [khác|còn lại] [đến hết ngày|đến ngày] "
            f"{c.dm(c.n(2, 7))}."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (c.v(f"Cử tri {where} [phát biểu kiến nghị|nêu ý kiến] tại buổi tiếp xúc."), "cử tri phát biểu"),
            (f"{cap(deputy.honorific)} {deputy.name} tiếp thu, giải trình ý kiến cử tri.", None),
        ][: c.n(1, 2)],
        ["tiếp xúc cử tri", "Quốc hội", c.P],
    )


def admin(c: Ctx) -> Draft:
    head, citizen, clerk, elder = c.person(), c.person(), c.person(True), c.person(False)
    where = c.place()
    files = c.big(1200, 9800)
    ontime = c.dec(95, 99.8)
    counters = c.n(6, 14)
    online = c.n(55, 88)
    if c.merged:
        months = (c.year - 2025) * 12 + c.month - 7
        since = "Sau gần một tháng" if months < 1 else f"Sau {months} tháng"
        title = c.title(
            [
                f"Trung tâm Phục vụ hành chính công {where} vận hành thông suốt",
                f"Chính quyền hai cấp ở {where}: người dân làm thủ tục nhanh, gọn",
                f"{cap(where)} [giải quyết|tiếp nhận] {files} hồ sơ [sau|trong] {months or 1} tháng vận hành chính quyền hai cấp",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"{since} vận hành mô hình chính quyền địa phương hai cấp, Trung tâm Phục vụ hành chính công "
                f"{where} [đã tiếp nhận|tiếp nhận] hơn {files} hồ sơ, tỷ lệ giải quyết đúng và trước hạn "
                f"[đạt|là] {ontime}%."
            ),
            lambda: c.v(
                f"[Không còn cảnh|Người dân {where} không còn phải] [đi lên huyện|đi xa] làm thủ tục: [từ "
                "ngày 1-7-2025|từ khi bỏ cấp huyện], [hầu hết|đa số] hồ sơ [đất đai, hộ tịch|về đất đai, "
                f"chứng thực] được giải quyết ngay tại {where}, [trung bình|bình quân] {c.n(120, 400)} hồ sơ "
                "mỗi ngày."
            ),
        )
        tags = ["chính quyền hai cấp", "cải cách hành chính", "dịch vụ công"]
    else:
        title = c.title(
            [
                f"{cap(where)} đẩy mạnh dịch vụ công trực tuyến toàn trình",
                f"Chuyển đổi số trong giải quyết thủ tục hành chính ở {where}",
                f"[Người dân|Bà con] {where} [quen dần|làm quen] với [“ngồi nhà làm thủ tục”|dịch vụ công trực tuyến]",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"Năm {c.year}, {where} phấn đấu {c.n(70, 90)}% hồ sơ thủ tục hành chính được tiếp nhận, "
                "giải quyết trực tuyến toàn trình; người dân [ngày càng quen|đã quen dần] với việc “ngồi nhà "
                "làm thủ tục”."
            ),
            lambda: c.v(
                f"[Tỷ lệ hồ sơ nộp trực tuyến|Hồ sơ trực tuyến] ở {where} [tăng từ|đã tăng từ] "
                f"{c.n(15, 35)}% [lên|lên mức] {online}% [chỉ sau|sau] {c.n(1, 2)} năm, [nhờ|một phần nhờ] "
                "[các tổ công nghệ số cộng đồng|đoàn viên thanh niên] [hướng dẫn|cầm tay chỉ việc] [người "
                "dân|bà con]."
            ),
        )
        tags = ["chuyển đổi số", "dịch vụ công trực tuyến", "cải cách hành chính"]
    openings: list[Para] = [
        lambda: c.s(
            f"[Có mặt tại|Đến] [trung tâm|bộ phận một cửa] [vào|từ] [buổi sáng|{c.n(7, 9)} giờ sáng "
            f"{c.dm()}], {c.who(citizen)} cho biết [đến làm thủ tục|đi làm] [chứng thực và đăng ký biến "
            "động đất đai|cấp đổi giấy chứng nhận quyền sử dụng đất|đăng ký khai sinh cho con]. "
            "“[Cán bộ hướng dẫn tận tình|Cán bộ chỉ từng bước], [chỗ nào chưa đúng thì bổ sung ngay|thiếu gì "
            "dặn kỹ], [tôi không phải đi lại nhiều lần|đỡ mất công đi lại]”, "
            f"{c.who(citizen)} {c.said()}."
        ),
        lambda: c.s(
            f"[Khu vực chờ|Sảnh chờ] [rộng|có] {c.n(40, 120)} [ghế|chỗ ngồi], [máy lấy số tự động|màn hình "
            f"điện tử] [hiển thị|báo] số thứ tự [của|tại] {counters} quầy. [Mỗi hồ sơ|Một hồ sơ chứng "
            f"thực] [chỉ mất|mất chưa tới] {c.n(10, 30)} phút [là xong|]."
        ),
        lambda: c.s(
            f"[Tại bộ phận tiếp nhận và trả kết quả|Ở bộ phận một cửa] của {where}, [các tổ công nghệ số "
            "cộng đồng|đoàn viên thanh niên] [thường xuyên|luôn có mặt để] hướng dẫn [người dân|bà con] "
            "[cài đặt|kích hoạt] [ứng dụng|tài khoản] định danh điện tử VNeID [và nộp hồ sơ trên Cổng Dịch "
            "vụ công|, nộp hồ sơ qua mạng]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Theo {c.who(head, c.local_head() if not c.merged else 'Chủ tịch UBND ' + where)}, [từ ngày "
            "1-7-2025|sau sắp xếp], [xã|địa phương] [tiếp nhận|nhận thêm] [nhiều nhiệm vụ|khoảng "
            f"{c.n(300, 900)} thủ tục] [trước đây do cấp huyện thực hiện|của cấp huyện cũ]. [Để đáp "
            "ứng|Vì vậy], [địa phương|xã] [bố trí|tăng cường] cán bộ [có chuyên môn|giỏi nghiệp vụ] về "
            "[đất đai, tư pháp|đất đai, đầu tư]."
            if c.merged
            else f"Theo {c.who(head, c.local_head())}, [năm qua|năm {c.year - 1}], địa phương tiếp nhận "
            f"{c.big(8000, 26000)} hồ sơ, [trong đó|] {online}% [là|nộp] [hồ sơ|] trực tuyến; [tỷ lệ giải "
            f"quyết đúng hạn|hồ sơ đúng hạn] [đạt|là] {c.dec(97, 99.9)}%."
        ),
        lambda: c.s(
            f"[Trung tâm|Bộ phận một cửa] [được trang bị|có] máy lấy số tự động, [màn hình tra cứu|ki-ốt "
            f"tra cứu] và {counters} quầy tiếp nhận. [Người dân|Bà con] [có thể|] nộp hồ sơ [trực tuyến qua "
            "Cổng Dịch vụ công quốc gia|qua mạng], thanh toán [phí, lệ phí|lệ phí] [không dùng tiền "
            "mặt|bằng chuyển khoản]."
        ),
        lambda: c.s(
            f"[Bên cạnh kết quả đạt được|Tuy nhiên], [địa phương|{where}] [vẫn gặp khó khăn|còn vướng] "
            f"[do|vì] [đường truyền có lúc chập chờn|đường truyền chậm], [phần mềm chuyên ngành chưa liên "
            f"thông|phần mềm đất đai chưa kết nối]; [hồ sơ tồn đọng|{c.big(200, 1500)} hồ sơ tồn] [từ|của] "
            "cấp huyện chuyển về [lớn|chưa xử lý xong]."
        ),
        lambda: c.s(
            f"“[Ngày cao điểm|Có ngày] [tôi|mỗi cán bộ] [tiếp|nhận] [gần|hơn] {c.n(40, 90)} hồ sơ, [làm "
            "không kịp nghỉ trưa|tăng ca đến tối]. [Nhưng|] [thấy bà con hài lòng|người dân không phải đi "
            f"xa] [là mừng|thì vui]”, {c.who(clerk, 'công chức bộ phận một cửa', hon='chị')} {c.said()}."
        ),
        lambda: c.s(
            f"[Nhiều người cao tuổi|Người lớn tuổi] [còn lúng túng|chưa quen] [khi dùng điện thoại thông "
            f"minh|với thao tác trên điện thoại]. {cap(c.who(elder))}, {c.n(65, 82)} tuổi, [nhờ|được] "
            "[đoàn viên|cán bộ] [hướng dẫn|làm giúp] [từng bước|] [mới|] [nộp được|hoàn tất] [hồ sơ|thủ tục] "
            "[xin cấp lại giấy tờ|đăng ký thường trú]."
        ),
        lambda: c.s(
            f"[Một số thủ tục|Vài loại hồ sơ] [vẫn yêu cầu|còn phải nộp] bản giấy, [chưa khai thác được|chưa "
            "tận dụng] dữ liệu dân cư [đã có|sẵn có]. [Tính ra|Ước tính], [người dân|mỗi hồ sơ] [vẫn phải "
            f"photo|phải nộp thêm] {c.n(2, 6)} loại giấy tờ."
        ),
        lambda: c.s(
            f"[Qua khảo sát|Kết quả khảo sát] [mức độ hài lòng|sự hài lòng] [của người dân|] [quý "
            f"{c.n(1, 4)}|tháng {c.month}] [cho thấy|], {c.dec(92, 99)}% [người được hỏi|ý kiến] [hài lòng|rất "
            "hài lòng] [với|về] [thái độ phục vụ|thời gian giải quyết]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Theo|Theo báo cáo của] [Văn phòng UBND|UBND] {where}, [từ đầu tháng {c.month}|trong tháng "
            f"qua], [trung tâm|bộ phận một cửa] [tiếp nhận|nhận] {c.big(300, 3000)} hồ sơ, [nhiều nhất|chủ yếu] "
            f"[là|thuộc lĩnh vực] [đất đai|hộ tịch, chứng thực] [chiếm|với] {c.n(35, 65)}%."
        )
    )
    middles += [
        lambda: c.s(
            f"[Để|Nhằm] [giảm|bớt] [thời gian chờ|cảnh chờ đợi], {where} [triển khai|áp dụng] [đặt lịch "
            "hẹn|lấy số] [qua|bằng] [Zalo|ứng dụng], [trả kết quả|gửi kết quả] [qua bưu điện|tận nhà] [cho|với] "
            f"[{c.n(10, 40)}%|một phần] [hồ sơ|thủ tục]."
        ),
        lambda: c.s(
            f"[Hiện|Hiện nay], [xã|{where}] [có|bố trí] {c.n(8, 25)} [công chức|cán bộ] [làm việc|trực] [tại|ở] "
            f"[bộ phận một cửa|trung tâm], [nhiều người|{c.n(3, 10)} người] [từ|điều động từ] [huyện cũ|cấp huyện "
            "trước đây] [về|chuyển về], [đã|] [quen việc|thạo việc] [sau|chỉ sau] [vài tuần|một tháng]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"{c.ubnd} [đã chỉ đạo|yêu cầu] [các sở, ngành|{c.dept('plan')}] [tăng cường tập huấn|tập "
            "huấn], [hỗ trợ|] cấp xã; [rà soát, bổ sung trang thiết bị|bổ sung máy móc], [bảo đảm|để] "
            "người dân và doanh nghiệp [được phục vụ tốt nhất|hài lòng]."
        ),
        lambda: c.s(
            f"[Năm {c.year + 1}|Thời gian tới], {where} [phấn đấu|đặt mục tiêu] {c.n(90, 98)}% hồ sơ "
            f"[giải quyết trực tuyến|được số hóa], [không để|không còn] hồ sơ [trễ hạn|quá hạn]."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Mới đây|Tháng {c.month}], {where} [được|đã được] [{c.ubnd}|tỉnh] [đánh giá|xếp] [trong nhóm|vào "
            f"nhóm] [{c.n(5, 15)} địa phương|các xã] [dẫn đầu|có điểm cao nhất] [về|trong] [chỉ số|bộ chỉ số] "
            "[phục vụ người dân, doanh nghiệp|cải cách hành chính]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (
                c.v(f"Người dân làm thủ tục hành chính tại {where}[.| (ảnh chụp sáng {c.dm()}).]"),
                "bộ phận một cửa",
            )
        ],
        tags,
    )


def gratitude(c: Ctx) -> Draft:
    leader, veteran, widow, official, son = (
        c.person(),
        c.person(False),
        c.person(True),
        c.person(),
        c.person(False),
    )
    where = c.commune()
    short = where.split(",")[0]
    july = c.month in (6, 7, 8)
    years = c.year - 1947
    people = c.big(15000, 62000)
    gifts = c.big(8000, 40000)
    budget = c.n(20, 95)
    if july:
        title = c.title(
            [
                f"Lãnh đạo {c.prov} thăm, tặng quà gia đình chính sách nhân ngày 27-7",
                f"Tri ân người có công nhân kỷ niệm {years} năm Ngày Thương binh - Liệt sĩ",
                f"{c.P} trao {gifts} suất quà [tri ân|tặng] người có công [dịp 27-7|]",
            ]
        )
        occasion = f"Nhân kỷ niệm {years} năm Ngày Thương binh - Liệt sĩ (27-7-1947 - 27-7-{c.year})"
    else:
        title = c.title(
            [
                f"Thăm, tặng quà gia đình chính sách tại {short}",
                f"[Ấm áp|Nghĩa tình] [những phần quà|chuyến thăm] [tri ân|] người có công ở {short}",
            ]
        )
        occasion = {
            1: "Nhân dịp Tết Nguyên đán",
            2: "Nhân dịp Tết Nguyên đán",
            4: "Nhân kỷ niệm ngày Giải phóng miền Nam, thống nhất đất nước (30-4)",
            12: "Nhân dịp cuối năm",
        }.get(c.month, "Thực hiện chính sách đền ơn đáp nghĩa")
    lead = c.one(
        lambda: c.v(
            f"{occasion}, đoàn công tác của {c.prov} do {c.who(leader, 'Phó Chủ tịch ' + c.ubnd)} dẫn đầu "
            f"[đã đến thăm|đến thăm], tặng quà [các gia đình chính sách, người có công|gia đình chính sách] "
            f"tại {where}."
        ),
        lambda: c.v(
            f"[Hơn|Gần] {gifts} [suất quà|phần quà] [đã được trao|được trao] đến người có công [và thân "
            f"nhân|] [trên địa bàn|ở] {c.prov} {occasion[0].lower() + occasion[1:]}. [Tổng kinh phí|Tổng trị "
            f"giá] [hơn|gần] {budget} tỷ đồng."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"Đoàn đến thăm {c.who(veteran, hon='ông')}, thương binh hạng {c.n(1, 4)}/4, [tham gia kháng "
            f"chiến|nhập ngũ] từ năm {c.n(1965, 1972)}. [Dù tuổi cao, sức khỏe yếu|Ở tuổi {c.n(74, 86)}], "
            "ông [vẫn minh mẫn kể lại|vẫn nhớ rõ] [những năm tháng chiến đấu|những trận đánh] [cùng đồng "
            "đội|ở chiến trường]."
        ),
        lambda: c.s(
            f"[Căn nhà nhỏ|Ngôi nhà] của {c.who(widow, hon='bà')} [ở|tại] {short} [rộn ràng hơn|ấm áp hơn] "
            f"khi đoàn đến thăm. [Chồng bà|Hai con trai bà] [hy sinh|đã hy sinh] năm {c.n(1968, 1979)}, "
            f"[nay bà sống cùng|bà ở với] [cháu nội|con gái út]."
        ),
        lambda: c.s(
            f"[Toàn {c.unit}|{cap(c.prov)}] hiện có {people} người có công với cách mạng [đang hưởng trợ cấp "
            f"hằng tháng|hưởng trợ cấp]. [Dịp này|Năm nay], {c.unit} [trích ngân sách|chi] hơn {budget} tỷ "
            "đồng [tặng quà|] [cho người có công và thân nhân|]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Tại [các gia đình|mỗi nơi đến], {c.who(leader, 'Phó Chủ tịch ' + c.ubnd)} [ân cần hỏi "
            "thăm|hỏi thăm] [sức khỏe, đời sống|sức khỏe và đời sống]; mong [các gia đình|bà con] [tiếp tục "
            "phát huy truyền thống cách mạng|giữ gìn truyền thống], [giáo dục con cháu|dạy con cháu] [sống "
            "tốt, làm giàu chính đáng|sống có ích]."
        ),
        lambda: c.s(
            f"“[Năm nào|Tết nào] cũng [được|có] [chính quyền|Nhà nước] [quan tâm|nhớ tới], [tôi|ông bà "
            f"tôi] [mừng lắm|cảm động lắm]”, {c.who(veteran, hon='ông') if c.met(veteran) else c.who(widow, hon='bà')} "
            "[xúc động nói|rưng rưng], [tay nắm chặt|nắm tay] [trưởng đoàn|các thành viên trong đoàn]."
        ),
        lambda: c.s(
            f"[100% gia đình chính sách|Tất cả gia đình người có công] [ở {c.P}|trên địa bàn] có mức sống "
            f"[bằng hoặc cao hơn|từ trung bình trở lên so với] mức sống [trung bình|] của người dân nơi cư "
            f"trú. [Năm qua|Từ đầu năm], [{c.unit}|địa phương] [sửa chữa, xây mới|hỗ trợ xây, sửa] "
            f"{c.n(40, 400)} nhà tình nghĩa."
        ),
        lambda: c.s(
            f"[Theo|Theo thống kê của] {c.dept('labour')}, [trong {c.so_far()}|từ đầu năm], "
            f"[ngành|địa phương] [đã giải quyết|giải quyết] {c.n(120, 900)} hồ sơ [chế độ|người có công], "
            f"[xác nhận|hỗ trợ] [thêm|] {c.n(5, 40)} [trường hợp|liệt sĩ] [được công nhận|] [và|,] [tìm "
            f"được|quy tập] {c.n(3, 60)} hài cốt liệt sĩ."
        ),
        lambda: c.s(
            f"{cap(c.who(son, 'con trai một liệt sĩ'))} [kể|cho biết] [gia đình|ông] [đã tìm|tìm] [mộ "
            f"cha|mộ anh trai] [suốt|hơn] {c.n(10, 40)} năm. [Năm {c.year - c.n(1, 4)}|Mới đây], [nhờ|qua] "
            "[giám định ADN|thông tin của đồng đội], [gia đình|ông] [mới|đã] [đưa được|đón] [hài cốt|cha] "
            "về [quê|nghĩa trang quê nhà]."
        ),
        lambda: c.s(
            f"{cap(c.who(official, 'Giám đốc ' + c.dept('labour')))} [cho biết|thông tin] [tổng kinh "
            f"phí|kinh phí] [chăm lo|tặng quà] [năm nay|dịp này] [là|gồm] ngân sách {c.n(60, 85)}% và "
            "[nguồn xã hội hóa|doanh nghiệp, nhà hảo tâm đóng góp]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Sáng|Chiều] {c.dm()}, [đoàn|đoàn công tác] [đến|ghé] [{short}|thăm {c.n(3, 10)} gia đình], "
            f"[mang theo|trao] [những phần quà|quà] [trị giá|mỗi phần] {c.n(1, 5)} triệu đồng [cùng|và] [thư "
            f"chúc mừng|lời thăm hỏi] [của|từ] [lãnh đạo {c.unit}|Chủ tịch nước]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Ở|Tại] {short}, [xã|địa phương] [hiện có|có] {c.n(40, 300)} [người có công|gia đình chính "
            f"sách], [trong đó|] {c.n(2, 15)} [Mẹ Việt Nam anh hùng|thương binh nặng] [còn sống|đang được phụng "
            f"dưỡng]; [các đoàn thể|đoàn viên] [nhận|chia nhau] [chăm sóc|phụng dưỡng] [{c.n(2, 15)} "
            "trường hợp|từng người] [suốt đời|hằng tháng]."
        ),
        lambda: c.s(
            f"[Phong trào|Chương trình] [“Đền ơn đáp nghĩa”|“Uống nước nhớ nguồn”] [năm nay|năm {c.year}] [đã|] "
            f"[vận động|huy động] [được|] {c.n(5, 40)} tỷ đồng, [xây mới|xây] {c.n(10, 120)} nhà tình nghĩa, "
            f"[tặng|trao] {c.n(50, 500)} sổ tiết kiệm [cho|tới] [thân nhân liệt sĩ|gia đình chính sách]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"Cùng ngày, đoàn [đã|] dâng hương, dâng hoa tưởng niệm [các anh hùng liệt sĩ|] tại Nghĩa trang "
            f"liệt sĩ [{c.P}|{short}|{c.unit}]."
        ),
        lambda: c.s(
            "[Trước đó|Cũng trong dịp này], đoàn [đã|] [đến dâng hương|dâng hương] tại [nghĩa trang liệt "
            "sĩ|đền tưởng niệm] và thăm Trung tâm điều dưỡng người có công[, tặng|, trao] "
            f"{c.n(30, 150)} suất quà."
        ),
        lambda: c.s(
            f"[Tối cùng ngày|Tối {c.dm()}], [tại|ở] {short}, [chương trình nghệ thuật|lễ thắp nến tri ân] "
            f"[“Tri ân anh hùng liệt sĩ”|“Mãi mãi tuổi hai mươi”] [thu hút|có] [hàng nghìn|{c.big(800, 3000)}] "
            "[người dân|đoàn viên] [tham dự|tham gia]."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Lãnh đạo|Các đồng chí lãnh đạo] [{c.unit}|{c.prov}] [cũng|] [chia thành|chia làm] {c.n(3, 8)} đoàn "
            f"[đi thăm|thăm, tặng quà] [các|] [địa phương|xã, phường] [khác|còn lại] [trong|từ] [ngày|hai ngày] "
            f"{c.dm()}."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [(f"{cap(leader.honorific)} {leader.name} trao quà cho gia đình chính sách ở {where}.", None)],
        ["người có công", "đền ơn đáp nghĩa", "27-7"] if july else ["người có công", "đền ơn đáp nghĩa"],
    )


def newrural(c: Ctx) -> Draft:
    where, official, farmer, woman, secretary = (
        c.commune(rural=True),
        c.person(),
        c.person(False),
        c.person(True),
        c.person(),
    )
    short = where.split(",")[0]
    income = c.n(58, 82)
    times = c.n(2, 4)
    poor = c.dec(0.3, 1.8)
    raised = c.n(40, 160)
    share = c.n(15, 35)
    years = c.n(8, 14)
    ocop = c.n(3, 8)
    title = c.title(
        [
            f"{cap(short)} về đích nông thôn mới nâng cao",
            f"Diện mạo mới ở {short} sau {years} năm xây dựng nông thôn mới",
            f"{cap(short)}: Thu nhập bình quân đạt {income} triệu đồng/người/năm",
            f"[Dân góp sức, góp đất|Chung sức] xây dựng nông thôn mới ở {short}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Thu nhập bình quân đầu người ở {where} năm {c.year - 1} đạt {income} triệu đồng, [tăng gấp "
            f"{times} lần so với năm {c.year - 10}|gấp {times} lần mười năm trước]; hộ nghèo [giảm còn|chỉ "
            f"còn] {poor}%. [Đó là quả ngọt sau nhiều năm|Đó là kết quả của {years} năm] chung sức xây dựng "
            "nông thôn mới."
        ),
        lambda: c.v(
            f"[{c.daypart()} {c.dm()}|Ngày {c.dm()}], {where} [tổ chức lễ|đón nhận] [công bố|Quyết định "
            f"công nhận] [xã|] đạt chuẩn nông thôn mới nâng cao. [Sau {years} năm|Hơn {years} năm] [thực hiện "
            f"chương trình|xây dựng nông thôn mới], [xã|địa phương] [huy động|đã huy động] hơn {raised} tỷ "
            "đồng."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"Những con đường bê tông rộng {c.n(4, 7)} m [chạy dọc kênh|nối các ấp, thôn], hai bên là "
            "[hàng rào xanh|hoa kiểng] và đèn [chiếu sáng năng lượng mặt trời|đường thắp sáng]. [Nhà "
            f"cửa|Nhà mái bằng] [khang trang|mọc lên] [dọc|hai bên] [tuyến|đường] [{c.n(3, 9)} km|liên ấp]."
        ),
        lambda: c.s(
            f"Theo {c.who(official, 'Chủ tịch UBND ' + short)}, [toàn xã|địa phương] đã huy động hơn {raised} tỷ "
            f"đồng [cho các tiêu chí|để hoàn thành các tiêu chí], [trong đó|] người dân [đóng góp|góp] "
            f"[gần|khoảng] {share}% [bằng tiền, ngày công và đất|]."
        ),
        lambda: c.s(
            f"[Mười năm trước|Năm {c.year - 10}], {short} [là|còn là] xã [khó khăn|thuần nông] [của|ở] "
            f"{c.prov}: [đường đất|đường sá lầy lội], [hộ nghèo|tỷ lệ hộ nghèo] [chiếm|tới] {c.n(8, 22)}%, "
            f"[thu nhập|bình quân thu nhập] chỉ {c.n(14, 28)} triệu đồng/người/năm."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Gia đình {c.who(farmer, hon='ông')} [hiến|tự nguyện hiến] hơn {c.n(150, 900)} m² đất [để mở "
            "rộng đường|làm đường]. “[Đường sá rộng rãi|Đường rộng], xe tải [vào tận vườn|vào tận nơi] [chở "
            "nông sản|], giá bán cao hơn. [Mình góp chút đất mà cả xóm được hưởng|Góp chút đất mà cả ấp "
            f"hưởng lợi]”, {c.who(farmer, hon='ông')} {c.said()}."
        ),
        lambda: c.s(
            f"[Xã|{cap(short)}] [hiện có|có] {ocop} sản phẩm OCOP [đạt|] 3 sao trở lên, {c.n(2, 6)} hợp tác "
            "xã [hoạt động hiệu quả|làm ăn có lãi]. [Các mô hình|Mô hình] [sản xuất ứng dụng công nghệ "
            "cao|nhà màng, tưới tiết kiệm] [được nhân rộng|ngày càng nhiều]."
        ),
        lambda: c.s(
            f"{cap(c.who(woman, 'chủ cơ sở sản xuất', hon='chị'))} [có|với] sản phẩm [bánh tráng|mứt|khô cá|"
            f"nước mắm|trà] đạt OCOP {c.n(3, 4)} sao, [cho biết|kể] [mỗi tháng|mỗi năm] [cơ sở|] [bán|xuất "
            f"đi] {c.n(2, 12)} tấn, [tạo việc làm cho|thuê] {c.n(8, 30)} lao động [địa phương|trong ấp]."
        ),
        lambda: c.s(
            f"[Trường học|Các trường] [trên địa bàn|của xã] [đều|] [đạt chuẩn quốc gia|được xây mới]; "
            f"{c.n(95, 100)}% [người dân|hộ] [tham gia bảo hiểm y tế|dùng nước sạch], [trạm y tế|trạm y tế "
            "xã] [có bác sĩ|đạt chuẩn] [thường trực|]."
        ),
        lambda: c.s(
            f"[Mỗi ấp|Các ấp, thôn] [đều|] [có|xây dựng] [tuyến đường hoa|“tuyến đường kiểu mẫu”] [dài|] "
            f"{c.dec(0.5, 3.0)} km, [do người dân tự trồng và chăm sóc|do hội phụ nữ nhận chăm sóc]. "
            "[Rác thải được thu gom|Xe thu gom rác đến] [hai ngày một lần|hằng ngày]."
        ),
        lambda: c.s(
            f"[Bí thư Đảng ủy xã|{cap(c.who(secretary, 'Bí thư Đảng ủy ' + short))}] [cho rằng|nhận "
            "xét] [bài học lớn nhất|điều quan trọng nhất] là [phát huy vai trò chủ thể của người dân|“dân "
            "biết, dân bàn, dân làm, dân kiểm tra”]: [việc gì|công trình nào] [cũng|] [đưa ra họp dân|công "
            "khai] [trước khi làm|]."
        ),
        lambda: c.s(
            f"[Tuy nhiên|Dù vậy], [xã|{short}] [vẫn còn|còn] [khó khăn|tiêu chí khó]: [môi trường|thu "
            f"nhập] [chưa bền vững|chưa đồng đều], [còn|] {c.n(15, 80)} hộ cận nghèo, [lao động trẻ|thanh "
            "niên] [đi làm ăn xa|rời quê] [nhiều|đông]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Sáng|Ngày] {c.dm()}, [tại|trên] [sân|hội trường] [UBND|nhà văn hóa] {short}, [hàng trăm|{c.n(200, 700)}] "
            f"[người dân|bà con] [dự|tham dự] [lễ đón nhận|lễ công bố] [xã đạt chuẩn|danh hiệu] [nông thôn mới "
            "nâng cao|nông thôn mới kiểu mẫu], [không khí|buổi lễ] [như ngày hội|rộn ràng]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Nhiều|Không ít] [hộ|gia đình] [ở|tại] {short} [đã|] [chuyển đổi|cải tạo] [vườn tạp|ruộng lúa] "
            f"[sang|thành] [trồng|vườn] [{c.pick(c.w.crops)}|cây ăn trái], [thu|mang lại] [mỗi năm|] "
            f"[{c.n(200, 800)} triệu đồng|hàng trăm triệu đồng], [nhiều nhà|có nhà] [xây|mua] [nhà mới|xe hơi]."
        ),
        lambda: c.s(
            f"[Hệ thống|Mạng lưới] [nước sạch|điện] [đã|] [về đến|phủ] {c.n(95, 100)}% hộ, [wifi|sóng 4G] [phủ|có] "
            f"[khắp|ở] [các ấp|mọi nơi]; [xã|{short}] [có|xây] [{c.n(2, 6)} sân thể thao|nhà văn hóa] [phục vụ|cho] "
            "[người dân|bà con] [tập luyện|sinh hoạt] [mỗi chiều|]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"Đến nay, {c.prov} có {c.n(60, 140)} xã đạt chuẩn nông thôn mới nâng cao và {c.n(12, 40)} xã "
            "đạt chuẩn nông thôn mới kiểu mẫu."
        ),
        lambda: c.s(
            f"[Toàn {c.unit}|{cap(c.prov)}] phấn đấu [đến cuối năm {c.year}|năm {c.year + 1}] có thêm "
            f"{c.n(5, 20)} xã [đạt chuẩn|] nông thôn mới [nâng cao|kiểu mẫu]."
        ),
        lambda: c.s(
            f"[Năm tới|Thời gian tới], {short} [đặt mục tiêu|phấn đấu] [trở thành|đạt chuẩn] xã nông thôn "
            f"mới kiểu mẫu, [thu nhập|thu nhập bình quân] [đạt|trên] {income + c.n(5, 15)} triệu đồng/người."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Phát biểu|Tại buổi lễ], [lãnh đạo|đại diện] {c.ubnd} [đề nghị|mong] [{short}|xã] [không “ngủ quên” "
            "trên thành tích|giữ vững các tiêu chí], [tiếp tục|] [nâng chất các tiêu chí|nâng cao chất lượng] [môi "
            "trường|thu nhập], [hướng đến|tiến tới] [xã kiểu mẫu|mục tiêu cao hơn]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (c.v(f"[Tuyến đường|Con đường] nông thôn mới ở {where}."), "nông thôn mới"),
            (f"Sản phẩm OCOP của {short}.", None),
        ][: c.n(1, 2)],
        ["nông thôn mới", "OCOP", c.P],
    )


def investment(c: Ctx) -> Draft:
    iz = c.pick_new(c.w.industrial)
    official, investor, leader, worker = c.person(), c.person(False), c.person(), c.person(True)
    amount = f"{c.dec(1.0, 1.8)} tỷ USD" if c.chance(0.3) else f"{c.n(12, 350)} triệu USD"
    country = c.pick(_WORDS["investment"]["countries"])
    product = c.pick(_WORDS["investment"]["products"])
    hectares = c.n(8, 65)
    jobs = c.big(800, 5200)
    projects = c.n(12, 60)
    capital = c.big(8000, 52000)
    fill = c.n(62, 91)
    tenants = c.n(20, 140)
    title = c.title(
        [
            f"{iz} đón dự án {amount} của nhà đầu tư {country}",
            f"{c.P} thu hút thêm {amount} vốn đầu tư vào {iz}",
            f"Nhà đầu tư {country} xây nhà máy {product} {amount} tại {c.P}",
            f"{c.P} trao giấy chứng nhận đầu tư dự án {product} [vốn|] {amount}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"{c.daypart()} {c.dm()}, UBND {c.prov} trao giấy chứng nhận đăng ký đầu tư cho dự án [của nhà "
            f"đầu tư {country}|sản xuất {product}] tại {iz}, [với tổng vốn|tổng vốn đầu tư] {amount}."
        ),
        lambda: c.v(
            f"[Một doanh nghiệp|Tập đoàn] [của|đến từ] {country} [vừa|] [chính thức|] [rót|đầu tư] {amount} "
            f"[xây dựng|vào] nhà máy {product} [tại|ở] {iz}, [nâng tổng vốn|đưa tổng vốn] [đầu tư nước "
            f"ngoài|FDI] vào {c.prov} [từ đầu năm|năm {c.year}] [lên|đạt] [hơn|gần] {c.dec(1.2, 4.5)} tỷ USD."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"Dự án [sản xuất|chuyên sản xuất] {product} [trên diện tích|rộng] {hectares} ha, dự kiến [đi "
            f"vào hoạt động|vận hành] từ quý {c.n(1, 4)}/{c.year + 1}, [tạo việc làm cho|cần tuyển] "
            f"[khoảng|] {jobs} lao động."
        ),
        lambda: c.s(
            f"[Lễ trao|Buổi lễ] [diễn ra|được tổ chức] [tại|ở] [trụ sở {c.ubnd}|Trung tâm Hội nghị "
            f"{c.P}] [với sự tham dự của|có] {c.n(80, 300)} [đại biểu|khách mời], [trong đó có|gồm] "
            f"[đại diện Đại sứ quán {country}|Tổng Lãnh sự {country}] [và|cùng] [các hiệp hội doanh "
            "nghiệp|lãnh đạo các sở, ngành]."
        ),
        lambda: c.s(
            f"[Theo {c.dept('plan')},|Số liệu của {c.dept('plan')} cho thấy] [từ đầu năm đến nay|trong {c.so_far()}], "
            f"{c.unit} thu hút {projects} dự án mới, [tổng vốn đăng ký|vốn đăng ký] [hơn|khoảng] {capital} "
            f"tỷ đồng; [tỷ lệ lấp đầy|tỉ lệ lấp đầy] các khu công nghiệp [đạt|là] {fill}%."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(investor, 'đại diện nhà đầu tư'))} [cho biết|nói] [doanh nghiệp|tập đoàn] [chọn|quyết "
            f"định chọn] {c.P} [nhờ|vì] [vị trí thuận lợi|gần cảng biển và cao tốc], [hạ tầng đang được đầu tư "
            "mạnh|hạ tầng khu công nghiệp sẵn sàng] và [sự hỗ trợ của chính quyền|thủ tục được giải quyết "
            f"nhanh] — [chỉ|] {c.n(15, 45)} ngày [từ khi nộp hồ sơ|đã có giấy phép]."
        ),
        lambda: c.s(
            f"[Theo|Theo thông tin từ] {c.who(official, 'Giám đốc ' + c.dept('plan'))} [các dự án|dự án "
            f"FDI] [vào {c.P}|mới] [ngày càng|] [chú trọng|tập trung vào] [công nghệ cao|công nghiệp hỗ trợ], "
            f"[suất đầu tư|vốn] [bình quân|] {c.n(3, 12)} triệu USD/ha, [cao hơn|gấp đôi] [giai đoạn "
            f"trước|{c.year - 5}]."
        ),
        lambda: c.s(
            f"{c.ubnd} [cam kết|khẳng định] [tiếp tục|sẽ] [cải thiện môi trường đầu tư|đồng hành cùng "
            "nhà đầu tư], [bảo đảm|lo đủ] [nguồn điện, nước|điện, nước] và [nhân lực có tay nghề|lao động "
            "qua đào tạo] [cho các dự án|]."
        ),
        lambda: c.s(
            f"{cap(c.who(leader, 'Phó Chủ tịch ' + c.ubnd))} [đề nghị|yêu cầu] nhà đầu tư [triển khai|xây "
            "dựng] dự án đúng tiến độ, [ưu tiên|] [sử dụng lao động địa phương|tuyển lao động tại chỗ] và "
            "[tuân thủ nghiêm|chấp hành] [các quy định về|quy định] bảo vệ môi trường."
        ),
        lambda: c.s(
            f"[Hiện|Đến nay], {iz} [có|thu hút] {tenants} [dự án|doanh nghiệp], [trong đó|] "
            f"{c.n(tenants // 3, tenants - 2)} [dự án|doanh nghiệp] [FDI|có vốn nước ngoài], [giải quyết việc làm cho|thu hút] "
            f"[hơn|] {c.big(8000, 60000)} lao động."
        ),
        lambda: c.s(
            f"{cap(c.who(worker, 'công nhân', hon='chị'))} [làm việc|làm] [tại|ở] {iz} [đã|] "
            f"{c.n(3, 9)} năm, [cho biết|kể] [thu nhập|lương] [mỗi tháng|] [khoảng|] {c.dec(7.5, 12.5)} triệu "
            f"đồng. “[Làm gần nhà|Gần nhà], [không phải lên thành phố|đỡ tiền thuê trọ], [chiều về|tối về] "
            f"[còn lo được cho con|phụ việc nhà]”, {c.who(worker, hon='chị')} {c.said()}."
        ),
        lambda: c.s(
            f"[Tuy nhiên|Dù vậy], [{c.P}|{c.unit}] [vẫn|] [thiếu|đang thiếu] [quỹ đất sạch|đất công nghiệp "
            f"sạch] [và|,] [lao động kỹ thuật|kỹ sư]; [nhiều|{c.n(3, 12)}] dự án [đã đăng ký|] [phải chờ|chậm "
            "triển khai] [do|vì] [vướng bồi thường|chưa có mặt bằng]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Đây là|Dự án này là] [dự án|một trong những dự án] [FDI|vốn nước ngoài] [lớn nhất|quy mô lớn] "
            f"[mà {c.P} thu hút|vào {c.P}] [từ đầu năm|trong năm {c.year}], [nâng|đưa] [số dự án|tổng số dự án] "
            f"[FDI|nước ngoài] [còn hiệu lực|] [của {c.unit}|] [lên|đạt] {c.n(60, 700)} dự án."
        )
    )
    middles += [
        lambda: c.s(
            f"[Nhà máy|Dự án] [sẽ|] [sử dụng|áp dụng] [dây chuyền|công nghệ] [tự động hóa|hiện đại] [từ|của] "
            f"[{country}|Nhật Bản, Đức], [sản phẩm|hàng hóa] [xuất khẩu|xuất] [{c.n(70, 100)}%|chủ yếu] [sang|đi] "
            "[Mỹ, EU|thị trường châu Âu, Mỹ], [đóng góp|nộp] [ngân sách|] [dự kiến|] "
            f"{c.n(50, 500)} tỷ đồng/năm."
        ),
        lambda: c.s(
            f"[Để|Nhằm] [đón|chuẩn bị cho] [làn sóng đầu tư|các dự án lớn], [{c.unit}|{c.P}] [đang|] [mở rộng|quy "
            f"hoạch thêm] {c.n(2, 6)} khu công nghiệp [với|tổng] [diện tích|] {c.big(500, 3000)} ha, [xây|đầu tư] "
            "[nhà ở công nhân|nhà ở xã hội] [và|,] [trường đào tạo nghề|trạm biến áp 220 kV]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"[Năm {c.year}|Năm nay], {c.prov} [đặt mục tiêu|phấn đấu] [thu hút|đón] [{c.n(1, 3)} tỷ "
            f"USD|{c.big(15000, 60000)} tỷ đồng] vốn đầu tư, [hoàn thành|lấp đầy] [thêm|] {c.n(1, 3)} khu "
            "công nghiệp."
        ),
        lambda: c.s(
            f"[Dịp này|Cũng tại buổi lễ], {c.ubnd} [trao|cấp] [quyết định chủ trương đầu tư|giấy chứng nhận] "
            f"cho [thêm|] {c.n(2, 8)} [dự án|doanh nghiệp] [trong nước|khác], [tổng vốn|với] "
            f"{c.big(500, 6000)} tỷ đồng."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[Theo kế hoạch|Dự kiến], [doanh nghiệp|nhà đầu tư] [sẽ|] [khởi công|động thổ] [nhà máy|dự án] "
            f"[vào|trong] [tháng {c.n(1, 12)}|quý {c.n(1, 4)}] [năm|/] {c.year + c.n(0, 1)}, [tuyển dụng|tuyển] "
            f"[đợt đầu|trước] {c.big(300, 1500)} [lao động|công nhân]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (
                c.v(f"Lãnh đạo {c.ubnd} trao giấy chứng nhận [đăng ký|] đầu tư cho nhà đầu tư {country}."),
                None,
            ),
            (f"Một góc {iz}.", iz),
        ][: c.n(1, 2)],
        ["thu hút đầu tư", "khu công nghiệp", iz],
    )


def dengue(c: Ctx) -> Draft:
    doctor, official, mother, volunteer, child = (
        c.person(),
        c.person(),
        c.person(True),
        c.person(),
        c.person(),
    )
    where = c.commune()
    short = where.split(",")[0]
    cases = c.n(420, 3800)
    serotype = c.n(1, 4)
    deaths = c.n(1, 4)
    rise = c.n(20, 80)
    daily = c.n(15, 45)
    youth = c.n(120, 600)
    title = c.title(
        [
            f"Số ca sốt xuất huyết ở {c.P} tăng {rise}% so với cùng kỳ",
            f"{c.P} ra quân diệt lăng quăng, phòng chống sốt xuất huyết",
            f"{c.P} ghi nhận {fmt(cases)} ca sốt xuất huyết, {deaths} trường hợp tử vong",
            f"[Cảnh báo|Lo ngại] sốt xuất huyết [gia tăng|tăng nhanh] [ở|tại] {short}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Từ đầu năm đến nay, {c.prov} ghi nhận {fmt(cases)} ca sốt xuất huyết, [trong đó có|có] "
            f"{deaths} trường hợp tử vong. Ngành y tế cảnh báo [dịch có thể bùng phát|số ca có thể tăng "
            "mạnh] [trong mùa mưa|những tháng tới]."
        ),
        lambda: c.v(
            f"[Chỉ trong|Trong] {c.n(2, 4)} tuần [qua|gần đây], {where} [ghi nhận|có] {c.n(12, 60)} ca sốt "
            f"xuất huyết, [hình thành|xuất hiện] {c.n(2, 6)} ổ dịch. [Địa phương|Ngành y tế] [đã|] [phun hóa "
            "chất|ra quân] [diệt muỗi|diệt lăng quăng] [trên diện rộng|ngay trong tuần]."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"Theo Trung tâm Kiểm soát bệnh tật (CDC) {c.P}, [các ca bệnh|ca bệnh] tập trung ở [khu dân cư "
            "đông đúc|khu dân cư], [nhà trọ công nhân|dãy trọ] và vùng ven đô, [nơi có nhiều dụng cụ chứa "
            "nước|nơi nhiều vật chứa nước, phế thải] [là nơi muỗi vằn sinh sản|]."
        ),
        lambda: c.s(
            f"Tại {c.w.hospital}, [số bệnh nhân sốt xuất huyết|bệnh nhân sốt xuất huyết] [nhập viện mỗi "
            f"ngày|vào viện mỗi ngày] [tăng lên|lên] {daily} - {daily + c.n(10, 25)} ca, [nhiều giường phải "
            "nằm ghép|khoa Nhiễm quá tải]."
        ),
        lambda: c.s(
            f"[Ngày|Sáng] {c.dm()}, {where} [phối hợp ngành y tế tổ chức|ra quân] chiến dịch diệt lăng "
            f"quăng, [huy động|với] hơn {youth} [đoàn viên, thanh niên|đoàn viên], [tổ tự quản|hội viên] "
            "[đến từng hộ|đi từng nhà] [thu gom vật phế thải|lật úp vật chứa nước]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(doctor, 'Trưởng khoa Nhiễm ' + c.w.hospital, hon='bác sĩ'))} cho biết [nhiều bệnh "
            "nhân|không ít ca] nhập viện muộn, [khi đã có|đã có] dấu hiệu cảnh báo [nặng|] như [đau bụng, nôn "
            "ói|đau bụng vùng gan], [chảy máu chân răng|xuất huyết dưới da]."
        ),
        lambda: c.s(
            "“[Người dân tuyệt đối không tự điều trị tại nhà|Không tự mua thuốc về uống], [không truyền dịch "
            f"tùy tiện|không tự truyền dịch]. [Khi sốt cao liên tục|Sốt cao] từ 2 ngày [trở lên|] cần [đến cơ "
            "sở y tế|đi khám] [để được theo dõi|ngay]”, "
            f"{c.who(doctor, 'bác sĩ điều trị', hon='bác sĩ')} [khuyến cáo|nhấn mạnh]."
        ),
        lambda: c.s(
            f"{cap(c.who(mother, hon='chị'))}, [ở|ngụ] {short}, [đưa con|có con] [{c.n(4, 12)} tuổi|trai] [vào "
            f"viện|nhập viện] [sau|khi đã sốt] {c.n(3, 5)} ngày. “[Tưởng cháu sốt siêu vi|Cứ nghĩ cảm thường] "
            "[nên|] [cho uống thuốc hạ sốt ở nhà|mua thuốc ở tiệm], [đến khi|tới lúc] [cháu|bé] [đau bụng, "
            f"nôn|lừ đừ] mới [hoảng|sợ]”, {c.who(mother, hon='chị')} {c.said()}."
        ),
        lambda: c.s(
            f"[Đội phòng chống dịch|Tổ xung kích] [của|tại] {short} do {c.who(volunteer, 'trưởng trạm y tế')} "
            "phụ trách [đi|đã] [kiểm tra|rà soát] [từng con hẻm|từng nhà], [phát hiện|ghi nhận] [lăng quăng "
            f"trong|] {c.n(15, 45)}% [hộ|số hộ] [được kiểm tra|], [chủ yếu trong|nhiều nhất ở] [chậu cây "
            "cảnh|lu chứa nước|lốp xe cũ]."
        ),
        lambda: c.s(
            f"[Chỉ số|Chỉ số mật độ] [muỗi|lăng quăng] [ở nhiều nơi|tại {c.n(5, 20)} xã, phường] [vượt|cao "
            f"hơn] ngưỡng [nguy cơ|cảnh báo] [{c.n(2, 4)} lần|]. [Ngành y tế|CDC {c.P}] [đã phun|phun] "
            f"[hóa chất|thuốc diệt muỗi] [cho|tại] {c.big(2000, 15000)} hộ."
        ),
        lambda: c.s(
            f"[Trẻ em dưới 15 tuổi|Trẻ em] [chiếm|là] {c.n(35, 60)}% [số ca mắc|ca bệnh]. [Nhiều trường|Các "
            "trường học] [đã|] [tổ chức|phát động] [“ngày thứ Bảy xanh”|tổng vệ sinh] [để|,] [dọn dẹp|thu "
            "gom] [vật chứa nước|vỏ chai, lon] [quanh trường|trong khuôn viên]."
        ),
        lambda: c.s(
            f"{cap(c.who(child, 'học sinh', hon='em'))} [đang điều trị ngày thứ {c.n(3, 6)}|nằm viện "
            f"được {c.n(3, 6)} ngày], [đã|] [hết sốt|qua cơn nguy hiểm], [tiểu cầu|tiểu cầu của em] [tăng dần|trở lại bình "
            "thường]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Tuần qua|Trong tuần {c.when.isocalendar().week}], [{c.P}|toàn {c.unit}] [ghi nhận|có thêm] {c.n(60, 300)} ca "
            f"[mới|mắc mới], [tăng|cao hơn] {c.n(10, 50)}% [so với tuần trước|so với tuần liền kề]; [số ca|ca "
            f"bệnh] [cộng dồn|từ đầu năm] [lên|đã lên] {fmt(cases)} [ca|]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Bệnh viện|{c.w.hospital}] [đã|] [bố trí|mở thêm] [{c.n(20, 80)} giường|khu điều trị riêng] [cho "
            "bệnh nhân sốt xuất huyết|], [dự trữ|chuẩn bị] [đủ|] [dịch truyền|thuốc, dịch truyền] [và|,] "
            "[chế phẩm máu|tiểu cầu] [cho|phòng khi] [ca nặng|số ca tăng]."
        ),
    ]
    middles += [
        lambda: c.one(
            lambda: c.s(
                f"[Theo|Theo khuyến cáo của] [Trung tâm Kiểm soát bệnh tật|CDC] [{c.P}|tỉnh], [năm nay|mùa mưa "
                f"năm {c.year}] [chủng virus|tuýp virus] [Dengue|] [lưu hành|gây bệnh] [chủ yếu|nhiều nhất] [là|] "
                f"[DEN-{serotype}|DEN-{serotype} và DEN-{serotype % 4 + 1}], [người từng mắc|người đã mắc] [vẫn có thể|có "
                "thể] [mắc lại|tái nhiễm] [và|,] [dễ|] [chuyển nặng|bị nặng hơn]."
            ),
            lambda: c.s(
                f"[Ở|Tại] {short}, [{c.n(3, 10)} ổ dịch|các ổ dịch] [đã|] [được|] [xử lý|khoanh vùng] [trong "
                f"vòng|trong] 48 giờ; [{c.n(1, 4)} đợt phun|các đợt phun] [hóa chất|diệt muỗi] [cách nhau|] "
                f"[{c.n(7, 10)} ngày|một tuần]."
            ),
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(official, 'Phó Giám đốc ' + c.dept('health')))} đề nghị các địa phương [kích hoạt ban "
            "chỉ đạo|] [phòng, chống dịch|], [xử lý triệt để|khoanh vùng] ổ dịch mới, [không để lây lan "
            "rộng|không để dịch lan rộng]."
        ),
        lambda: c.s(
            "[Ngành y tế khuyến cáo|Người dân được khuyến cáo] [ngủ màn|ngủ mùng] [cả ban ngày|], [đậy kín "
            "dụng cụ chứa nước|thả cá vào lu, bể], [phát quang bụi rậm|thu dọn vật phế thải] [ít nhất|] "
            "[mỗi tuần một lần|hằng tuần]."
        ),
    ]
    closings.append(
        lambda: c.s(
            f"[CDC {c.P}|Ngành y tế] [dự báo|nhận định] [số ca|dịch] [có thể|sẽ] [tiếp tục tăng|tăng cao] "
            f"[đến|trong] [tháng {min(c.month + 2, 12)}|những tháng cuối năm], [đỉnh dịch|cao điểm] [thường|] [rơi "
            "vào|vào] [giữa mùa mưa|cuối mùa mưa]."
        )
    )
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6),
        [
            (
                c.v(f"[Lực lượng tình nguyện|Đoàn viên] thu gom vật dụng chứa nước tại {where}."),
                "diệt lăng quăng",
            ),
            (f"Bệnh nhân sốt xuất huyết điều trị tại {c.w.hospital}.", None),
        ][: c.n(1, 2)],
        ["sốt xuất huyết", "y tế", "phòng chống dịch"],
    )


def hospital(c: Ctx) -> Draft:
    doctor, patient, relative, director = c.person(), c.person(), c.person(), c.person()
    age = c.n(36, 78)
    patient_kinds = (
        "bệnh nhân",
        ("cụ bà" if patient.woman else "cụ ông")
        if age >= 65
        else ("người phụ nữ" if patient.woman else "người đàn ông"),
    )
    where = c.commune()
    minutes = c.n(45, 180)
    out_days = c.n(4, 10)
    new_tech = c.n(6, 24)
    procedure = c.pick(_WORDS["hospital"]["procedures"])
    tech, disease, sign = procedure
    hosp = c.w.hospital
    title = c.title(
        [
            f"{hosp} làm chủ kỹ thuật {tech}",
            f"Cứu sống bệnh nhân {disease} nhờ kỹ thuật {tech}",
            f"[Thêm|Một] bệnh nhân {disease} [được cứu sống|qua cơn nguy kịch] tại {hosp}",
            f"{c.P}: [Người bệnh|Bệnh nhân] {disease} không còn phải chuyển tuyến",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Các bác sĩ {hosp} vừa thực hiện thành công kỹ thuật {tech} cho bệnh nhân {patient.name} "
            f"({age} tuổi, ngụ {where}), [giúp người bệnh không phải chuyển tuyến|người bệnh không phải "
            "chuyển lên tuyến trên]."
        ),
        lambda: c.v(
            f"[Nhập viện|Vào viện] [trong tình trạng|với] {sign}, {c.pick(patient_kinds)} "
            f"{age} tuổi [ở|ngụ] {where} [đã được|được] [ê-kíp|các bác sĩ] {hosp} [cứu sống|điều trị kịp "
            f"thời] [nhờ|bằng] kỹ thuật {tech}."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"[Bệnh nhân|Người bệnh] [nhập viện|được đưa vào viện] [lúc|khoảng] {c.n(1, 23)} giờ [ngày|] "
            f"{c.dm(-c.n(3, 8))} [trong tình trạng|với] {sign}. [Kết quả chẩn đoán|Bác sĩ chẩn đoán] "
            f"{disease}, [tiên lượng nặng|nguy cơ tử vong cao]."
        ),
        lambda: c.s(
            f"[Ê-kíp|Các bác sĩ] [đã|] hội chẩn [khẩn|cấp cứu] và [quyết định|chỉ định] {tech} [ngay trong "
            "“giờ vàng”|chỉ sau 40 phút nhập viện|ngay trong đêm]."
        ),
        lambda: c.s(
            f"[Từ đầu năm|Năm {c.year}], {hosp} [đã triển khai|triển khai] {new_tech} kỹ thuật mới, [trong "
            "đó|] nhiều kỹ thuật [trước đây|trước kia] chỉ [thực hiện được|làm được] ở tuyến trung ương."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"Theo {c.who(doctor, 'Phó Giám đốc bệnh viện', hon='bác sĩ CKII')}, [sau|chỉ sau] {minutes} "
            f"phút, [ca can thiệp|ca mổ] [thành công|kết thúc an toàn]. [Hiện|Đến nay] [sức khỏe bệnh "
            f"nhân|người bệnh] [ổn định|tiến triển tốt], [dự kiến|có thể] xuất viện sau {out_days} ngày."
        ),
        lambda: c.s(
            f"[Người nhà bệnh nhân|{cap(c.who(relative, 'người nhà bệnh nhân'))}] [xúc động|mừng rỡ] "
            f"[cho biết|kể], [nếu phải chuyển|nếu chuyển] [lên tuyến trên|lên thành phố], [quãng đường|đường] "
            f"{c.n(80, 250)} km [có thể khiến người bệnh không qua khỏi|e là không kịp]."
        ),
        lambda: c.s(
            f"[Để|Muốn] [làm chủ|thực hiện] kỹ thuật [này|{tech}], [bệnh viện|{hosp}] [cử|đã cử] "
            f"{c.n(3, 8)} [bác sĩ|y bác sĩ] [đi đào tạo|học] [tại|ở] [Bệnh viện Chợ Rẫy|Bệnh viện Bạch "
            f"Mai|Bệnh viện Trung ương Huế] [trong|suốt] {c.n(3, 12)} tháng, [đầu tư|mua] [hệ thống|máy] "
            f"[trị giá|hơn] {c.n(8, 40)} tỷ đồng."
        ),
        lambda: c.s(
            f"[Chi phí|Tổng chi phí] [điều trị|ca can thiệp] [khoảng|hơn] {c.n(40, 180)} triệu đồng, "
            f"[bảo hiểm y tế|BHYT] [chi trả|thanh toán] {c.n(60, 95)}%. [Người bệnh|Gia đình] [đỡ|tiết "
            f"kiệm được] [tiền đi lại, ăn ở|chi phí] [nơi xa|] [hàng chục triệu đồng|]."
        ),
        lambda: c.s(
            f"{cap(c.who(director, 'Giám đốc ' + hosp, hon='bác sĩ'))} cho biết [mỗi năm|năm qua] bệnh viện "
            f"[tiếp nhận|khám] [khoảng|hơn] {c.big(200, 900)}.000 lượt bệnh nhân, [tỷ lệ chuyển tuyến|số ca "
            f"chuyển tuyến] [giảm còn|chỉ còn] {c.dec(0.5, 3.0)}%."
        ),
        lambda: c.s(
            f"[Bệnh viện|{hosp}] [khuyến cáo|lưu ý] người dân [khi có|nếu có] [dấu hiệu bất thường|dấu "
            f"hiệu] như {sign} [cần|phải] [đến ngay|đến] cơ sở y tế [gần nhất|], [không chờ đợi|không tự "
            "điều trị]."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Trước khi có|Trước khi triển khai] kỹ thuật [này|{tech}], [bệnh nhân|người bệnh] {disease} "
            f"[ở|tại] {c.P} [phải|đều phải] [chuyển|đưa] [lên|về] [tuyến trên|TP Hồ Chí Minh, Hà Nội], [nhiều "
            "ca|không ít trường hợp] [không kịp|lỡ] [“giờ vàng”|thời gian cấp cứu]."
        )
    )
    middles += [
        lambda: c.s(
            f"[Ngày|Sáng] {c.dm()}, [sau|sau gần] [một tuần|{out_days} ngày] [điều trị|nằm viện], [bệnh "
            f"nhân|bệnh nhân {patient.name}] [đã|] [tự|có thể] [đi lại|ăn uống] [được|bình thường], [chuẩn bị|sắp] [xuất "
            "viện|về nhà]."
        ),
        lambda: c.s(
            f"[{hosp}|Bệnh viện] [là|hiện là] [bệnh viện|cơ sở] [hạng I|tuyến cuối] [của|ở] [{c.P}|{c.unit}], "
            f"[quy mô|với] {c.big(500, 1500)} giường [bệnh|], [mỗi ngày|trung bình mỗi ngày] [khám|tiếp nhận] "
            f"{c.big(1500, 4000)} [lượt|người bệnh] [ngoại trú|]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, (), low=3, high=5),
        [(c.v(f"Ê-kíp bác sĩ {hosp} [thực hiện|tiến hành] kỹ thuật {tech}."), "ca can thiệp")],
        ["y tế", "kỹ thuật mới", hosp],
    )


def exam(c: Ctx) -> Draft:
    official, student, teacher, parent, principal = (
        c.person(),
        c.person(),
        c.person(True),
        c.person(),
        c.person(),
    )
    volunteer, deputy = c.person(), c.person()
    y = c.year
    candidates = c.big(9000, 42000)
    sites = c.n(28, 90)
    staff = c.big(2500, 7000)
    school = c.pick(
        (
            f"Trường THPT chuyên {c.P}",
            f"Trường THPT {c.bare(c.place())}",
            f"Trường THCS - THPT {c.bare(c.place())}",
        )
    )
    openings: list[Para]
    middles: list[Para]
    closings: list[Para]
    if c.month in (5, 6, 7):
        title = c.title(
            [
                f"{candidates} thí sinh {c.P} bước vào kỳ thi tốt nghiệp THPT năm {y}",
                f"{c.P} sẵn sàng cho kỳ thi tốt nghiệp THPT năm {y}",
                f"Thi tốt nghiệp THPT {y}: {c.P} bố trí {sites} điểm thi",
                f"[Tiếp sức|Đồng hành cùng] thí sinh [mùa thi|thi tốt nghiệp] {y} [ở|tại] {c.P}",
            ]
        )
        on_exam = c.month == 7 or (c.month == 6 and c.when.day >= 20)  # thí sinh làm thủ tục, thi
        lead_options: list[Para] = [
            lambda: c.v(
                f"Kỳ thi tốt nghiệp THPT năm {y} tại {c.prov} có {candidates} thí sinh đăng ký dự thi tại "
                f"{sites} điểm thi. Đây là năm {'đầu tiên' if y == 2025 else 'thứ hai'} [thực hiện kỳ thi|thi] "
                "theo Chương trình giáo dục phổ thông 2018."
            ),
            lambda: c.v(
                f"[Sáng|Chiều] {c.dm()}, {candidates} thí sinh [ở|tại] {c.prov} [làm thủ tục dự thi|đến các "
                f"điểm thi làm thủ tục]. [Toàn {c.unit}|{cap(c.prov)}] [có|bố trí] {sites} điểm thi với "
                f"{staff} cán bộ, giáo viên [làm nhiệm vụ|coi thi]."
            ),
            lambda: c.v(
                f"[Còn|Chỉ còn] {c.n(3, 10)} ngày [nữa|] [là đến|là] kỳ thi tốt nghiệp THPT năm {y}, [các "
                f"trường|học sinh lớp 12] [ở|tại] {c.prov} [đang|] [bước vào|tập trung] [giai đoạn|đợt] ôn tập "
                f"[nước rút|cuối cùng]; [ngành giáo dục|{c.dept('edu')}] [đã|] [kiểm tra|rà soát] {sites} điểm thi."
            ),
        ]
        lead = c.one(*(lead_options[i] for i in ((0, 1) if on_exam else (0, 2))))
        openings = [
            lambda: c.s(
                f"Theo {c.who(official, 'Giám đốc ' + c.dept('edu'))}, [ngành|ngành giáo dục] đã [hoàn tất|hoàn "
                "thành] [công tác chuẩn bị|khâu chuẩn bị] [cơ sở vật chất|phòng thi], [in sao đề thi|nhận đề "
                f"thi] và [tập huấn nghiệp vụ|tập huấn] cho [hơn|] {staff} cán bộ, giáo viên."
            ),
            lambda: c.s(
                f"[Tại điểm thi|Có mặt tại điểm thi] {school} [từ sớm|lúc {c.n(6, 7)} giờ sáng], [nhiều phụ "
                "huynh|phụ huynh] [đứng chờ|đưa con đến] [ngoài cổng|] [dưới nắng|dưới trời mưa lâm râm]. "
                f"[Điểm thi|Trường] [có|gồm] {c.n(18, 40)} phòng thi, {c.big(400, 1000)} thí sinh."
            ),
            lambda: c.s(
                f"[Năm nay|Kỳ thi năm {y}], [thí sinh|học sinh] [thi|dự thi] 4 môn: Toán, Ngữ văn [bắt buộc|] "
                "và 2 môn tự chọn. [Môn tự chọn|Trong các môn tự chọn], [Lịch sử|Địa lý|Vật lý] [được chọn "
                f"nhiều nhất|có nhiều thí sinh đăng ký nhất], [chiếm|với] {c.n(25, 55)}%."
            ),
            lambda: c.s(
                f"[Trong phòng học|Ở các lớp 12] {school}, [không khí|buổi ôn tập] [khẩn trương|tập trung] "
                f"[hơn hẳn|hơn mọi ngày]. [Thầy cô|Giáo viên] [chia|phân] [học sinh|lớp] [theo|thành] [nhóm "
                f"trình độ|nhóm], [luyện đề mỗi ngày|cho làm {c.n(2, 4)} đề minh họa mỗi tuần]."
            ),
        ]
        middles = [
            lambda: c.one(
                lambda: c.s(
                    "[Các điểm thi|Điểm thi] [được trang bị|có] camera giám sát, máy phát hiện thiết bị thu phát "
                    "sóng; [phòng bảo quản đề thi|nơi cất giữ đề thi] có [lực lượng công an|công an] trực 24/24 "
                    "giờ."
                ),
                lambda: c.s(
                    f"[{cap(c.dept('police'))}|Công an {c.unit}] [bố trí|cử] {c.n(200, 900)} [cán bộ, chiến "
                    "sĩ|cán bộ] [bảo vệ|làm nhiệm vụ tại] [các điểm thi|điểm thi], [áp tải|canh gác] [đề thi, "
                    f"bài thi|đề thi] [từ|suốt] [khâu in sao|lúc nhận đề] [đến khi chấm xong|cho tới khi chấm "
                    "thi]."
                ),
            ),
            lambda: c.s(
                f"{cap(c.who(student, f'học sinh lớp 12 {school}', hon='em'))} [cho biết|chia sẻ] [đã ôn tập "
                "kỹ|đã ôn suốt mấy tháng] [theo định hướng của thầy cô|]. “Em chọn tổ hợp [Toán, Ngữ văn, Vật lý và "
                "Tiếng Anh|Toán, Ngữ văn, Lịch sử và Địa lý]. Em [hơi hồi hộp|hồi hộp] nhưng [tự tin|đã chuẩn "
                f"bị kỹ]”, {c.who(student, hon='em')} nói."
            ),
            lambda: c.s(
                f"{cap(c.who(parent))} [chở con|đưa con] [đi|] [hơn|gần] {c.n(10, 40)} km [đến điểm thi|] "
                "[từ 5 giờ sáng|từ sáng sớm]. “[Cả năm|Mấy năm] [con học vất vả|cháu cố gắng], [giờ|hôm nay] "
                f"[chỉ mong|mong] [cháu bình tĩnh|con làm bài tốt]”, {c.who(parent)} {c.said()}."
            ),
            lambda: c.one(
                lambda: c.s(
                    "Ngành điện, cấp nước, y tế và giao thông [được yêu cầu|phải] phối hợp bảo đảm kỳ thi "
                    "[an toàn|an toàn, nghiêm túc]."
                ),
                lambda: c.s(
                    f"[{c.ubnd}|Ban Chỉ đạo kỳ thi] [yêu cầu|chỉ đạo] [điện lực|ngành điện] [không cắt "
                    "điện|bảo đảm điện] [trong những ngày thi|suốt kỳ thi], [trạm y tế|y tế] [trực|có mặt] [tại "
                    "mỗi điểm thi|ở từng điểm thi]."
                ),
            ),
            lambda: c.s(
                f"[Đoàn thanh niên|Tỉnh đoàn] [tổ chức|triển khai] “Tiếp sức mùa thi” [với|huy động] "
                f"{c.big(200, 1200)} tình nguyện viên. {cap(c.who(volunteer, 'sinh viên tình nguyện', hon='bạn'))} "
                f"[cho biết|kể] [nhóm|đội] [chuẩn bị|nấu] {c.big(300, 2000)} [suất ăn|chai nước] [miễn phí|] "
                "[cho thí sinh|mỗi buổi thi]."
            ),
            lambda: c.s(
                f"[Có|Toàn {c.unit} có] {c.n(10, 90)} thí sinh [thuộc diện|là] [khuyết tật|học sinh khuyết "
                f"tật] [được|] [bố trí phòng thi riêng|ưu tiên phòng thi tầng trệt], {c.n(100, 900)} thí sinh "
                "[tự do|đã tốt nghiệp năm trước] [đăng ký thi|dự thi] [để xét tuyển đại học|]."
            ),
            lambda: c.s(
                f"{cap(c.who(principal, 'Hiệu trưởng ' + school))} [cho biết|chia sẻ] [năm học này|năm nay] "
                f"[trường|] [có|] {c.n(8, 20)} lớp 12, [tỷ lệ tốt nghiệp|tỷ lệ đỗ tốt nghiệp] [năm trước|năm "
                f"{y - 1}] [đạt|là] {c.dec(97, 99.9)}%, [nhiều em|{c.n(20, 90)} em] [đạt điểm|đạt] [9, 10|điểm "
                "cao]."
            ),
            lambda: c.s(
                f"[Tại|Ở] [khu vực|] [{c.bare(c.place())}|vùng sâu], [thí sinh|nhiều em] [ở xa|nhà xa điểm thi] "
                f"[{c.n(20, 60)} km|], [được|] [bố trí|sắp xếp] [chỗ ở|phòng nghỉ] [tại|trong] [ký túc xá|nhà "
                "dân] [gần điểm thi|], [chi phí|tiền ăn ở] [do|được] [địa phương|nhà hảo tâm] [hỗ trợ|lo]."
            ),
        ]
        closings = [
            lambda: c.s(
                f"[Kết thúc|Sau] [buổi thi đầu tiên|môn Ngữ văn], [{c.P}|toàn {c.unit}] [có|ghi nhận] "
                f"{c.n(20, 150)} thí sinh vắng thi, [không có|chưa phát hiện] [thí sinh vi phạm quy chế|trường "
                "hợp vi phạm]."
            ),
            lambda: c.s(
                f"[Kết quả thi|Điểm thi] [dự kiến|sẽ] [công bố|được công bố] [ngày|vào ngày] "
                f"{c.n(10, 20)}-7, [thí sinh|các em] [đăng ký xét tuyển đại học|đăng ký nguyện vọng] [trên hệ "
                "thống|qua hệ thống của Bộ] [từ|bắt đầu từ] ngày 16-7."
            ),
            lambda: c.s(
                f"[Đoàn kiểm tra|{cap(c.who(deputy, 'Phó Chủ tịch ' + c.ubnd))}] [đã|] [kiểm tra|đến kiểm "
                f"tra] [{c.n(3, 8)} điểm thi|điểm in sao đề], [yêu cầu|đề nghị] [các đơn vị|hội đồng thi] [tuyệt "
                "đối|] [không chủ quan|giữ bí mật đề thi] [trong mọi khâu|]."
            ),
        ]
        if on_exam:  # no classroom revision left
            openings = [openings[i] for i in (0, 1, 2)]
        else:  # nobody at the exam sites yet
            openings = [openings[i] for i in (0, 2, 3)]
            middles = [m for i, m in enumerate(middles) if i != 2]
            closings = closings[1:]
        tags = [f"thi tốt nghiệp THPT {y}", "giáo dục", c.P]
    else:
        big_city = c.w.region in ("metro", "capital")
        pupils = f"{c.dec(1.6, 2.3)} triệu" if big_city else f"{c.n(150, 480)}.000"
        schools = c.big(380, 1100)
        title = c.title(
            [
                f"Học sinh {c.P} hân hoan ngày khai giảng năm học {y}-{y + 1}",
                f"Ngành giáo dục {c.P} bước vào năm học mới {y}-{y + 1}",
                f"Hơn {pupils} học sinh {c.P} [dự lễ khai giảng|tựu trường]",
                f"[Rộn ràng|Náo nức] ngày khai trường [ở|tại] {school}",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"Sáng 5-9, hơn {pupils} học sinh các cấp [trên địa bàn|ở] {c.prov} dự lễ khai giảng năm học "
                f"{y}-{y + 1}. [Đây là năm học|Năm học này] ngành giáo dục [tập trung|ưu tiên] nâng cao chất "
                "lượng [dạy và học|giáo dục toàn diện]."
            ),
            lambda: c.v(
                f"[Trong tiếng trống|Tiếng trống] khai trường [vang lên|rộn rã] sáng 5-9, {schools} trường "
                f"học [trên địa bàn|ở] {c.prov} [đồng loạt|] [khai giảng|bước vào] năm học {y}-{y + 1}, [đón|với] "
                f"[hơn|gần] {pupils} học sinh."
            ),
        )
        openings = [
            lambda: c.s(
                f"Năm học mới, [toàn {c.unit}|{c.prov}] có {schools} trường học, {c.n(12, 60)} trường [được xây "
                f"mới, nâng cấp|xây mới]. Tỷ lệ trường đạt chuẩn quốc gia [đạt|là] {c.n(62, 88)}%."
            ),
            lambda: c.s(
                f"[Tại|Ở] {school}, [từ 6 giờ sáng|từ sớm], [học sinh|các em] [áo trắng|mặc đồng phục] [đã|] "
                "[có mặt|xếp hàng] [ngay ngắn|] [trên sân trường|]. [Lễ khai giảng|Buổi lễ] [diễn ra|được tổ "
                f"chức] [trang trọng|gọn nhẹ] [trong|trong khoảng] {c.n(45, 90)} phút."
            ),
            lambda: c.s(
                f"[Những ngày cuối tháng 8|Cả tuần trước khai giảng], [thầy cô|giáo viên] {school} [cùng|với] "
                f"[phụ huynh|hội cha mẹ học sinh] [dọn dẹp|trang trí] [lớp học|sân trường], [sơn lại|sửa] "
                f"{c.n(5, 30)} [phòng học|bộ bàn ghế]."
            ),
        ]
        middles = [
            lambda: c.s(
                f"{cap(c.who(teacher, 'giáo viên chủ nhiệm lớp 1', hon='cô'))} cho biết [các em|học sinh] đầu "
                "cấp [được làm quen trường lớp|đã đến trường làm quen] từ tuần trước nên [tự tin, hào hứng|không "
                "còn bỡ ngỡ]."
            ),
            lambda: c.s(
                f"Theo {c.who(official, 'Giám đốc ' + c.dept('edu'))}, ngành vẫn còn thiếu [khoảng|] "
                f"{c.big(300, 1500)} giáo viên, [nhất là|chủ yếu] giáo viên [tiếng Anh, tin học|âm nhạc, mỹ "
                "thuật]."
            ),
            lambda: c.s(
                "[Nhiều nhà hảo tâm, doanh nghiệp|Các doanh nghiệp, nhà hảo tâm] [đã|] [trao tặng|tặng] "
                f"{c.big(200, 3000)} [xe đạp|suất học bổng] [và|,] [tập vở|áo trắng] [cho|tới] học sinh [có "
                "hoàn cảnh khó khăn|nghèo vượt khó]."
            ),
            lambda: c.s(
                f"{cap(c.who(principal, 'Hiệu trưởng ' + school))} [cho biết|chia sẻ] [năm học này|năm nay] "
                f"trường [có|đón] {c.big(300, 1400)} học sinh, [tăng|nhiều hơn] {c.n(20, 150)} em [so với năm "
                "trước|], [phải|] [mượn thêm|chia ca] [phòng học|lớp]."
            ),
            lambda: c.s(
                f"[Năm học {y}-{y + 1}|Năm học mới] [cũng là|là] năm [thực hiện|áp dụng] [miễn học phí|chính "
                "sách miễn học phí] [cho|đối với] học sinh [công lập|từ mầm non đến THPT], giúp [phụ "
                f"huynh|các gia đình] [bớt|giảm] [gánh nặng|chi phí] [khoảng|] {c.n(2, 9)} triệu đồng mỗi năm."
            ),
            lambda: c.s(
                f"{cap(c.who(parent, 'phụ huynh'))} [đưa|chở] [con|cháu] [vào lớp 1|đi khai giảng] [kể|cho "
                f"biết] [đã|] [mua sắm|chuẩn bị] [sách vở, đồng phục|đồ dùng học tập] [hết|khoảng] "
                f"{c.dec(1.2, 3.5)} triệu đồng, [“tốn hơn năm trước”|“cũng vừa sức”]."
            ),
        ]
        closings = [
            lambda: c.s(
                f"[Dịp này|Cùng ngày], [lãnh đạo|đoàn công tác của] {c.ubnd} [dự lễ khai giảng|đến dự khai "
                f"giảng] [và|,] [tặng quà|trao học bổng] [tại|cho] {school}."
            ),
            lambda: c.s(
                f"[Năm học này|Năm học {y}-{y + 1}], [ngành giáo dục|{c.dept('edu')}] [đặt mục tiêu|phấn đấu] "
                f"[thêm|có thêm] {c.n(10, 40)} trường [đạt chuẩn quốc gia|đạt chuẩn], [dạy học|tổ chức dạy] "
                f"[2 buổi/ngày|hai buổi mỗi ngày] [ở|cho] {c.n(70, 100)}% [học sinh tiểu học|trường tiểu học]."
            ),
        ]
        tags = ["khai giảng", f"năm học {y}-{y + 1}", "giáo dục"]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.6),
        [
            (c.v(f"Học sinh {c.P} [trong ngày hội đến trường|tại {school}]."), "học sinh"),
            (c.v("Cán bộ kiểm tra công tác chuẩn bị tại [một điểm trường|điểm thi]."), None),
        ][: c.n(1, 2)],
        tags,
    )


def housing(c: Ctx) -> Draft:
    official, owner, neighbour, soldier, head = (
        c.person(),
        c.person(),
        c.person(),
        c.person(False),
        c.person(),
    )
    where = c.commune()
    short = where.split(",")[0]
    houses = c.big(600, 4800)
    done = c.n(92, 100)
    area = c.n(32, 60)
    cost = c.n(60, 120)
    aid = c.n(50, 60)
    fund = c.n(80, 450)
    days = c.big(5000, 30000)
    kids = c.n(1, 4)
    title = c.title(
        [
            f"{c.P} hoàn thành xóa {houses} căn nhà tạm, nhà dột nát",
            f"Niềm vui nhà mới của hộ nghèo ở {short}",
            f"[Về đích sớm|Hoàn thành] [chương trình|phong trào] xóa nhà tạm ở {c.P}",
            f"{c.P}: {houses} hộ [khó khăn|nghèo] [có nhà mới|được hỗ trợ nhà ở]",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Đến nay, {c.prov} đã khởi công {houses} căn nhà cho hộ nghèo, hộ cận nghèo và gia đình chính "
            f"sách, hoàn thành {done}% kế hoạch xóa nhà tạm, nhà dột nát [trên địa bàn|]."
        ),
        lambda: c.v(
            f"[Sau {c.n(4, 10)} tháng|Chỉ sau hơn nửa năm] [phát động|triển khai], [phong trào|chương trình] "
            f"xóa nhà tạm, nhà dột nát ở {c.prov} [đã|] [về đích|cán đích] với {houses} căn nhà [được bàn "
            f"giao|hoàn thành], [tổng kinh phí|kinh phí] [hơn|gần] {fund} tỷ đồng."
        ),
        lambda: c.v(
            f"[Cả đời|Mấy chục năm] [sống|ở] [trong|dưới] [căn chòi|mái lá] [dột nát|xiêu vẹo], [gia đình|{kids + 2} "
            f"người trong gia đình] {c.who(owner)} [ở|tại] {where} [vừa|đã] [dọn vào|nhận] [căn nhà|nhà] mới "
            f"[rộng|] {area} m² [trước|ngay trước] [mùa mưa|Tết]."
        ),
    )
    openings: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"Căn nhà mới [khang trang|vững chãi] của {c.who(owner)} ở {where}, rộng {area} m², được xây "
                f"dựng với kinh phí {cost} triệu đồng, [trong đó|] {aid} triệu đồng từ chương trình, [phần còn "
                "lại|số còn lại] do [họ hàng, hàng xóm|bà con lối xóm] góp công, góp của."
            ),
            lambda: c.s(
                f"[Căn nhà|Ngôi nhà] [{area} m²|cấp bốn] [tường gạch, mái tôn|mái tôn lạnh, nền gạch men] [của|"
                f"thuộc về] {c.who(owner)} [mất|xây trong] {c.n(25, 50)} ngày, [tốn|hết] [khoảng|] {cost} triệu "
                f"đồng; [Nhà nước|chương trình] [hỗ trợ|cho] {aid} triệu, [con cái|gia đình] [vay mượn|góp] "
                "[thêm|phần còn lại]."
            ),
        ),
        lambda: c.s(
            f"[Ngày|Sáng] {c.dm()}, [tại|ở] {short}, [lễ bàn giao|buổi bàn giao] [nhà|căn nhà] [diễn ra|được "
            f"tổ chức] [giản dị|ấm cúng] [với|có] [đông đủ|] [bà con lối xóm|hàng xóm], [cán bộ ấp|cán bộ "
            "xã] [và|,] [bộ đội|đoàn viên thanh niên] [đã góp công|]."
        ),
        lambda: c.s(
            f"Theo {c.who(official, 'Chủ tịch Ủy ban MTTQ Việt Nam ' + c.unit)}, chương trình [đã huy động|huy "
            f"động] hơn {fund} tỷ đồng từ [ngân sách, doanh nghiệp|ngân sách và doanh nghiệp] và [các tổ chức, "
            f"cá nhân|nhà hảo tâm]; [riêng|trong đó] [Quỹ Vì người nghèo|quỹ “Vì người nghèo”] [{c.unit}|] "
            f"[đóng góp|chi] {c.n(10, 90)} tỷ đồng."
        ),
        lambda: c.s(
            f"[Trước đây|Trước khi có nhà mới], [gia đình|{kids + 2} người] [phải|] [ở|sống] [chen chúc|tạm] "
            f"[trong|dưới] [căn chòi|mái lá] [rộng chưa tới|chỉ] {c.n(12, 20)} m², [vách|vách lá] [mục|thủng], "
            f"[mỗi lần|hễ] [mưa|trời mưa] [là|thì] [cả nhà|mấy đứa nhỏ] [phải|] [kê giường|co ro]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                "“[Mấy chục năm ở căn nhà lá|Cả đời ở nhà lá], mùa mưa [dột khắp nơi|dột tứ phía]. Giờ có nhà "
                "mới, [vợ chồng tôi|mẹ con tôi] yên tâm làm ăn, [lo cho con cái học hành|nuôi con ăn học]”, "
                f"{c.who(owner)} [xúc động nói|rưng rưng]."
            ),
            lambda: c.s(
                f"[Rơm rớm nước mắt|Xúc động], {c.who(owner)} [nói|kể] [chưa bao giờ|không dám] [nghĩ|mơ] "
                f"[có ngày|đến lúc] được [ở nhà xây|ở nhà kiên cố]. “[Tết này|Mùa mưa năm nay] [mấy đứa "
                "nhỏ|các cháu] [khỏi|không còn] [lo|sợ] [ướt|dột] [nữa|]”."
            ),
        ),
        lambda: c.s(
            f"[Lực lượng vũ trang|Bộ đội], đoàn viên thanh niên [hỗ trợ|góp] hơn {days} ngày công [tháo dỡ "
            "nhà cũ|vận chuyển vật liệu], [san nền|đổ móng]. "
            f"{cap(c.who(soldier, c.v('[chiến sĩ|cán bộ] Bộ Chỉ huy Quân sự ' + c.unit), hon='anh'))} [kể|cho "
            f"biết] [đơn vị|tổ] [làm xong|dựng xong] [một căn|căn nhà] [trong|chỉ trong] {c.n(7, 20)} ngày."
        ),
        lambda: c.s(
            f"{cap(c.who(neighbour, 'hàng xóm'))} [cho biết|kể] [cả xóm|bà con] [góp|đóng góp] "
            f"[người vài trăm nghìn|{c.n(3, 15)} triệu đồng], [người|có nhà] [góp|cho] [cây tràm|gạch, "
            "cát], [có người|người khác] [phụ hồ|góp ngày công] [suốt|mấy] [tuần|ngày liền]."
        ),
        lambda: c.s(
            "Cùng với xây nhà, [các địa phương|chính quyền] [hỗ trợ|giúp] hộ nghèo [vay vốn|vay vốn ưu "
            f"đãi] [{c.n(30, 100)} triệu đồng|], [chuyển giao kỹ thuật|hướng dẫn] [chăn nuôi, trồng trọt|nuôi "
            "bò, trồng rau], [giới thiệu việc làm|] để người dân [“an cư” và “lạc nghiệp”|“an cư lạc "
            "nghiệp”]."
        ),
        lambda: c.s(
            f"[Mỗi căn nhà|Mẫu nhà] [đạt|bảo đảm] tiêu chí “3 cứng”: [nền cứng, khung - tường cứng, mái "
            f"cứng|nền, tường, mái cứng], [niên hạn sử dụng|dùng được] [từ|trên] {c.n(15, 25)} năm. [Nhiều "
            "hộ|Nhiều gia đình] [vay thêm|bỏ thêm tiền] [để|] [xây rộng hơn|làm thêm gác]."
        ),
        lambda: c.s(
            f"[Hiện|Đến nay], [toàn {c.unit}|{c.prov}] [còn|vẫn còn] {c.n(20, 300)} [căn|hộ] [đang xây "
            f"dựng|chưa khởi công] [do|vì] [chưa có đất|vướng thủ tục đất đai], [dự kiến|phấn đấu] [hoàn "
            f"thành|xong] trước ngày {c.n(1, 30)}-{c.n(8, 12)}."
        ),
        lambda: c.s(
            f"{cap(c.who(head, 'Chủ tịch UBND ' + short))} [cho biết|thông tin] [xã|địa phương] [đã xây|đã hỗ trợ xây] "
            f"{c.n(15, 90)} căn nhà cho [hộ nghèo, cận nghèo|hộ khó khăn], [nhiều nhất|chủ "
            f"yếu] [ở|tại] [các ấp|thôn] [ven sông|vùng sâu]; [{c.n(3, 12)} hộ|một số hộ] [không có đất|thiếu "
            "đất] [được|đã được] [bố trí|cấp] [đất|nền] [ở|tại] [khu tái định cư|cụm dân cư]."
        ),
        lambda: c.s(
            f"[Có|Nhiều] [doanh nghiệp|ngân hàng] [nhận|đỡ đầu] [xây|trọn gói] {c.n(20, 300)} căn, "
            f"[mỗi căn|với mức] {c.n(60, 80)} triệu đồng; [{c.unit}|các huyện, xã] [lập|thành lập] [tổ giám "
            "sát|ban giám sát] [cộng đồng|] [để|nhằm] [bảo đảm|giữ] chất lượng [công trình|nhà]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"[Năm {c.year + 1}|Thời gian tới], {c.unit} [tiếp tục|sẽ] [hỗ trợ|vận động hỗ trợ] "
            f"{c.big(200, 1500)} căn nhà cho [hộ cận nghèo|hộ có hoàn cảnh khó khăn] [phát sinh|chưa "
            "được hỗ trợ]."
        ),
        lambda: c.s(
            f"[Dịp này|Tại buổi bàn giao], [Ủy ban MTTQ|{c.ubnd}] [tặng|trao] [quà|tivi, tủ lạnh] [cho|tới] "
            f"{c.n(5, 60)} [hộ|gia đình] [vừa nhận nhà mới|]."
        ),
        lambda: c.s(
            f"[Theo kế hoạch|Dự kiến], [{c.P}|{c.unit}] [sẽ|] [tổng kết|sơ kết] [chương trình|phong trào] "
            f"[vào|trong] [tháng {c.n(1, 12)}|quý {c.n(1, 4)}] [năm {c.year + 1}|], [khen thưởng|biểu dương] "
            f"[các tập thể, cá nhân|{c.n(20, 100)} tập thể, cá nhân] [đóng góp tích cực|có nhiều đóng góp]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.6),
        [(c.v(f"[Bàn giao|Trao] nhà mới cho hộ nghèo ở {where}."), None)],
        ["xóa nhà tạm", "an sinh xã hội", "giảm nghèo"],
    )


def traffic(c: Ctx) -> Draft:
    officer, driver, victim, witness, biker = (
        c.person(False),
        c.person(False),
        c.person(),
        c.person(),
        c.person(True),
    )
    road = c.pick([r for r in c.w.roads if not r.startswith(("tuyến", "cầu", "nút giao"))] or list(c.w.roads))
    cases = c.n(120, 680)
    fewer = c.n(5, 22)
    span = c.so_far()
    fine = c.n(2, 19)
    records = c.big(12000, 58000)
    alcohol = c.big(900, 6000)
    dead = c.n(40, 260)
    where = c.place()
    rank = c.pick(_WORDS["traffic"]["ranks"])
    role = c.v(
        "[Phó Trưởng phòng|Trưởng phòng|Đội trưởng Đội tuần tra, kiểm soát giao thông đường bộ, Phòng] Cảnh sát "
        "giao thông"
    )
    title = c.title(
        [
            f"Tai nạn giao thông ở {c.P} giảm cả 3 tiêu chí",
            f"{c.P}: Xử lý {alcohol} trường hợp vi phạm nồng độ cồn trong {span}",
            f"Tăng cường tuần tra, kiểm soát trên {road}",
            f"[Xuyên đêm|Trắng đêm] [kiểm tra nồng độ cồn|cùng tổ tuần tra] trên {road}",
            f"{cap(span)}, tai nạn giao thông ở {c.P} làm {dead} người chết",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Trong {span}, trên địa bàn {c.prov} xảy ra {cases} vụ tai nạn giao "
            f"thông, giảm {fewer} vụ so với cùng kỳ; số người chết và bị thương [cũng giảm|đều giảm]."
        ),
        lambda: c.v(
            f"[Chỉ trong|Trong] {c.n(2, 5)} giờ [ra quân|tuần tra] [tối|đêm] {c.dm()}, tổ công tác Phòng "
            f"Cảnh sát giao thông {c.dept('police')} [đã|] [phát hiện|lập biên bản] {c.n(12, 45)} [trường "
            f"hợp|người] vi phạm nồng độ cồn [trên|dọc] {road}."
        ),
        lambda: c.v(
            f"[{dead} người chết|{dead} người tử vong], {c.n(60, 300)} người bị thương [là|:] [con số|thống kê] "
            f"[đáng buồn|đau lòng] [về|của] tai nạn giao thông [ở|tại] {c.prov} [sau|trong] {span}, "
            f"[dù|mặc dù] [số vụ|số vụ tai nạn] [đã giảm|giảm] {fewer} vụ."
        ),
    )
    openings: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"Theo Phòng Cảnh sát giao thông {c.dept('police')}, [lực lượng chức năng|các tổ tuần tra] đã "
                f"lập biên bản {records} trường hợp vi phạm, phạt tiền [hơn|gần] {c.n(25, 140)} tỷ đồng, tước "
                f"giấy phép lái xe {c.big(900, 6500)} trường hợp."
            ),
            lambda: c.s(
                f"[{cap(c.dept('police'))}|Công an {c.unit}] [cho biết|thống kê] [từ đầu năm|trong {span}], "
                f"[các tổ|lực lượng] [tuần tra|cảnh sát giao thông] [xử lý|phát hiện] {records} [lỗi|vụ] "
                f"vi phạm, [nộp ngân sách|thu nộp ngân sách] [gần|hơn] {c.n(25, 140)} tỷ đồng [tiền phạt|]."
            ),
        ),
        lambda: c.s(
            f"[Tối|Đêm] {c.dm()}, tại chốt kiểm tra trên {road} [đoạn qua {where}|], tổ công tác [liên tục "
            f"dừng xe kiểm tra|ra hiệu dừng từng xe]. [Đèn pin|Còi] [loang loáng|vang lên] [giữa dòng xe|liên "
            "tục], [nhiều người|không ít tài xế] [quay đầu|tìm cách né chốt]."
        ),
        lambda: c.s(
            f"[Tại|Ở] {where}, [vụ tai nạn|một vụ va chạm] [giữa xe tải và xe máy|giữa hai xe máy] [xảy ra|] "
            f"[lúc|khoảng] {c.n(18, 23)} giờ [ngày|] {c.dm(-c.n(3, 20))} [trên|tại] {road} [khiến|làm] "
            f"{c.n(1, 2)} người [tử vong|chết tại chỗ]. [Người điều khiển xe máy|Tài xế] [có|được xác định có] "
            "nồng độ cồn [rất cao|vượt mức]."
        ),
        lambda: c.s(
            f"[Gần {c.n(21, 23)} giờ|Đã quá nửa đêm], [dòng xe|xe cộ] [trên|qua] {road} [vẫn|còn] [đông|nườm "
            f"nượp]. [Tổ tuần tra|{c.n(4, 8)} cán bộ, chiến sĩ] [chia|được chia] [thành|làm] [hai mũi|hai "
            "tốp], [một tốp|một mũi] [ra hiệu dừng xe|chặn xe], [tốp còn lại|mũi kia] [đo nồng độ cồn|lập "
            "biên bản]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"[Anh|Tài xế] {driver.name} bị phát hiện [có|] nồng độ cồn vượt mức, bị xử phạt {fine} triệu "
                f"đồng [và tạm giữ phương tiện|, tạm giữ xe {c.n(7, 30)} ngày]. “[Tôi chỉ uống vài lon bia ở đám "
                "giỗ|Tôi uống có hai ly ở tiệc cưới], [nghĩ gần nhà nên chủ quan|tưởng không sao]. [Lần này là "
                f"bài học nhớ đời|Từ nay không dám nữa]”, anh {driver.given} nói."
            ),
            lambda: c.s(
                f"[Một tài xế|Người đàn ông] [{c.n(25, 55)} tuổi|] [chạy|điều khiển] [xe máy|ô tô con] "
                f"[từ|hướng] [{c.bare(c.place())}|trung tâm] [về|ra] [bị phát hiện có|kiểm tra có] nồng độ cồn "
                f"[{c.dec(0.3, 0.9, 2)} mg/lít khí thở|ở mức cao nhất]. [Anh ta|Người này] [năn nỉ|xin] [được "
                "bỏ qua|bỏ qua] [vì|do] [nhà gần|chỉ uống ở tiệc cưới], [nhưng|song] [tổ công tác|cảnh sát] [vẫn|] "
                "[lập biên bản|xử phạt] [theo quy định|đúng luật]."
            ),
        ),
        lambda: c.s(
            f"[Vi phạm|Lỗi vi phạm] nồng độ cồn [chiếm tỷ lệ cao nhất|chiếm nhiều nhất], [kế đến là|tiếp "
            f"theo là] [chạy quá tốc độ|không đội mũ bảo hiểm], [đi sai làn|chở quá tải]. [Riêng|Chỉ tính] "
            f"nồng độ cồn, [lực lượng chức năng|cảnh sát] [đã xử lý|xử lý] {alcohol} trường hợp."
        ),
        lambda: c.one(
            lambda: c.s(
                f"{cap(c.who(officer, role, hon=rank))} cho biết [thời gian tới|từ nay đến cuối năm] [lực "
                "lượng|đơn vị] [sẽ|] [tiếp tục|] tuần tra, kiểm soát [lưu động kết hợp cố định|cả ngày lẫn "
                "đêm], [tập trung|chú trọng] [các tuyến trọng điểm|khung giờ cao điểm]."
            ),
            lambda: c.s(
                f"“[Mục tiêu|Cái đích] [không phải là|không nằm ở] [phạt nhiều|số tiền phạt] mà [để|là để] "
                f"[người dân|tài xế] [tự giác|hình thành thói quen] [không lái xe khi đã uống rượu bia|“đã uống "
                f"rượu bia thì không lái xe”]”, {c.who(officer, role, hon=rank)} [nói|nhấn mạnh]."
            ),
        ),
        lambda: c.s(
            f"[Hệ thống camera giám sát|{c.n(40, 300)} camera giám sát] [lắp trên|dọc] {road} [và các tuyến "
            f"chính|] [đã|] [ghi nhận|phát hiện] {c.big(1000, 9000)} [trường hợp|lỗi] vi phạm, [chủ yếu là|"
            "nhiều nhất là] [vượt đèn đỏ|chạy quá tốc độ]; [thông báo phạt nguội|“phạt nguội”] [được|đã] "
            "gửi về [nơi cư trú|địa phương]."
        ),
        lambda: c.s(
            f"{cap(c.who(witness, 'người dân sống gần đó'))} [cho biết|kể] [đoạn đường|khúc cua] [qua|ở] "
            f"{where} [thường|hay] [xảy ra va chạm|có tai nạn], [nhất là|đặc biệt] [buổi tối|giờ tan tầm], "
            f"[do|vì] [thiếu đèn chiếu sáng|xe tải chạy nhanh]."
        ),
        lambda: c.s(
            f"[Năm nay|Từ đầu năm], [{c.P}|{c.unit}] [đã|] [xóa|khắc phục] {c.n(5, 25)} [“điểm đen”|điểm "
            f"tiềm ẩn] tai nạn giao thông, [lắp|bổ sung] {c.n(50, 400)} [biển báo|đèn tín hiệu], [gờ giảm "
            "tốc|vạch sơn]."
        ),
        lambda: c.s(
            f"{cap(c.who(victim, 'nạn nhân vụ tai nạn'))} [đang điều trị|điều trị] tại {c.w.hospital} [với|do] "
            f"[chấn thương sọ não|gãy chân], [chi phí|viện phí] [đã|] [hơn|gần] {c.n(30, 200)} triệu đồng."
        ),
        lambda: c.s(
            f"{cap(c.who(biker, 'công nhân', hon='chị'))} [đi làm|tan ca] [về|] [qua|trên] {road} "
            f"[mỗi ngày|hằng ngày], [cho biết|nói] [từ khi|kể từ khi] [có|lập] [chốt|tổ tuần tra] [ban đêm|], "
            "[đoạn đường|tuyến] [bớt|không còn] [cảnh|tình trạng] [thanh niên|xe] [chạy ẩu|lạng lách], [đi "
            "lại|về khuya] [yên tâm hơn|an tâm hơn]."
        ),
        lambda: c.s(
            f"[Thống kê|Phân tích] [các vụ|{cases} vụ] [tai nạn|] cho thấy, [{c.n(55, 75)}%|phần lớn] "
            f"[xảy ra|diễn ra] [trên|ở] [đường|tuyến] [liên xã|nông thôn], [người gây tai nạn|người vi phạm] "
            f"[chủ yếu|đa số] [ở độ tuổi|từ] {c.n(16, 18)} - {c.n(30, 35)}, [nhiều trường hợp|không ít] "
            "[chưa có|không có] giấy phép lái xe."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            "[Cơ quan chức năng|Ban An toàn giao thông] [khuyến cáo|đề nghị] [người dân|người tham gia giao "
            "thông] “[đã uống rượu bia|đã uống rượu, bia] thì không lái xe”, [chấp hành|tuân thủ] [tốc độ|quy "
            "định về tốc độ] [và|,] [đội mũ bảo hiểm đúng cách|không dùng điện thoại khi lái xe]."
        ),
        lambda: c.s(
            f"[Ban An toàn giao thông {c.unit}|{c.ubnd}] [yêu cầu|chỉ đạo] [các địa phương|cấp xã] [xử lý "
            "dứt điểm|dẹp] [họp chợ lấn chiếm lòng đường|hành lang an toàn giao thông], [không để tái "
            "lấn chiếm|]."
        ),
        lambda: c.s(
            f"[Đợt cao điểm|Đợt tổng kiểm soát] [sẽ|] [kéo dài|diễn ra] [đến hết|đến] [ngày|] "
            f"{c.dm(c.n(20, 60))}, [với|huy động] {c.n(200, 900)} [cán bộ, chiến sĩ|lượt cán bộ] [tham "
            "gia|mỗi ngày]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.6),
        [
            (
                c.v(
                    f"Cảnh sát giao thông kiểm tra nồng độ cồn [người điều khiển phương tiện|tài xế] trên {road}."
                ),
                "kiểm tra nồng độ cồn",
            )
        ],
        ["an toàn giao thông", "nồng độ cồn", c.P],
    )


def festival(c: Ctx) -> Draft:
    fest = c.pick_new(c.w.festivals)
    relic = c.pick(c.w.relics)
    elder, official, vendor, visitor, artist = (
        c.person(False),
        c.person(),
        c.person(True),
        c.person(),
        c.person(),
    )
    visitors = c.big(8000, 120000)
    days = c.n(3, 7)
    booths = c.n(40, 220)
    role = c.v(f"[Phó Giám đốc|Giám đốc] {c.dept('culture')}, [Phó Trưởng ban|Trưởng ban] tổ chức lễ hội")
    title = c.title(
        [
            f"Khai mạc {fest} năm {c.year}",
            f"Hàng vạn lượt khách về dự {fest}",
            f"Đặc sắc {fest}",
            f"{fest} [thu hút|đón] {visitors} lượt khách",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"[Tối|Chiều] {c.dm()}, UBND {c.prov} khai mạc {fest} năm {c.year}. Lễ hội diễn ra trong {days} "
            "ngày với [nhiều hoạt động văn hóa, thể thao và du lịch|chuỗi hoạt động văn hóa, ẩm thực] [hấp "
            "dẫn|đặc sắc]."
        ),
        lambda: c.v(
            f"[Hàng vạn|Hàng nghìn] [người dân và du khách|lượt khách] [đổ về|đã về] [dự|tham dự] {fest} "
            f"[khai mạc|bắt đầu từ] [tối|ngày] {c.dm()}. [Ban tổ chức|Địa phương] [dự kiến|ước tính] lễ hội "
            f"[thu hút|đón] {visitors} lượt khách trong {days} ngày."
        ),
        lambda: c.v(
            f"[Với|Gồm] {c.n(12, 30)} [hoạt động|sự kiện] [diễn ra|kéo dài] [trong|suốt] {days} ngày, {fest} "
            f"năm {c.year} [chính thức|] [khai mạc|bắt đầu] [tối|chiều] {c.dm()} [tại|ở] [quảng trường|khu "
            f"vực] [{relic}|trung tâm]."
        ),
    )
    openings: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                "Lễ hội gồm phần lễ [được tổ chức trang nghiêm|trang trọng] theo nghi thức truyền thống và phần "
                "hội với [các trò chơi dân gian|trò chơi dân gian], [hội thi ẩm thực|thi gói bánh], trưng bày "
                f"[sản phẩm OCOP|đặc sản] [và|,] biểu diễn nghệ thuật [với {booths} gian hàng|]."
            ),
            lambda: c.s(
                f"[Phần lễ|Nghi lễ] [gồm|có] [lễ rước|rước sắc], [tế|dâng hương], [cầu quốc thái dân an|cầu "
                f"mưa thuận gió hòa]; phần hội [có|với] [đua ghe|kéo co, đẩy gậy|hát bả trạo], [{booths} "
                "gian hàng|gian hàng] [ẩm thực|đặc sản] [và|,] [đêm|chương trình] [văn nghệ|nghệ thuật]."
            ),
        ),
        lambda: c.s(
            f"[Từ chiều|Từ sáng sớm] [{c.dm()}|], [các tuyến đường|đường] [dẫn vào|về] [khu vực lễ "
            f"hội|{relic}] [đã|] [đông nghịt|kẹt cứng] [người và xe|xe cộ]. [Cờ hoa, đèn lồng|Cờ hội] [rực "
            "rỡ|giăng] [khắp|dọc] [các ngả đường|bờ sông]."
        ),
        lambda: c.s(
            f"[Năm nay|Lễ hội năm {c.year}] [có quy mô lớn hơn|được mở rộng] [với|gồm] {c.n(12, 30)} hoạt "
            f"động, {booths} gian hàng [ẩm thực, sản phẩm OCOP|của các địa phương], [lần đầu|lần đầu tiên] "
            "[có|tổ chức] [màn trình diễn|trình diễn] [ánh sáng|drone] [trên|bên] [sông|hồ]."
        ),
        lambda: c.s(
            f"[Mở đầu|Khai mạc] [lễ hội|chương trình] [là|bằng] [màn|tiết mục] [trống hội|múa lân] [của|do] "
            f"[{c.n(50, 200)} diễn viên|{c.n(50, 200)} nghệ nhân] [biểu diễn|thể hiện], [sau đó là|tiếp theo là] "
            f"[chương trình nghệ thuật|vở diễn] [tái hiện|kể lại] [lịch sử|truyền thuyết] [về|gắn "
            f"với] {relic}."
        ),
    ]
    middles: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"{cap(c.who(elder, 'người nhiều năm tham gia ban tổ chức lễ', hon='cụ'))} {c.n(72, 91)} "
                "tuổi, [cho biết|kể] năm nào [cũng có|] [đông đảo|rất đông] [người dân, con cháu đi làm ăn "
                "xa|con cháu] [trở về dự|về quê dự lễ]. “Lễ hội là dịp [để mọi người nhớ về cội nguồn|nhớ cội "
                f"nguồn], gắn kết [xóm làng|cộng đồng]”, {c.who(elder, hon='cụ')} chia sẻ."
            ),
            lambda: c.s(
                f"“[Hồi nhỏ|Ngày trước] [tôi|chúng tôi] [theo|đi theo] [cha|ông] [đi|dự] lễ, [giờ|nay] [tôi|mình] "
                f"[dắt|đưa] [cháu|chắt] [đi|đến]. [Lễ|Hội] [mỗi năm|năm nào] [một|cũng] [đông|vui] [hơn|]”, "
                f"{c.who(elder, 'người dân sống gần ' + relic, hon='cụ')} [cười|kể]."
            ),
        ),
        lambda: c.one(
            lambda: c.s(
                f"Theo {c.who(official, role)}, [địa phương|ban tổ chức] đã bố trí [{c.n(200, 800)} cán bộ, "
                "chiến sĩ|lực lượng] bảo đảm an ninh trật tự, an toàn thực phẩm [và vệ sinh môi trường|, phòng "
                "cháy chữa cháy]."
            ),
            lambda: c.s(
                f"{cap(c.who(official, role))} [cho biết|nói] [năm nay|lần này] [ban tổ chức|địa phương] "
                f"[dành|bố trí] {c.n(5, 20)} [bãi giữ xe|điểm giữ xe] [miễn phí|giá niêm yết], [lắp|đặt] "
                f"{c.n(20, 80)} [camera|nhà vệ sinh lưu động] [quanh|ở] khu vực lễ hội."
            ),
        ),
        lambda: c.s(
            f"{cap(c.who(vendor, 'chủ gian hàng', hon='chị'))} [bán|mang] [bánh dân gian|đặc sản] [từ|của] "
            f"[quê nhà|{c.bare(c.commune())}] [cho biết|kể] [ngày đầu|tối khai mạc] [đã|] [bán hết {c.big(300, 1500)} cái "
            f"bánh|thu được {c.n(5, 25)} triệu đồng], [phải gọi người nhà làm thêm|phải chạy "
            "về lấy thêm hàng]."
        ),
        lambda: c.s(
            f"[Du khách|{cap(c.who(visitor, c.v('du khách từ [TP Hồ Chí Minh|Hà Nội|Cần Thơ|Đà Nẵng|Bình Dương]')))}] "
            "[lần đầu|] [dự|đến] lễ hội [cùng|với] [gia đình|nhóm bạn], [ấn tượng với|thích nhất] "
            "[nghi thức|phần] [rước|tế lễ] [và|,] [các món ăn dân dã|không khí thân thiện]."
        ),
        lambda: c.s(
            f"[Nhân dịp này|Dịp này], {c.unit} [cũng|] tổ chức [các tour|tour] tham quan {relic} [và các làng "
            "nghề truyền thống|, làng nghề], [góp phần quảng bá|quảng bá] [hình ảnh, con người|văn hóa] [địa "
            "phương|] đến du khách."
        ),
        lambda: c.s(
            f"[{fest}|Lễ hội] [đã được|được] [công nhận là Di sản văn hóa phi vật thể quốc gia|đưa vào danh mục "
            f"di sản văn hóa phi vật thể quốc gia] [từ năm|năm] {c.n(2012, 2022)}, [gắn với|phản ánh] [tín ngưỡng|đời sống] [của cư "
            f"dân|người dân] [{c.P}|nơi đây] [qua nhiều thế hệ|từ hàng trăm năm nay]."
        ),
        lambda: c.s(
            f"{cap(c.who(artist, c.v('[trưởng|thành viên lâu năm của] [đội trống hội|đội múa lân|đội tế] ' + '[của làng|của phường]'), hon='nghệ nhân'))} "
            f"[đã|] [có|hơn] {c.n(20, 50)} năm [gắn bó với|theo] [đội|nghề], [đang|] [truyền nghề|dạy lại] "
            f"cho {c.n(10, 40)} [em nhỏ|bạn trẻ] [để|mong] [giữ gìn|gìn giữ] [nghi lễ|lối diễn xưa] [cho đời "
            "sau|không bị mai một]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"[Lễ hội|Chương trình] [kéo dài đến|sẽ bế mạc] [ngày|tối] {c.dm(days)}, [với|có] [đêm|chương "
            "trình] [nhạc hội|ca nhạc] [và|,] [bắn pháo hoa|thả hoa đăng] [vào tối bế mạc|]."
        ),
        lambda: c.s(
            "[Ban tổ chức|Địa phương] [khuyến cáo|đề nghị] [du khách|người dân] [gửi xe đúng nơi quy "
            "định|đi theo hướng dẫn], [giữ gìn tư trang cẩn thận|cẩn thận với tài sản] [ở|tại] [nơi đông người|khu "
            "vực lễ hội]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.5),
        [
            (c.v(f"[Nghi thức truyền thống|Lễ rước] tại {fest}."), fest),
            (c.v("[Du khách|Người dân] tham gia trò chơi dân gian tại lễ hội."), None),
            (f"Tham quan {relic}.", relic),
        ][: c.n(2, 3)],
        [fest, "lễ hội", "văn hóa"],
    )


def environment(c: Ctx) -> Draft:
    where, leader, resident, youth, shop = c.commune(), c.person(), c.person(True), c.person(), c.person(True)
    short = where.split(",")[0]
    river = c.w.river
    people = c.big(300, 1500)
    tons = c.n(4, 30)
    trees = c.big(500, 3000)
    planted = c.n(20, 150)
    canal = c.pick(_WORDS["environment"]["canals"])
    mode = c.pick(("cleanup", "trees", "plastic"))
    if mode == "trees":
        title = c.title(
            [
                f"{c.P} trồng mới hơn {planted}.000 cây xanh trong năm {c.year}",
                f"[Phủ xanh|Trồng cây] [đô thị|ven sông] [ở|tại] {short}",
            ]
        )
    elif mode == "plastic":
        title = c.title(
            [
                f"{cap(short)} nói không với rác thải nhựa",
                f"[Chợ|Người dân] {short} [giảm|bớt] [túi ni lông|rác thải nhựa]",
            ]
        )
    else:
        title = c.title(
            [
                f"Ra quân làm sạch môi trường ven {river}",
                f"[Hồi sinh|Làm sạch] {canal} [ở|tại] {short}",
                f"[Thu gom|Vớt] {tons} tấn rác [trên|dọc] {canal}",
            ]
        )
    lead_options: tuple[Para, ...] = (
        lambda: c.v(
            f"{c.daypart()} {c.dm()}, hơn {people} cán bộ, đoàn viên, hội viên và người dân {where} "
            f"ra quân thu gom rác thải, [khơi thông dòng chảy|vớt lục bình], trồng cây xanh dọc "
            f"[tuyến|] ven {river}."
        ),
        lambda: c.v(
            f"{cap(canal)} [chảy qua|dài {c.dec(0.8, 4.0)} km ở] {short} [từng|trước đây] [ngập "
            "rác|bốc mùi] [nay|giờ] [đã|] [thông thoáng|sạch trở lại] [nhờ|sau] [các đợt ra "
            f"quân|mô hình tự quản] [của|do] [người dân|hội phụ nữ] [duy trì|thực hiện] "
            f"[suốt|trong] {c.n(6, 24)} tháng qua."
        ),
        lambda: c.v(
            f"[Năm {c.year}|Từ đầu năm], [{c.prov}|các địa phương của {c.prov}] [đã trồng|trồng "
            f"mới] [hơn|gần] {planted}.000 cây xanh [các loại|], [vượt|đạt] {c.n(100, 130)}% kế "
            "hoạch; [nhiều tuyến đường|nhiều khu dân cư] [ven sông|nông thôn] [đã có|có] [bóng "
            "mát|hàng cây xanh mát]."
        ),
        lambda: c.v(
            f"[Chợ|Các chợ] [ở|tại] {short} [đã|] [giảm|bớt] [{c.n(30, 70)}%|gần một nửa] [lượng túi "
            f"ni lông|rác thải nhựa] [sau|chỉ sau] {c.n(3, 12)} tháng [thực hiện|triển khai] [mô "
            "hình|phong trào] “Chợ giảm rác thải nhựa”; [tiểu thương|người bán] [dùng|chuyển sang] "
            "[lá chuối, túi giấy|giỏ tre, hộp giấy] [gói hàng|]."
        ),
    )
    by_mode = {"cleanup": (0, 1), "trees": (0, 2), "plastic": (1, 3)}
    lead = c.one(*(lead_options[i] for i in by_mode[mode]))
    openings: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"Chỉ trong buổi sáng, lực lượng tham gia đã thu gom hơn {tons} tấn rác thải, [chủ yếu là|phần "
                f"lớn là] túi ni lông, chai nhựa và lục bình; trồng mới {trees} cây [sao, dầu, bằng lăng|xanh] "
                "[trên các tuyến đường|dọc bờ kênh]."
            ),
            lambda: c.s(
                f"[Sau|Sau gần] {c.n(3, 5)} giờ [làm việc|ra quân], [các đội|{c.n(8, 20)} đội] [đã|] [vớt|gom] "
                f"[được|] [khoảng|] {tons} tấn [rác|rác và lục bình] [trên|dưới] {canal}, [chất|xếp] [thành|lên] "
                f"[{c.n(5, 20)} xe tải|nhiều đống] [chờ|để] [xe chuyên dụng|công ty môi trường] [chở đi|xử lý]."
            ),
        ),
        lambda: c.s(
            f"[Những ngày này|Sáng {c.dm()}], [dọc|trên] [bờ kênh|con đường ven sông] [qua|ở] {short}, "
            f"[hàng chục|{c.n(20, 80)}] [hội viên phụ nữ|đoàn viên] [mặc áo xanh|đội nón lá] [cầm|mang] "
            "[cào, bao tải|xẻng, bao] [nhặt rác|vớt rác] [từng đoạn|dưới mé nước]."
        ),
        lambda: c.s(
            f"Theo {c.who(leader, 'Phó Giám đốc ' + c.dept('env'))}, tỷ lệ chất thải rắn sinh hoạt [được thu "
            f"gom|thu gom được] ở đô thị của {c.unit} [đạt|là] {c.dec(92, 99)}%, [ở|khu vực] nông thôn "
            f"[đạt|] {c.n(70, 90)}%."
        ),
        lambda: c.s(
            f"[Tại|Ở] [công viên|quảng trường] [trung tâm|ven {river}], [lễ phát động|chương trình] "
            f"[“Tết trồng cây”|trồng cây] [năm {c.year}|] [diễn ra|được tổ chức] [với|có] [sự tham gia "
            f"của|] {people} [người|đại biểu, đoàn viên]; [mỗi người|mỗi đoàn viên] [trồng|nhận chăm sóc] "
            "[một cây|ít nhất một cây]."
        ),
    ]
    middles: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"{cap(c.who(resident, 'người dân địa phương', hon='bà'))} cho biết [trước đây|hồi trước] nhiều "
                "hộ [có thói quen|quen] [xả rác xuống kênh rạch|vứt rác xuống sông]. “Giờ [xóm có tổ tự "
                "quản|có tổ tự quản], mỗi nhà một thùng rác [có nắp|], xe thu gom [tới tận nơi|đến tận ngõ] nên "
                f"đường sạch, [sông cũng trong hơn|nước cũng trong]”, {c.who(resident, hon='bà')} nói."
            ),
            lambda: c.s(
                f"“[Hồi đó|Mấy năm trước] [con kênh|{canal}] [đen ngòm|đặc rác], [mùa nắng|trời nóng] [bốc "
                "mùi|hôi] [không chịu nổi|lắm]. [Bây giờ|Giờ] [cá|tôm cá] [về|trở lại] [nhiều|], [trẻ nhỏ|tụi "
                f"nhỏ] [ra|lại] [tắm|chơi] [ven bờ|]”, {c.who(resident, 'người dân ' + short, hon='bà')} {c.said()}."
            ),
        ),
        lambda: c.s(
            "[Tuy nhiên|Dù vậy], [việc phân loại rác tại nguồn|phân loại rác] [vẫn còn hạn chế|chưa thành "
            f"thói quen]: [chỉ|mới] {c.n(15, 45)}% hộ [thực hiện|phân loại], bãi rác [ở|tại] "
            f"{c.bare(c.place())} [quá tải|đã đầy], mỗi ngày [tiếp nhận|nhận] {c.n(80, 600)} tấn."
        ),
        lambda: c.s(
            f"{cap(c.who(youth, 'Bí thư Đoàn ' + short, hon='anh'))} [cho biết|kể] [đoàn viên|các bạn trẻ] "
            f"[duy trì|tổ chức] [“Ngày Chủ nhật xanh”|nhặt rác] [mỗi tháng hai lần|hằng tuần], [bán|gom] "
            f"[ve chai|rác tái chế] [lập|làm] [quỹ học bổng|quỹ mua cây xanh] [được|] {c.n(5, 40)} triệu đồng."
        ),
        lambda: c.s(
            f"[Tại chợ|Ở chợ] {c.bare(c.place())}, {c.who(shop, 'tiểu thương', hon='chị')} [đã|] [chuyển "
            "sang dùng|thay túi ni lông bằng] [lá chuối|túi giấy, giỏ tre] [gói hàng|cho khách]. “[Lúc "
            "đầu|Ban đầu] [khách|người mua] [chưa quen|còn lạ], [giờ|bây giờ] [nhiều người|họ] [tự mang "
            f"giỏ|mang theo giỏ]”, {c.who(shop, hon='chị')} {c.said()}."
        ),
        lambda: c.s(
            f"[Năm {c.year}|Năm nay], {c.unit} [đầu tư|dành] {c.n(40, 400)} tỷ đồng [xây|nâng cấp] [nhà máy "
            "xử lý rác|lò đốt rác] [công suất|] "
            f"{c.n(100, 500)} tấn/ngày, [dự kiến|] [vận hành|đi vào hoạt động] [năm|cuối năm] {c.year + 1}."
        ),
        lambda: c.s(
            f"[Lực lượng chức năng|Cảnh sát môi trường] [đã|] [kiểm tra|xử phạt] {c.n(8, 40)} [cơ sở|doanh "
            f"nghiệp] [xả thải|xả nước thải chưa qua xử lý] [ra|xuống] {river}, [tổng số tiền phạt|phạt] "
            f"[hơn|gần] {c.n(1, 9)} tỷ đồng."
        ),
        lambda: c.s(
            f"[Các loại cây|Cây] [được chọn|trồng] [gồm|là] [sao, dầu|lim, sấu|bàng, phượng], [cao|cao từ] "
            f"{c.dec(1.5, 3.5)} m [trở lên|], [do|được] [doanh nghiệp|các nhà hảo tâm] [tài trợ|hỗ trợ] "
            f"[khoảng {c.n(300, 900)} triệu đồng|{c.big(500, 3000)} cây giống]; [tổ tự quản|hội cựu chiến binh] [nhận|cam kết] "
            "[chăm sóc|tưới] [trong|ít nhất] [hai năm|mùa khô đầu]."
        ),
        lambda: c.s(
            f"[Mô hình|Mô hình “{c.pick(('Tuyến kênh không rác', 'Xóm sạch', 'Ngôi nhà xanh', 'Đổi rác lấy quà'))}”] "
            f"[ở|tại] {short} [đã|] [được|] [nhân rộng|áp dụng] [ra|cho] {c.n(4, 20)} [ấp, khu phố|thôn, tổ "
            f"dân phố], [thu hút|với] {c.big(300, 2000)} hộ [tham gia|đăng ký]."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"Thời gian tới, {c.unit} [tiếp tục|sẽ] nhân rộng [mô hình|các mô hình] “Chợ giảm rác thải "
            "nhựa”, “Tuyến đường xanh - sạch - đẹp”, [đồng thời|] tăng cường kiểm tra, xử lý [các trường hợp "
            "xả thải|vi phạm] [gây ô nhiễm|]."
        ),
        lambda: c.s(
            f"[Từ ngày 1-1-{c.year + 1}|Theo lộ trình], [người dân|các hộ] [phải|bắt buộc] phân loại rác "
            "[thành|theo] [ba nhóm|3 loại]; [hộ không phân loại|nếu không phân loại] [có thể bị|sẽ bị] [từ "
            "chối thu gom|xử phạt]."
        ),
        lambda: c.s(
            f"[Mục tiêu|{cap(c.prov)} đặt mục tiêu] [đến năm|tới năm] {c.year + c.n(3, 5)} [trồng|có thêm] "
            f"[{c.n(1, 5)} triệu cây xanh|{c.n(200, 900)}.000 cây], [nâng|đưa] [diện tích cây xanh|tỷ lệ che "
            f"phủ] [đô thị|] [lên|đạt] {c.n(5, 12)} m²/người."
        ),
    ]
    openings.append(
        lambda: c.s(
            f"[Sáng {c.dm()}|Những ngày này], [hội viên phụ nữ|đoàn viên] {short} [đứng ở|có mặt tại] [cổng "
            f"chợ|các lối vào chợ] [phát|tặng] {c.big(500, 3000)} [túi vải|giỏ nhựa tái sử dụng] [cho|tới] [người "
            "đi chợ|bà con], [đổi|nhận lại] [túi ni lông|chai nhựa] [để|đem] [tái chế|bán ve chai]."
        )
    )
    fits = {
        "cleanup": ((0, 1, 2), (0, 1, 2, 3, 4, 5, 7), (0, 1)),
        "trees": ((2, 3), (1, 4, 6, 7), (0, 2)),
        "plastic": ((2, 4), (0, 1, 2, 3, 4, 7), (0, 1)),
    }[mode]
    openings = [openings[i] for i in fits[0]]
    middles = [middles[i] for i in fits[1]]
    closings = [closings[i] for i in fits[2]]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.6),
        [
            (c.v(f"[Đoàn viên thanh niên|Người dân] thu gom rác thải ven {river}."), "thu gom rác"),
            (c.v(f"Trồng cây xanh tại {where}[.| ({c.dm()}).]"), None),
        ][: c.n(1, 2)],
        ["môi trường", "rác thải nhựa", river],
    )


def tourism(c: Ctx) -> Draft:
    relic, official, owner, guest, guide = (
        c.pick(c.w.relics),
        c.person(),
        c.person(True),
        c.person(),
        c.person(),
    )
    holiday = {
        1: "dịp Tết Nguyên đán",
        2: "dịp Tết Nguyên đán",
        4: "dịp nghỉ lễ 30-4 và 1-5",
        5: "dịp nghỉ lễ 30-4 và 1-5",
        9: "dịp nghỉ lễ Quốc khánh 2-9",
        12: "dịp Giáng sinh và năm mới",
    }.get(c.month, "mùa du lịch hè")
    visitors = c.big(60000, 480000)
    revenue = c.big(90, 1800)
    growth = c.n(8, 35)
    rooms = c.n(70, 98)
    stay = c.pick(_WORDS["tourism"]["stays"])
    title = c.title(
        [
            f"{c.P} đón {visitors} lượt khách {holiday}",
            f"Du lịch {c.P} khởi sắc {holiday}",
            f"{relic} [đông nghịt|tấp nập] [du khách|khách] {holiday}",
            f"Doanh thu du lịch {c.P} đạt {revenue} tỷ đồng {holiday}",
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Theo {c.dept('culture')} {c.P}, {holiday}, toàn {c.unit} đón khoảng {visitors} lượt khách, "
            f"tăng {growth}% so với cùng kỳ; doanh thu du lịch ước đạt {revenue} tỷ đồng."
        ),
        lambda: c.v(
            f"[Các điểm đến|Nhiều điểm du lịch] [ở|của] {c.prov} [đông nghịt|kín] khách {holiday}, [nhiều "
            f"nhất|đông nhất] là {relic}. [Công suất phòng|Các cơ sở lưu trú] [đạt|lấp đầy] {rooms}%."
        ),
        lambda: c.v(
            f"[{visitors} lượt khách|Gần {visitors} lượt khách] [và|,] [{revenue} tỷ đồng doanh thu|doanh thu "
            f"{revenue} tỷ đồng]: [du lịch|ngành du lịch] {c.P} [có|đã có] [một mùa|kỳ nghỉ] [bội thu|thắng "
            f"lớn] {holiday}, [cao nhất|nhiều nhất] [từ trước đến nay|trong {c.n(3, 6)} năm]."
        ),
    )
    openings: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"Các điểm đến như {relic}, [các khu du lịch sinh thái|khu du lịch sinh thái], {stay} [ven "
                f"sông|miệt vườn] [luôn đông khách|kín khách]. [Nhiều|Không ít] cơ sở lưu trú đạt công suất "
                f"phòng {rooms}%."
            ),
            lambda: c.s(
                f"[Ở|Tại] {relic}, [lượng khách|khách tham quan] [tăng|đông] [gấp|gần gấp] {c.n(2, 4)} lần "
                f"[ngày thường|so với ngày thường]; [ban quản lý|đơn vị quản lý] [phải|] [mở thêm|tăng] "
                f"[cửa bán vé|{c.n(2, 6)} quầy vé] [và|,] [kéo dài|lùi] giờ [đóng cửa|mở cửa] [đến|tới] "
                f"{c.n(20, 22)} giờ."
            ),
        ),
        lambda: c.s(
            f"[Sáng {c.dm()}|Những ngày này], [bãi xe|khu vực cổng] {relic} [chật kín|kín] [xe du lịch|ô tô]; "
            f"[hướng dẫn viên|{c.who(guide, 'hướng dẫn viên', hon='anh')}] [phải|] [chia|tách] [khách|đoàn] "
            f"[thành nhiều nhóm|theo khung giờ][, mỗi nhóm {c.n(20, 40)} người|]."
        ),
        lambda: c.s(
            f"[Lượng khách|Khách] [đến|về] {c.P} [năm nay|{holiday}] [chủ yếu là|phần lớn là] [khách nội "
            f"địa|gia đình] [từ|đến từ] [TP Hồ Chí Minh, Hà Nội|các tỉnh lân cận]; [khách quốc tế|khách "
            f"nước ngoài] [đạt|khoảng] {c.big(2000, 30000)} lượt, [tăng|tăng mạnh] so với cùng kỳ."
        ),
    ]
    middles: list[Para] = [
        lambda: c.one(
            lambda: c.s(
                f"{cap(c.who(owner, 'chủ một ' + stay, hon='chị'))} cho biết [khách đặt phòng kín|phòng kín] "
                f"[từ trước lễ cả tuần|từ {c.n(2, 4)} tuần trước]. “Khách thích [trải nghiệm bơi xuồng|chèo "
                "xuồng], [hái trái cây|hái rau], [học làm bánh dân gian|nấu ăn cùng chủ nhà]. Mình phải thuê "
                f"thêm [người phụ|{c.n(2, 6)} người] mới kịp [phục vụ|lo cho khách]”, {c.who(owner, hon='chị')} nói."
            ),
            lambda: c.s(
                f"[Với|Có] {c.n(4, 15)} phòng [nghỉ|], [{stay} của|cơ sở của] {c.who(owner, hon='chị')} [ở|tại] "
                f"{c.bare(c.place())} [đã|] [kín chỗ|hết phòng] [đến hết|suốt] [kỳ nghỉ|đợt lễ]; [giá|mỗi phòng] "
                f"[{c.n(400, 900)}.000 đồng/đêm|giữ nguyên như ngày thường], [khách|khách quen] [đặt|giữ chỗ] "
                "[qua|bằng] [mạng xã hội|điện thoại]."
            ),
        ),
        lambda: c.one(
            lambda: c.s(
                f"{cap(c.who(official, 'Phó Giám đốc ' + c.dept('culture')))} cho biết ngành đã [tăng cường|lập "
                f"{c.n(3, 8)} đoàn] kiểm tra giá cả, chất lượng dịch vụ, không để [xảy ra tình trạng|] “chặt "
                "chém” du khách."
            ),
            lambda: c.s(
                f"[Theo|Theo lời] {c.who(official, 'Giám đốc ' + c.dept('culture'))} [đường dây nóng|số điện "
                f"thoại đường dây nóng] [của ngành|] [nhận|tiếp nhận] {c.n(0, 6)} [phản ánh|cuộc gọi] [về|liên "
                "quan] [giá dịch vụ|giá cả], [đều|tất cả] [đã được|được] [xử lý|xác minh] [trong ngày|ngay]."
            ),
        ),
        lambda: c.s(
            f"{cap(c.who(guest, 'du khách'))} [đi cùng|cùng] [gia đình|nhóm bạn] {c.n(4, 12)} người [từ|đến "
            f"từ] [Bình Dương|Hà Nội|Đà Nẵng|Cần Thơ], [cho biết|nói] [giá dịch vụ|giá phòng] [hợp lý|không "
            "tăng nhiều], [chỉ tiếc|chỉ mong] có thêm [hoạt động về đêm|chỗ đậu xe]."
        ),
        lambda: c.s(
            "[Dù vậy|Tuy nhiên], sản phẩm du lịch [còn trùng lặp|còn na ná nhau], [thiếu điểm nhấn về "
            f"đêm|thiếu sản phẩm về đêm]; hạ tầng giao thông [đến một số điểm|vào {relic}] [còn hạn "
            f"chế|còn hẹp], [có lúc|] [ùn tắc|kẹt xe] [kéo dài|] [hàng cây số|{c.n(1, 3)} km]."
        ),
        lambda: c.s(
            f"[Giá phòng|Giá thuê phòng] [tại|ở] [khách sạn|các khách sạn] [trung tâm|] [tăng|tăng nhẹ] "
            f"{c.n(10, 30)}% [so với ngày thường|], [phổ biến|dao động] {c.n(500, 900)}.000 - "
            f"{c.big(1000, 2500)}.000 đồng/đêm."
        ),
        lambda: c.s(
            f"[Sự kiện|Chương trình] “{c.pick(('Ngày hội du lịch', 'Tuần lễ ẩm thực', 'Đêm hội văn hóa', 'Chợ phiên'))} "
            f"{c.P}” [diễn ra|tổ chức] [tại|ở] [công viên|quảng trường] [trung tâm|] [thu hút|hút] "
            f"{c.big(5000, 40000)} lượt [khách|người] [mỗi tối|tham gia]."
        ),
        lambda: c.s(
            f"[Các|Nhiều] [hãng xe|nhà xe] [tăng cường|bổ sung] [{c.n(20, 120)} chuyến|thêm chuyến] [mỗi "
            f"ngày|] [tuyến|trên tuyến] [{c.P} - TP Hồ Chí Minh|{c.P} - Hà Nội]; [bến xe|bến xe khách] "
            f"[{c.P}|trung tâm] [đông nghịt|chật kín] [người|khách] [từ|vào] [chiều|sáng] {c.dm(-1)}."
        ),
    ]
    closings: list[Para] = [
        lambda: c.s(
            f"Năm {c.year}, {c.unit} đặt mục tiêu đón {c.n(3, 12)} triệu lượt khách, tập trung [phát triển|] "
            "du lịch nông nghiệp, du lịch cộng đồng [gắn với sản phẩm đặc trưng|gắn với đặc sản] [của địa "
            "phương|]."
        ),
        lambda: c.s(
            f"[Ngành du lịch|{c.dept('culture')}] [đang|sẽ] [phối hợp|liên kết] [với|cùng] [các tỉnh|{c.n(3, 9)} "
            "tỉnh] [trong vùng|lân cận] [xây dựng|mở] [tour|các tour] [liên tỉnh|kết nối], [kéo dài|tăng] "
            "[thời gian lưu trú|số ngày ở lại] [của khách|]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.6),
        [(c.v(f"Du khách [tham quan|check-in tại] {relic} {holiday}."), relic)],
        ["du lịch", c.P, holiday.replace("dịp ", "")],
    )


_SEAFOOD_PRICES: dict[str, tuple[int, int]] = {
    species: (low, high) for species, (low, high) in _DATA["seafood_prices"].items()
}
"""Thousand đồng per kg, at the pond or the wharf."""


def fisheries(c: Ctx) -> Draft:
    species = c.pick_new(c.w.seafood)
    where, farmer, official, trader, skipper = (
        c.commune(),
        c.person(False),
        c.person(),
        c.person(True),
        c.person(False),
    )
    short = where.split(",")[0]
    low, high = _SEAFOOD_PRICES.get(species, (40, 160))
    price = c.n(low, high)
    spread = c.n(3, max(4, price // 8))
    yields = (250, 400) if species.startswith("cá") else (8, 30)
    tons = c.n(3, 40)
    profit = c.n(80, 600)
    output = c.big(20000, 650000)
    ponds = c.n(2, 12)
    kind = (
        "catch"
        if species in ("mực", "cá biển")
        else "shell"
        if species in ("nghêu", "ngao", "hàu")
        else "farm"
    )
    grower = "ngư dân" if kind == "catch" else "người nuôi"
    title = c.title(
        [
            f"{cap(grower)} {species} ở {c.P} phấn khởi vì được giá",
            f"Sản lượng {species} của {c.P} tăng mạnh",
            f"Giá {species} lên {price}.000 đồng/kg, {grower} {short} có lãi",
            (
                f"[Tàu cá|Ngư dân] {short} [trúng đậm|được mùa] {species}"
                if kind == "catch"
                else f"[Nuôi|Mô hình nuôi] {species} [công nghệ cao|theo chuẩn ASC] ở {short}"
            ),
        ]
    )
    lead = c.one(
        lambda: c.v(
            f"Giá {species} [thương phẩm|tại bến] hiện dao động {price}.000 - {price + spread}.000 đồng/kg, tăng "
            f"so với đầu năm, giúp {grower} ở {where} [có lợi nhuận khá|lãi khá]."
        ),
        lambda: c.v(
            f"[Từ đầu năm đến nay|Trong {c.so_far()}], sản lượng thủy sản [khai thác và nuôi trồng|] của "
            f"{c.prov} [đạt|ước đạt] {output} tấn, [trong đó|riêng] {species} [chiếm|khoảng] {c.n(20, 60)}%. "
            f"[Giá bán|Giá] [ổn định|tăng], {grower} [phấn khởi|có lãi]."
        ),
    )
    openings: list[Para] = [
        lambda: c.s(
            f"[Sáng {c.dm()}|Những ngày này], [ven|dọc] [các ao nuôi|bờ đầm] [ở|tại] {short}, [thương lái chờ "
            f"sẵn để cân {species} ngay tại bờ|xe tải đậu kín chờ thu mua {species}]; [mỗi ngày|ngày cao "
            f"điểm] [xuất bán|đưa đi] [hơn|gần] {c.n(10, 80)} tấn."
            if kind != "catch"
            else f"[Rạng sáng {c.dm()}|Những ngày này], [cảng cá|bến cá] [ở|tại] {short} [tấp nập|nhộn nhịp] "
            f"[tàu thuyền cập bến|tàu về]; [mỗi tàu|nhiều tàu] [sau|chỉ sau] {c.n(3, 12)} ngày [bám biển|ra "
            f"khơi] [đã|] [mang về|đánh bắt được] {c.n(2, 15)} tấn {species}."
        ),
        lambda: c.s(
            f"Theo {c.dept('agri')}, [từ đầu năm đến nay|năm nay] sản lượng thủy sản của {c.unit} đạt "
            f"{output} tấn, tăng {c.dec(2, 12)}% so với cùng kỳ; "
            + (
                "[đội tàu khai thác xa bờ|số tàu công suất lớn] [ngày càng được|được] [hiện đại hóa|nâng cấp]."
                if kind == "catch"
                else "diện tích [nuôi ứng dụng công nghệ cao|nuôi thâm canh] [ngày càng được mở rộng|tăng nhanh]."
            )
        ),
        lambda: c.s(
            f"{cap(c.who(farmer))} ở {where} vừa thu hoạch {tons} tấn {species} [từ|trên] {ponds} "
            f"{'bãi' if kind == 'shell' else 'ao'}. Trừ chi phí, gia đình lãi hơn {profit} triệu đồng. “[Vụ này "
            "thời tiết thuận|Năm nay trời thuận], con giống tốt nên [tỷ lệ hao hụt thấp|ít hao]”, "
            f"{c.who(farmer)} cho biết."
            if kind != "catch"
            else f"{cap(c.who(skipper, 'chủ tàu cá', hon='ông'))} [ở|tại] {where} [cho biết|kể] [chuyến biển "
            f"vừa qua|chuyến này] [tàu|tàu ông] [đánh bắt được|mang về] {tons} tấn {species}, [trừ|sau khi trừ] "
            f"[dầu, đá, lương bạn|chi phí dầu, đá và tiền công], [còn lãi|lãi] [hơn|gần] {profit} triệu đồng."
        ),
    ]
    middles: list[Para] = [
        lambda: c.s(
            f"{cap(c.who(official, 'Chi cục trưởng Chi cục Thủy sản'))} khuyến cáo người nuôi không [chạy theo "
            "giá|thấy giá cao] mà thả nuôi ồ ạt, [cần|] theo dõi [chặt chẽ|sát] môi trường nước và [chủ động "
            "phòng bệnh|phòng bệnh từ sớm]."
            if kind != "catch"
            else f"{cap(c.who(official, 'Chi cục trưởng Chi cục Thủy sản'))} [đề nghị|yêu cầu] [ngư dân|chủ "
            "tàu] [duy trì|luôn bật] thiết bị giám sát hành trình, [ghi nhật ký khai thác|khai báo sản lượng] "
            "[đầy đủ|khi cập cảng], không [vi phạm vùng biển nước ngoài|khai thác bất hợp pháp]."
        ),
        lambda: c.s(
            f"{cap(c.who(trader, 'thương lái', hon='bà'))} [cho biết|nói] [năm nay|vụ này] {species} [cỡ lớn|"
            f"loại 1] [được|] [các nhà máy|doanh nghiệp] [thu mua|mua] [mạnh|nhiều], [còn|trong khi] [hàng "
            f"nhỏ|loại nhỏ] [giá|] [thấp hơn|rẻ hơn] {c.n(2, max(3, price // 4))}.000 đồng/kg."
        ),
        lambda: c.s(
            "[Nhiều hộ|Không ít hộ] [đã liên kết|ký hợp đồng] với doanh nghiệp chế biến xuất khẩu [theo hình "
            "thức bao tiêu|bao tiêu đầu ra], áp dụng quy trình [ASC, BAP|VietGAP], giúp sản phẩm [đáp ứng "
            "yêu cầu|đạt chuẩn] [của các thị trường|thị trường] [nhập khẩu|khó tính] [như Mỹ, EU|]."
            if kind != "catch"
            else "[Nhiều tàu|Các tổ đội] [đã|] [liên kết|hợp tác] [khai thác|đánh bắt] [theo tổ đội|theo "
            "nhóm], [tàu dịch vụ|một tàu] [thu mua|chở] [hải sản|cá, mực] [ngay trên biển|về bờ], [giúp|để] "
            f"[tàu khai thác|các tàu còn lại] [bám biển lâu hơn|tiết kiệm dầu] [{c.n(5, 15)} ngày|]."
        ),
    ]
    if kind == "farm":
        middles += [
            lambda: c.s(
                f"[Giá thức ăn|Thức ăn công nghiệp] [vẫn|] [ở mức cao|chưa giảm]: {c.n(14, 22)}.000 - "
                f"{c.n(23, 30)}.000 đồng/kg, [chiếm|bằng] {c.n(55, 70)}% [giá thành|chi phí nuôi]. [Hộ nhỏ|Hộ "
                "nuôi nhỏ lẻ] [phải|] [mua chịu|mua nợ] [đại lý|thức ăn] [nên|] [lãi ít|khó có lãi]."
            ),
            lambda: c.s(
                f"[Ở|Tại] {short}, [{c.n(20, 120)} hộ|nhiều hộ] [đã|] [chuyển|chuyển đổi] [ruộng lúa|đất trồng "
                f"lúa] [kém hiệu quả|] [sang|qua] nuôi {species}, [thu nhập|lợi nhuận] [tăng|cao hơn] "
                f"[{c.n(3, 6)} lần|gấp mấy lần] [so với trước|]."
            ),
            lambda: c.s(
                f"“[Nuôi|Làm] {species} [bây giờ|giờ] [phải|cần] [tính toán|học hỏi] [kỹ|nhiều], [không "
                f"thể|đừng] [làm theo kiểu|nuôi theo] [phong trào|cảm tính]”, {c.who(farmer)} [nói|chia sẻ], [cho "
                "biết|kể] [mỗi vụ|mỗi năm] [gia đình|] [đều|] [ghi chép|ghi sổ] [chi phí|từng khoản chi] [cẩn thận|]."
            ),
            lambda: c.s(
                f"[Dịch bệnh|Bệnh] [trên|ở] {species} [đã xuất hiện|xảy ra] [ở|tại] [rải rác|{c.n(20, 150)} ha] "
                f"[do|vì] [thời tiết thất thường|nắng nóng, mưa trái mùa]; [ngành chức năng|cơ quan thú y] [đã|] "
                f"[cấp|hỗ trợ] {c.n(1, 10)} tấn hóa chất [xử lý|khử trùng]."
            ),
            lambda: c.s(
                f"[Mô hình|Hợp tác xã] nuôi {species} [ở|tại] {short} [có|gồm] {c.n(15, 60)} thành viên, "
                f"[diện tích|với] {c.n(20, 150)} ha, [năng suất|bình quân] {c.n(yields[0], yields[1])} tấn/ha, [cao gấp "
                f"{c.n(2, 3)} lần nuôi truyền thống|gấp {c.n(2, 3)} lần cách nuôi cũ]."
            ),
        ]
    elif kind == "shell":
        middles += [
            lambda: c.s(
                f"[Bãi|Vùng] {species} [ven biển|bãi bồi] [ở|tại] {short} [rộng|có] {c.big(200, 2500)} ha, [do|giao "
                f"cho] {c.n(2, 9)} hợp tác xã [quản lý|khai thác]; [mỗi ngày|ngày nước ròng] [hàng trăm|"
                f"{c.n(100, 600)}] [xã viên|lao động] [ra bãi|xuống bãi] [cào|thu hoạch] {species}, [thu nhập|kiếm] "
                f"{c.n(300, 700)}.000 đồng/người."
            ),
            lambda: c.s(
                f"[Năm {c.year - c.n(1, 3)}|Mấy năm trước], {species} [chết hàng loạt|chết rải rác] [do|vì] [nắng "
                f"nóng|nước ngọt từ thượng nguồn đổ về], [hợp tác xã|bà con] [thiệt hại|mất trắng] "
                f"{c.n(500, 4000)} tấn; [từ đó|vì vậy], [xã viên|người nuôi] [thả giống thưa hơn|san thưa mật độ] "
                "[và|,] [theo dõi|canh] [độ mặn|con nước] [kỹ hơn|hằng ngày]."
            ),
            lambda: c.s(
                f"{species.capitalize()} [ở đây|của {c.P}] [đã|] [đạt|được cấp] [chứng nhận|chứng chỉ] MSC [từ "
                f"năm|năm] {c.n(2010, 2020)}, [xuất khẩu|được xuất] [sang|đi] [châu Âu, Nhật Bản|EU] [với giá|giá] "
                f"[cao hơn|nhỉnh hơn] [hàng thường|hàng không chứng nhận] {c.n(10, 25)}%."
            ),
        ]
    else:
        middles += [
            lambda: c.s(
                f"[Toàn {c.unit}|{cap(c.prov)}] [hiện có|có] {c.big(800, 6000)} tàu cá, [trong đó|] "
                f"{c.big(200, 1500)} tàu [có chiều dài|dài] từ 15 m trở lên [khai thác xa bờ|đánh bắt xa bờ]; "
                f"[100%|tất cả] [tàu|số tàu này] [đã|] [lắp|được lắp] thiết bị giám sát hành trình."
            ),
            lambda: c.s(
                f"[Giá dầu|Chi phí nhiên liệu] [tăng|vẫn cao], [mỗi chuyến biển|một chuyến] [tốn|hết] "
                f"{c.n(150, 600)} triệu đồng [tiền dầu, đá|chi phí]; [nhiều chủ tàu|không ít tàu] [phải|] [nằm "
                "bờ|nằm bến] [khi|vì] [giá|sản lượng] [không đủ bù chi phí|không bù nổi tiền dầu]."
            ),
            lambda: c.s(
                f"[Thuyền viên|Bạn thuyền] [trên|của] [tàu|tàu ông {skipper.given}] [gồm|có] {c.n(6, 14)} người, "
                f"[thu nhập|mỗi người được chia] [bình quân|khoảng] {c.n(12, 25)} triệu đồng [mỗi chuyến|mỗi "
                "tháng], [“cao hơn làm thuê trên bờ”|tùy theo sản lượng]."
            ),
        ]
    closings: list[Para] = [
        lambda: c.s(
            f"[Năm {c.year}|Năm nay], {c.unit} [phấn đấu|đặt mục tiêu] [đạt sản lượng thủy sản|sản lượng thủy "
            f"sản đạt] {c.big(30000, 700000)} tấn, [kim ngạch xuất khẩu|xuất khẩu] [đạt|] {c.n(200, 900)} "
            "triệu USD."
        ),
        lambda: c.s(
            "[Ngành nông nghiệp|Ngành chức năng] [khuyến cáo|lưu ý] [người nuôi|bà con] [mua con giống|chọn "
            "giống] [có nguồn gốc rõ ràng|đã kiểm dịch], [thả nuôi|thả] [đúng lịch thời vụ|đúng khung "
            "lịch], [không|tránh] [nuôi dày|thả quá dày]."
            if kind != "catch"
            else "[Ngư dân|Bà con] [được khuyến cáo|cần] [theo dõi|cập nhật] [bản tin thời tiết biển|dự báo "
            "thời tiết], [giữ liên lạc|liên lạc thường xuyên] [với|về] [bờ|đồn biên phòng] [khi có|nếu có] "
            "[áp thấp|gió mạnh] [trên biển|]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings, low=4, high=6, close=0.6),
        [
            (
                c.v(
                    f"[Thu hoạch|{'Ngư dân đưa' if kind == 'catch' else 'Người dân thu hoạch'}] {species} ở {where}."
                ),
                species,
            )
        ],
        [species, "thủy sản", c.P],
    )


def weather(c: Ctx) -> Draft:
    where, official, resident, rescuer, neighbour = (
        c.commune(),
        c.person(),
        c.person(False),
        c.person(False),
        c.person(),
    )
    leader = c.person()
    short = where.split(",")[0]
    region, river = c.w.region, c.w.river
    moved = c.n(10, 240)
    hamlet = c.pick(_WORDS["weather"]["hamlets"])
    openings: list[Para]
    middles: list[Para]
    if region == "mekong":
        length = c.n(30, 180)
        houses = c.n(1, 6)
        deep = c.n(8, 30)
        title = c.title(
            [
                f"Sạt lở bờ {river} đe dọa nhiều hộ dân ở {short}",
                f"Khẩn cấp khắc phục sạt lở bờ {river}",
                f"Sạt lở {length} m bờ {river}, {houses} căn nhà [bị cuốn trôi|sụp xuống sông]",
                f"{c.P} công bố tình huống khẩn cấp sạt lở [ở|tại] {short}",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"[Ngày|Rạng sáng] {c.dm()}, một đoạn bờ {river} dài khoảng {length} m thuộc {where} bị sạt lở, "
                f"cuốn trôi {houses} căn nhà và nhiều tài sản của người dân, [may mắn|rất may] không có thiệt "
                "hại về người."
            ),
            lambda: c.v(
                f"[Sạt lở|Vụ sạt lở] [bất ngờ|] [xảy ra|xuất hiện] [trên|dọc] bờ {river} [đoạn qua|ở] {short} "
                f"[khiến|làm] {houses} căn nhà [sụp|đổ] xuống sông, [hàng chục|{c.n(12, 60)}] hộ [khác|lân cận] "
                "[phải|] [di dời khẩn cấp|tháo dỡ nhà]."
            ),
            lambda: c.v(
                f"{c.ubnd} [vừa|đã] [ký quyết định|ban hành quyết định] công bố tình huống khẩn cấp sạt lở bờ "
                f"{river} [đoạn qua|tại] {where}, [sau khi|khi] [vết sạt|cung sạt] [dài {length} m|] [ăn sâu|lấn] "
                f"{deep} m vào [đất liền|khu dân cư]."
            ),
        )
        openings = [
            lambda: c.s(
                f"{cap(c.who(resident))} [ở|ngụ] {hamlet} kể, [khoảng {c.n(1, 4)} giờ sáng|gần sáng] nghe "
                "[tiếng động lớn|tiếng “ầm” lớn], cả nhà chạy ra thì [đất đã sụp xuống sông|nửa căn nhà đã "
                "trôi]. “Chỉ kịp bồng mấy đứa nhỏ chạy, [đồ đạc trôi hết|tủ, ghe xuồng trôi hết]”, "
                f"{c.who(resident)} bàng hoàng nói."
            ),
            lambda: c.s(
                f"[Có mặt tại hiện trường|Tại hiện trường] [sáng|chiều] {c.dm()}, [vết sạt|cung sạt] [ăn sâu "
                f"vào bờ|lấn sâu] {deep} m, [nhiều vết nứt|các vết nứt dài] [tiếp tục|vẫn đang] [xuất "
                "hiện|lan rộng] [phía trong|trên đường]. [Đoạn đường|Tuyến đường] [đal|bê tông] [ven "
                f"sông|liên ấp] [bị|đã] [đứt|sụp] {c.n(10, 60)} m."
            ),
            lambda: c.s(
                f"[Ngay trong đêm|Từ sáng sớm], [hàng chục|{c.n(20, 80)}] [dân quân, công an xã|cán bộ, chiến "
                f"sĩ] [có mặt|được huy động] [tại|ở] {hamlet} [giúp|hỗ trợ] [người dân|bà con] [tháo dỡ nhà|khiêng "
                "đồ đạc], [di chuyển|chuyển] tài sản [đến nơi an toàn|ra xa bờ sông]."
            ),
        ]
        middles = [
            lambda: c.s(
                "[Nguyên nhân|Nguyên nhân sạt lở] [được xác định|ban đầu được xác định] do dòng chảy xoáy sát "
                "bờ, [kết hợp|cộng với] triều cường [và tình trạng khai thác cát trái phép trước đây|, khai thác "
                "cát] khiến [đáy sông bị khoét sâu|lòng sông bị hạ thấp]."
            ),
            lambda: c.s(
                f"[Năm nay|Từ đầu năm], {c.prov} [ghi nhận|đã xảy ra] {c.n(12, 60)} điểm sạt lở với tổng chiều "
                f"dài [hơn|gần] {c.big(1000, 9000)} m, [thiệt hại|ước thiệt hại] [khoảng|] {c.n(10, 120)} tỷ đồng."
            ),
            lambda: c.s(
                f"{cap(c.who(neighbour, 'hàng xóm'))} [có nhà|ở] [cách|chỉ cách] [điểm sạt|chỗ sạt] "
                f"{c.n(10, 40)} m, [đêm nào|mấy đêm nay] cũng [thức canh|không dám ngủ]. “[Nghe tiếng nước "
                f"vỗ|Mưa xuống] là [giật mình|sợ]”, {c.who(neighbour)} {c.said()}."
            ),
            lambda: c.s(
                f"[Khu vực|Đoạn bờ sông] [này|ở {short}] [đã|] [nằm trong|thuộc] danh sách [điểm sạt lở nguy "
                f"hiểm|vùng cảnh báo sạt lở] từ năm {c.year - c.n(2, 6)}; [dự án kè|công trình kè] "
                f"[dài|] {c.dec(0.8, 3.5)} km [đã được phê duyệt|đang chờ vốn] nhưng [chưa thi công|chưa có "
                "kinh phí]."
            ),
        ]
        tags = ["sạt lở", river, "phòng chống thiên tai"]
    elif region == "central" or (region == "north" and c.month not in (11, 12, 1, 2, 3)):
        eve = c.when - timedelta(days=c.n(1, 2))
        rain_lo, rain_hi = c.n(150, 300), c.n(310, 520)
        depth = c.dec(0.5, 1.8)
        title = c.title(
            [
                f"Mưa lớn gây ngập sâu nhiều khu dân cư ở {c.P}",
                f"{c.P} sơ tán dân tránh lũ",
                f"Mưa lớn gây sạt lở nhiều tuyến đường ở {c.P}",
                f"{c.P} khắc phục hậu quả mưa lũ",
                f"Lũ [trên|] {river} lên nhanh, {c.P} di dời {moved} hộ dân",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"Do ảnh hưởng của [hoàn lưu bão|áp thấp nhiệt đới] kết hợp [không khí lạnh|gió mùa], từ đêm "
                f"{eve.day}-{eve.month} đến sáng {c.dm()}, {c.prov} có mưa to đến rất to, lượng mưa phổ biến "
                f"{rain_lo} - {rain_hi} mm, [khiến nhiều khu dân cư bị ngập sâu|gây ngập, sạt lở nhiều nơi]."
            ),
            lambda: c.v(
                f"Mưa lớn kéo dài từ ngày {eve.day}-{eve.month} khiến nhiều tuyến đường ở {c.prov} bị sạt lở, "
                f"chia cắt; [hàng trăm|hơn {c.n(200, 900)}] héc-ta lúa, hoa màu bị ngập úng."
            ),
            lambda: c.v(
                f"[Đến trưa|Tính đến chiều] {c.dm()}, [{c.P}|{c.prov}] [đã|] [sơ tán|di dời] {moved} hộ [dân|] "
                f"[ở|khỏi] [vùng trũng thấp|khu vực nguy cơ sạt lở] [ven {river}|] [khi|do] [mực nước|lũ] "
                "[lên nhanh|dâng cao] [sau|vì] [hai ngày|nhiều giờ] mưa [lớn|như trút]."
            ),
        )
        openings = [
            lambda: c.s(
                f"Tại {where}, nước ngập sâu {depth} m. {cap(c.who(resident))} cho biết gia đình đã kê cao đồ "
                "đạc, di chuyển [gia súc|trâu bò] lên chỗ cao từ chiều hôm trước nên thiệt hại không lớn."
            ),
            lambda: c.s(
                f"Tại {where}, [hàng nghìn|{c.big(1000, 9000)}] mét khối đất đá từ taluy dương đổ xuống mặt "
                f"đường. {cap(c.who(resident))} cho biết nước [trên suối|sông] lên nhanh trong đêm, [nhiều "
                "hộ|cả xóm] phải [di chuyển tài sản|chạy lũ] lên chỗ cao."
            ),
            lambda: c.s(
                f"[Ghi nhận|Có mặt] [tại|ở] {hamlet}, {short} [sáng|trưa] {c.dm()}, [nước|nước lũ] [đã|] "
                f"[ngập|tràn vào] [đến|ngang] [nửa|cửa sổ] [nhà|những căn nhà thấp], [người dân|bà con] [dùng "
                "thuyền|chèo ghe] [đi lại|chở đồ] [trên đường làng|giữa xóm]."
            ),
        ]
        middles = [
            lambda: c.s(
                f"Mực nước trên {river} lên nhanh, [vượt báo động 2|trên báo động 3]; [nhiều hồ chứa thủy "
                f"lợi|{c.n(3, 15)} hồ chứa] phải [xả tràn điều tiết|xả lũ]. [Cơ quan khí tượng|Đài Khí tượng "
                "thủy văn] cảnh báo nguy cơ [lũ quét, sạt lở đất|ngập úng vùng trũng] [trong những ngày "
                "tới|trong 24 - 48 giờ tới]."
            ),
            lambda: c.s(
                f"{cap(c.who(rescuer, c.v('[chỉ huy lực lượng cứu hộ|Phó Chỉ huy trưởng Ban Chỉ huy Quân sự ' + short + ']'), hon='Thiếu tá'))} "
                f"cho biết [lực lượng|đơn vị] [dùng|huy động] {c.n(5, 30)} [xuồng máy|ca nô] [đưa|chở] [người "
                f"già, trẻ em|người dân] [ra khỏi vùng ngập|đến nơi an toàn] [suốt đêm|trong đêm {c.dm(-1)}]."
            ),
            lambda: c.s(
                f"[Thống kê ban đầu|Theo thống kê sơ bộ], [mưa lũ|đợt mưa] [làm|đã làm] {c.big(50, 3000)} nhà bị "
                f"ngập, {c.big(200, 5000)} ha [lúa, hoa màu|cây trồng] [bị hư hại|ngập úng], {c.n(2, 30)} điểm "
                "[sạt lở|sạt taluy] [trên|tại] [các tuyến giao thông|đường miền núi]."
            ),
            lambda: c.s(
                f"[Tuyến|Đường] {c.pick(c.w.roads)} [đoạn qua|qua] {c.bare(c.place())} [bị|] [ngập|chia cắt] "
                f"[sâu|] {c.dec(0.3, 1.2)} m [trên chiều dài|kéo dài] {c.n(100, 900)} m; [cảnh sát giao "
                "thông|lực lượng chức năng] [phải|] [phân luồng|cấm] [xe|phương tiện] [từ|suốt] [sáng|đêm] "
                f"{c.dm()}."
            ),
            lambda: c.s(
                f"[Nhiều|{c.n(10, 80)}] [trường học|điểm trường] [ở vùng trũng|bị ngập] [phải|đã] [cho học sinh "
                f"nghỉ|tạm dừng dạy học] [{c.n(1, 3)} ngày|]; [ngành điện|điện lực] [tạm ngắt điện|cắt điện] "
                f"[{c.n(5, 60)} trạm biến áp|ở nhiều khu vực] [để bảo đảm an toàn|]."
            ),
        ]
        tags = ["mưa lũ", "phòng chống thiên tai", c.P]
    elif region == "north":
        temp = c.n(6, 12)
        title = c.title(
            [
                f"Rét đậm, rét hại kéo dài, {c.P} chủ động bảo vệ cây trồng, vật nuôi",
                f"{c.P}: Nhiệt độ xuống {temp} độ C, [học sinh được nghỉ học|nông dân che chắn chuồng trại]",
                f"[Chống rét|Bảo vệ] [cho|] [trâu bò|mạ xuân] [ở|tại] {short}",
            ]
        )
        lead = c.v(
            f"Những ngày qua, nhiệt độ trung bình ở {c.prov} xuống dưới 13 độ C, vùng núi có nơi [dưới|chỉ "
            f"còn] {temp} độ C. [Chính quyền các địa phương|Các địa phương] đã chỉ đạo người dân chủ động che "
            "chắn chuồng trại, bảo vệ [mạ và cây trồng vụ đông|mạ xuân]."
        )
        openings = [
            lambda: c.s(
                f"{cap(c.who(resident))} ở {where} cho biết gia đình đã dùng [bạt, rơm khô|bạt] che chắn chuồng "
                f"cho {c.n(3, 12)} con trâu, bò; cho vật nuôi ăn thêm [thức ăn tinh|cám], uống nước ấm pha muối."
            ),
            lambda: c.s(
                f"[Sáng {c.dm()}|Những ngày này], [trên|ở] [cánh đồng|ruộng mạ] [của|tại] {short}, [nông "
                f"dân|bà con] [phủ nilon|che nilon] [cho|lên] [ruộng mạ|mạ] [từ chiều hôm trước|], [chờ|đợi] "
                "[trời ấm|nắng lên] [mới|] [gieo cấy|cấy]."
            ),
        ]
        middles = [
            lambda: c.s(
                "Theo cơ quan khí tượng, đợt rét có thể kéo dài thêm 4 - 5 ngày, vùng núi cao [có khả năng|có "
                "thể] xuất hiện băng giá, sương muối."
            ),
            lambda: c.s(
                f"[{c.dept('edu')}|Ngành giáo dục] [thông báo|cho phép] [học sinh mầm non, tiểu học|học sinh] "
                f"[nghỉ học|được nghỉ] [khi|nếu] nhiệt độ [xuống dưới|dưới] 10 độ C; [{c.n(20, 120)} "
                "trường|nhiều trường] [đã|] [cho học sinh nghỉ|tạm dừng dạy học]."
            ),
            lambda: c.s(
                f"[Đợt rét trước|Đợt rét cuối tháng {c.month}] [đã làm|làm] {c.n(10, 200)} con trâu, bò [bị chết "
                f"rét|chết], [thiệt hại|ước thiệt hại] [khoảng|] {c.n(1, 8)} tỷ đồng."
            ),
            lambda: c.s(
                f"[Tại|Ở] [các chợ|chợ] [trung tâm|{c.bare(c.place())}], [áo ấm, chăn bông|đồ giữ ấm] [bán "
                f"chạy|đắt hàng]; [giá rau xanh|rau xanh] [tăng|tăng mạnh] {c.n(20, 60)}% [do|vì] [rau bị "
                "sương muối|rét làm rau chậm lớn]."
            ),
        ]
        tags = ["rét đậm rét hại", "thời tiết", c.P]
    else:
        peak = c.dec(1.6, 1.8, 2)
        title = c.title(
            [
                f"Triều cường vượt đỉnh, nhiều tuyến đường ở {c.P} ngập sâu",
                f"Mưa lớn kết hợp triều cường gây ngập ở {short}",
                f"[Đỉnh triều|Triều cường] {peak} m, [người dân|bà con] {short} [lội nước|bì bõm] về nhà",
                f"[Mưa như trút|Mưa lớn] [chiều {c.dm()}|], [nhiều tuyến đường|đường phố] {c.P} [thành sông|ngập sâu]",
            ]
        )
        lead = c.one(
            lambda: c.v(
                f"[Chiều tối|Tối] {c.dm()}, đỉnh triều trên {river} đạt {peak} m, vượt mức báo động 3, kết hợp "
                "mưa lớn khiến [nhiều tuyến đường, khu dân cư|nhiều tuyến đường] bị ngập sâu."
            ),
            lambda: c.v(
                f"[Cơn mưa|Trận mưa] [lớn|kéo dài] [hơn|gần] {c.n(2, 4)} giờ [chiều|tối] {c.dm()} [cộng với|trùng "
                f"với] [triều cường|đỉnh triều {peak} m] [khiến|làm] [hàng chục|{c.n(15, 60)}] tuyến đường [ở|"
                f"tại] {c.prov} [ngập sâu|chìm trong nước], [giao thông|xe cộ] [ùn tắc|kẹt cứng] [đến khuya|nhiều giờ]."
            ),
        )
        openings = [
            lambda: c.s(
                f"Tại {where}, [nhiều đoạn đường|nhiều tuyến] [nước ngập quá bánh xe|ngập sâu {c.dec(0.3, 0.6)} m], "
                f"người dân phải dắt bộ. {cap(c.who(resident, hon='anh'))} cho biết mỗi đợt triều cường, nhà anh "
                "phải kê cao đồ đạc, đắp bao cát trước cửa."
            ),
            lambda: c.s(
                f"[Từ {c.n(16, 18)} giờ|Khoảng 17 giờ], nước [từ cống|trên sông] [tràn|dâng] [vào|lên] "
                f"[đường|các con hẻm] [ở|tại] {short}; [nhiều xe máy|hàng loạt xe máy] [chết máy|bị chết máy] "
                "[giữa đường|], [thợ sửa xe|tiệm sửa xe] [làm không xuể|kín khách]."
            ),
            lambda: c.s(
                f"[Ở|Tại] {hamlet}, {short}, [nước|nước triều] [tràn qua|vượt] [bờ bao|đê bao] [tạm|] [vào|ngập] "
                f"[{c.n(50, 400)} căn nhà|vườn cây], [người dân|bà con] [đắp|gia cố] [bao cát|bờ bao] [đến|suốt] "
                "[nửa đêm|khuya]."
            ),
        ]
        middles = [
            lambda: c.s(
                "Các đơn vị thoát nước đã vận hành [các trạm bơm, máy bơm lưu động|trạm bơm], [khơi thông cống, "
                f"hố ga|khơi thông {c.n(50, 300)} hố ga] để rút nước nhanh."
            ),
            lambda: c.s(
                f"[Theo|Theo dự báo của] [Đài Khí tượng thủy văn|cơ quan khí tượng], [triều cường|đỉnh triều] "
                f"[sẽ|có thể] [duy trì|tiếp tục lên] [đến ngày|đến] {c.dm(c.n(2, 5))}, [cao nhất|đỉnh] "
                f"[khoảng|] {c.dec(1.6, 1.9, 2)} m."
            ),
            lambda: c.s(
                f"{cap(c.who(neighbour, 'chủ tiệm tạp hóa'))} [cho biết|kể] [năm nào|tháng nào] cũng "
                f"[ngập|bị ngập] [vài|{c.n(3, 8)}] [đợt|lần], [hàng hóa|đồ đạc] [hư hỏng|ướt] [mất|thiệt] "
                f"[vài triệu|{c.n(2, 10)} triệu] đồng."
            ),
            lambda: c.s(
                f"[{cap(c.unit)}|Địa phương] [đang|] [đầu tư|triển khai] [dự án|công trình] [chống "
                f"ngập|kiểm soát triều] [với|vốn] {c.big(1000, 10000)} tỷ đồng, [gồm|với] {c.n(3, 12)} cống "
                f"ngăn triều [lớn|], [dự kiến|] [hoàn thành|vận hành] [năm|trong năm] {c.year + c.n(1, 3)}."
            ),
        ]
        tags = ["triều cường", "ngập nước", c.P]
    cold = "rét đậm rét hại" in tags
    if cold:
        middles.append(
            lambda: c.s(
                f"{cap(c.who(official, 'Phó Giám đốc ' + c.dept('agri')))} [cho biết|khuyến cáo] [nông "
                "dân|bà con] [không|chưa nên] [gieo cấy|cấy] [khi|lúc] nhiệt độ [dưới|xuống dưới] 15 độ C, "
                f"[không thả|không chăn thả] trâu bò [ngoài đồng|ra đồng] [vào sáng sớm|khi trời rét]; [ngành|sở] "
                f"[đã|] [chuẩn bị|dự phòng] {c.n(5, 40)} tấn [giống dự phòng|mạ dự phòng]."
            )
        )
    else:
        middles += [
            lambda: c.one(
                lambda: c.s(
                    f"{cap(c.who(official, c.v('[Phó Chánh Văn phòng thường trực|Chánh Văn phòng] Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn ' + c.unit)))} "
                    f"cho biết lực lượng chức năng đã di dời {moved} hộ dân khỏi vùng nguy hiểm, [bố trí chỗ ở "
                    "tạm|đưa đến nơi an toàn] và hỗ trợ [lương thực, nước uống|mì tôm, nước uống]."
                ),
                lambda: c.s(
                    f"[Theo|Báo cáo của] Ban Chỉ huy phòng, chống thiên tai {c.unit}, [đến {c.n(7, 18)} giờ ngày "
                    f"{c.dm()}|tính đến sáng nay], {moved} hộ [đã|] [được|] [đưa đến|di dời đến] [trường học|nhà "
                    "văn hóa] [và|,] [nhà người thân|nơi tránh trú an toàn]."
                ),
            ),
            lambda: c.s(
                f"[Ngay trong đêm|Sáng {c.dm()}], {c.who(leader, 'Phó Chủ tịch ' + c.ubnd)} [đã|] [đến hiện "
                f"trường|kiểm tra hiện trường] [{short}|], [chỉ đạo|yêu cầu] [cắm biển cảnh báo|rào chắn khu vực "
                f"nguy hiểm], [hỗ trợ mỗi hộ|trích ngân sách hỗ trợ mỗi hộ bị thiệt hại] {c.n(5, 30)} triệu đồng."
            ),
        ]
    closings: list[Para] = [
        lambda: c.s(
            f"{c.ubnd} chỉ đạo các địa phương [tiếp tục|] theo dõi sát diễn biến thời tiết, thông tin kịp thời "
            "đến người dân; rà soát [các khu vực có nguy cơ cao|vùng nguy cơ cao] để chủ động [phương án ứng "
            "phó|di dời], không để bị động, bất ngờ."
        ),
        lambda: c.s(
            "[Người dân|Bà con] [được khuyến cáo|cần] [không|tuyệt đối không] [đi qua|đến gần] [khu vực|đoạn] "
            "[nguy hiểm|đang sạt, ngập sâu], [theo dõi|nghe] [bản tin|thông báo] [thời tiết|của chính quyền] "
            "[thường xuyên|hằng ngày]."
        ),
        lambda: c.s(
            f"[Ủy ban MTTQ|Hội Chữ thập đỏ] {c.unit} [đã|] [trao|tặng] {c.n(50, 600)} [suất quà|phần quà] "
            f"[gồm gạo, mì tôm|và tiền mặt] [cho|đến] [các hộ|người dân] [bị thiệt hại|vùng ngập] [ở {short}|]."
        ),
    ]
    return c.draft(
        title,
        lead,
        c.arrange(openings, middles, closings[:1] if cold else closings, low=4, high=6, close=0.6),
        [
            (c.v(f"[Hiện trường|Hiện trường sạt lở, ngập] tại {where}."), "hiện trường"),
            (c.v("Lực lượng chức năng hỗ trợ người dân [di dời tài sản|sơ tán]."), None),
        ][: c.n(1, 2)]
        if not cold
        else [(c.v(f"Nông dân {where} [che chắn|che nilon cho] [ruộng mạ|chuồng trại]."), "chống rét")],
        tags,
    )


@dataclass(frozen=True)
class Topic:
    key: str
    write: Callable[[Ctx], Draft]
    sections: tuple[str, ...]  # the sections a paper files it under, most likely first
    months: tuple[int, ...] = ()  # the months it is most likely in (empty: any)
    needs: Callable[[ProvinceWriting], bool] = lambda w: True


TOPICS: tuple[Topic, ...] = (
    Topic("rice", rice, ("kinh-te", "thoi-su"), (2, 3, 4, 5, 6, 7, 8, 10, 11), lambda w: "lúa" in w.crops),
    Topic("fruit", fruit, ("kinh-te",), (), lambda w: bool(fruits(w))),
    Topic("infrastructure", infrastructure, ("thoi-su", "kinh-te")),
    Topic("party", party, ("chinh-tri", "thoi-su")),
    Topic("council", council, ("chinh-tri", "thoi-su"), (7, 12, 3, 9)),
    Topic("voters", voters, ("chinh-tri", "thoi-su"), (4, 5, 9, 10, 11)),
    Topic("admin", admin, ("chinh-tri", "thoi-su", "xa-hoi")),
    Topic("gratitude", gratitude, ("chinh-tri", "xa-hoi", "thoi-su"), (7, 1, 2)),
    Topic("newrural", newrural, ("kinh-te", "chinh-tri", "thoi-su"), (), lambda w: w.region != "metro"),
    Topic("investment", investment, ("kinh-te", "thoi-su")),
    Topic("dengue", dengue, ("xa-hoi", "thoi-su"), (5, 6, 7, 8, 9, 10, 11)),
    Topic("hospital", hospital, ("xa-hoi",)),
    Topic("exam", exam, ("xa-hoi", "thoi-su"), (5, 6, 7, 9)),
    Topic("housing", housing, ("xa-hoi", "thoi-su", "chinh-tri")),
    Topic("traffic", traffic, ("thoi-su", "xa-hoi")),
    Topic("festival", festival, ("van-hoa", "xa-hoi"), (1, 2, 3, 4)),
    Topic("environment", environment, ("xa-hoi", "thoi-su")),
    Topic("tourism", tourism, ("kinh-te", "van-hoa"), (1, 2, 4, 5, 6, 7, 8, 9, 12)),
    Topic("fisheries", fisheries, ("kinh-te",), (), lambda w: bool(w.seafood)),
    Topic("weather", weather, ("thoi-su", "xa-hoi"), (1, 2, 7, 8, 9, 10, 11, 12)),
)
TOPIC_BY_KEY: dict[str, Topic] = {t.key: t for t in TOPICS}

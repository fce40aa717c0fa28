"""Vietnam's provinces as data: the 34 since 1 July 2025, the 63 before, and the papers that cover each.

`lookup` reads a province name as a person types it (old or new, with or without diacritics, any case, NFC
or NFD, `tỉnh`/`thành phố`/`TP` in front, `HCM` for Hồ Chí Minh City) and `sites_covering` answers which
registered sites cover it and for which dates: the surviving paper, and the archives of the papers the
merger absorbed. `province_on` answers which province a site served on a given day (an article's `province`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from crawler.sites.model import Site

MERGER_DAY = date(2025, 7, 1)
"""The day the 63 provinces became 34."""


@dataclass(frozen=True, slots=True)
class Province:
    """A province or centrally run city since 1 July 2025, and the key of its surviving party paper."""

    name: str
    unit: str  # "tỉnh" or "thành phố"
    paper: str
    merged_from: tuple[str, ...] = ()  # the pre-2025 provinces it absorbed (its own old name aside)
    former_name: str | None = None  # where the old province of the same land had another name
    renamed_on: date | None = None  # the day `former_name` gave way to `name` (None: on MERGER_DAY)


@dataclass(frozen=True, slots=True)
class FormerProvince:
    """A province as it was before 1 July 2025, the province it is part of since, and its old paper."""

    name: str
    now: str
    paper: str | None  # the archive site of its absorbed paper; None where its paper carried on


PROVINCES: tuple[Province, ...] = (
    Province("Hà Nội", "thành phố", "hanoimoi"),
    # Thừa Thiên Huế became the centrally run city of Huế on 1 January 2025, before the merger.
    Province("Huế", "thành phố", "huengaynay", former_name="Thừa Thiên Huế", renamed_on=date(2025, 1, 1)),
    Province("Lai Châu", "tỉnh", "baolaichau"),
    Province("Điện Biên", "tỉnh", "baodienbienphu"),
    Province("Sơn La", "tỉnh", "baosonla"),
    Province("Lạng Sơn", "tỉnh", "baolangson"),
    Province("Quảng Ninh", "tỉnh", "baoquangninh"),
    Province("Thanh Hóa", "tỉnh", "baothanhhoa"),
    Province("Nghệ An", "tỉnh", "baonghean"),
    Province("Hà Tĩnh", "tỉnh", "baohatinh"),
    Province("Cao Bằng", "tỉnh", "baocaobang"),
    Province("Tuyên Quang", "tỉnh", "baotuyenquang", ("Hà Giang",)),
    Province("Lào Cai", "tỉnh", "baolaocai", ("Yên Bái",)),
    Province("Thái Nguyên", "tỉnh", "baothainguyen", ("Bắc Kạn",)),
    Province("Phú Thọ", "tỉnh", "baophutho", ("Vĩnh Phúc", "Hòa Bình")),
    Province("Bắc Ninh", "tỉnh", "baobacninhtv", ("Bắc Giang",)),
    Province("Hưng Yên", "tỉnh", "baohungyen", ("Thái Bình",)),
    Province("Hải Phòng", "thành phố", "baohaiphong", ("Hải Dương",)),
    Province("Ninh Bình", "tỉnh", "baoninhbinh", ("Hà Nam", "Nam Định")),
    Province("Quảng Trị", "tỉnh", "baoquangtri", ("Quảng Bình",)),
    Province("Đà Nẵng", "thành phố", "baodanang", ("Quảng Nam",)),
    Province("Quảng Ngãi", "tỉnh", "baoquangngai", ("Kon Tum",)),
    Province("Gia Lai", "tỉnh", "baogialai", ("Bình Định",)),
    Province("Khánh Hòa", "tỉnh", "baokhanhhoa", ("Ninh Thuận",)),
    Province("Lâm Đồng", "tỉnh", "baolamdong", ("Đắk Nông", "Bình Thuận")),
    Province("Đắk Lắk", "tỉnh", "baodaklak", ("Phú Yên",)),
    Province("TP Hồ Chí Minh", "thành phố", "sggp", ("Bình Dương", "Bà Rịa - Vũng Tàu")),
    Province("Đồng Nai", "tỉnh", "baodongnai", ("Bình Phước",)),
    Province("Tây Ninh", "tỉnh", "baotayninh", ("Long An",)),
    Province("Cần Thơ", "thành phố", "baocantho", ("Sóc Trăng", "Hậu Giang")),
    Province("Vĩnh Long", "tỉnh", "baovinhlong", ("Bến Tre", "Trà Vinh")),
    Province("Đồng Tháp", "tỉnh", "baodongthap", ("Tiền Giang",)),
    Province("Cà Mau", "tỉnh", "baocamau", ("Bạc Liêu",)),
    Province("An Giang", "tỉnh", "baoangiang", ("Kiên Giang",)),
)
"""The 34 provinces and cities since 1 July 2025."""

NATIONAL_DAILIES: frozenset[str] = frozenset({"tuoitre"})
"""Registered live sites that are no province's party paper (filed under the city they are based in)."""

_ABSORBED_PAPERS: dict[str, str] = {
    "Hà Giang": "baohagiang",
    "Yên Bái": "baoyenbai",
    "Bắc Kạn": "baobackan",
    "Vĩnh Phúc": "baovinhphuc",
    "Hòa Bình": "baohoabinh",
    "Bắc Giang": "baobacgiang",
    "Thái Bình": "baothaibinh",
    "Hải Dương": "baohaiduong",
    "Hà Nam": "baohanam",
    "Nam Định": "baonamdinh",
    "Quảng Bình": "baoquangbinh",
    "Quảng Nam": "baoquangnam",
    "Kon Tum": "baokontum",
    "Bình Định": "baobinhdinh",
    "Ninh Thuận": "baoninhthuan",
    "Đắk Nông": "baodaknong",
    "Bình Thuận": "baobinhthuan",
    "Phú Yên": "baophuyen",
    "Bình Dương": "baobinhduong",
    "Bà Rịa - Vũng Tàu": "baobariavungtau",
    "Bình Phước": "baobinhphuoc",
    "Long An": "baolongan",
    "Sóc Trăng": "baosoctrang",
    "Hậu Giang": "baohaugiang",
    "Bến Tre": "baodongkhoi",
    "Trà Vinh": "baotravinh",
    "Tiền Giang": "baoapbac",
    "Bạc Liêu": "baobaclieu",
    "Kiên Giang": "baokiengiang",
}
# Old provinces whose name carried on but whose paper did not (Bắc Ninh's paper gave way to Bắc Giang's CMS).
_OWN_ARCHIVES: dict[str, str] = {"Bắc Ninh": "baobacninh"}


def _former_provinces() -> tuple[FormerProvince, ...]:
    out: list[FormerProvince] = []
    for p in PROVINCES:
        own = p.former_name or p.name
        out.append(FormerProvince(own, p.name, _OWN_ARCHIVES.get(own)))
        out += [FormerProvince(old, p.name, _ABSORBED_PAPERS[old]) for old in p.merged_from]
    return tuple(out)


FORMER_PROVINCES: tuple[FormerProvince, ...] = _former_provinces()
"""The 63 provinces and cities before 1 July 2025, each with the province it belongs to since."""

# Other ways people write some names (after normalization: no diacritics, lower case, no spaces).
_ALIASES: dict[str, str] = {
    "hcm": "TP Hồ Chí Minh",
    "hcmc": "TP Hồ Chí Minh",
    "tphcm": "TP Hồ Chí Minh",
    "tphochiminh": "TP Hồ Chí Minh",
    "thanhphohochiminh": "TP Hồ Chí Minh",
    "hochiminhcity": "TP Hồ Chí Minh",
    "saigon": "TP Hồ Chí Minh",
    "tthue": "Thừa Thiên Huế",
    "thuathien": "Thừa Thiên Huế",
    "brvt": "Bà Rịa - Vũng Tàu",
    "vungtau": "Bà Rịa - Vũng Tàu",
    "daclac": "Đắk Lắk",
    "daknong": "Đắk Nông",
    "dacnong": "Đắk Nông",
    "backan": "Bắc Kạn",
    "baccan": "Bắc Kạn",
    "thanhhoa": "Thanh Hóa",
}

_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp|t p|city of|province of)\s+")
_SUFFIX = re.compile(r"\s+(?:province|city)$")


def fold(text: str) -> str:
    """`Thành phố  Hồ Chí Minh` → `thanh pho ho chi minh`: no diacritics (đ as d), lower case, single spaces,
    punctuation as space."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").replace("Đ", "D").casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


def normalize(name: str) -> str:
    """The key a province name is matched by: folded, its `tỉnh`/`thành phố`/`TP` prefix dropped, no
    spaces (`Hoà Bình`, `hoa binh`, `Tỉnh HÒA BÌNH` and `HoaBinh` all give `hoabinh`)."""
    folded = fold(name)
    while True:
        shorter = _SUFFIX.sub("", _PREFIX.sub("", folded))
        if shorter == folded:
            break
        folded = shorter
    return folded.replace(" ", "")


class UnknownProvinceError(ValueError):
    """A province name that is neither a current nor a pre-2025 one."""

    def __init__(self, name: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(name, suggestions)
        self.name = name
        self.suggestions = suggestions

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return (
            f"unknown province {self.name!r}{hint} "
            "(`crawler sites --province` takes the 34 current and the 63 pre-2025 names)"
        )


@dataclass(frozen=True, slots=True)
class ProvinceMatch:
    """What a name resolved to: the province it is now, and the former province where the name is an old
    one that the merger absorbed (None for a current province's own name)."""

    province: Province
    former: FormerProvince | None

    @property
    def label(self) -> str:
        if self.former is None:
            return self.province.name
        return f"{self.former.name} (part of {self.province.name} since {MERGER_DAY.isoformat()})"


@cache
def _index() -> dict[str, ProvinceMatch]:
    by_name = {p.name: p for p in PROVINCES}
    index: dict[str, ProvinceMatch] = {}
    for former in FORMER_PROVINCES:
        now = by_name[former.now]
        carried_on = former.paper is None  # its land and paper carried on (Thừa Thiên Huế is now Huế)
        index[normalize(former.name)] = ProvinceMatch(now, None if carried_on else former)
    for p in PROVINCES:
        index[normalize(p.name)] = ProvinceMatch(p, None)
    for alias, target in _ALIASES.items():
        index.setdefault(alias, index[normalize(target)])
    return index


def all_names() -> tuple[str, ...]:
    """Every name `lookup` knows as printed: the 34 current ones, then the pre-2025 ones that differ."""
    current = tuple(p.name for p in PROVINCES)
    return current + tuple(f.name for f in FORMER_PROVINCES if f.name not in current)


def lookup(name: str) -> ProvinceMatch:
    """The province a name means (see the module's docstring for the forms accepted)."""
    key = normalize(name)
    found = _index().get(key) if key else None
    if found is not None:
        return found
    printed = {normalize(n): n for n in all_names()}
    close = difflib.get_close_matches(key, list(printed), n=3, cutoff=0.6)
    raise UnknownProvinceError(name, tuple(printed[c] for c in close))


@cache
def _by_name() -> dict[str, Province]:
    return {p.name: p for p in PROVINCES}


def province_on(site: Site, day: date | None) -> str:
    """The province `site` served on `day` (Vietnam's calendar): what an article of that day says it is from.

    An archive of a paper the merger absorbed served its old province until the day before MERGER_DAY and
    the province it is part of from then (a 2021 Báo Ấp Bắc article is from Tiền Giang, one of July 2025 from
    Đồng Tháp); a province renamed (Thừa Thiên Huế, Huế since 1 January 2025) has its old name before the
    rename. Otherwise, and when the day is unknown, the site's province today.
    """
    if day is None:
        return site.province
    if site.former_province and day < MERGER_DAY:
        return site.former_province
    current = _by_name().get(site.province)
    if current is not None and current.former_name and day < (current.renamed_on or MERGER_DAY):
        return current.former_name
    return site.province


@dataclass(frozen=True, slots=True)
class Coverage:
    """A site that covers a province, and the dates for which it does (None: open-ended)."""

    site: Site
    start: date | None
    end: date | None

    @property
    def label(self) -> str:
        start = self.start.isoformat() if self.start else "…"
        end = self.end.isoformat() if self.end else "now"
        return f"{start} – {end}"


def sites_covering(name: str, sites: dict[str, Site] | None = None) -> tuple[ProvinceMatch, list[Coverage]]:
    """The sites that cover a province, archives first (oldest end first), then the live ones.

    For a current province: every site registered to it (its live paper and the archives it absorbed). For a
    former province the merger absorbed: its paper's archive, and the live sites of the province it is part
    of from the day after that archive's last day.
    """
    from crawler.sites import all_sites

    match = lookup(name)
    registry = sites if sites is not None else all_sites()
    in_province = [s for s in registry.values() if s.province == match.province.name]
    covers: list[Coverage] = []
    if match.former is None:
        covers = [Coverage(s, s.active_from, s.active_to) for s in in_province]
    else:
        archives = [s for s in in_province if s.former_province == match.former.name]
        ends = [s.active_to for s in archives if s.active_to is not None]
        handover = max(ends) + timedelta(days=1) if ends else MERGER_DAY
        covers = [Coverage(s, s.active_from, s.active_to) for s in archives]
        for s in in_province:
            if s.active_to is None:
                start = max(handover, s.active_from) if s.active_from else handover
                covers.append(Coverage(s, start, None))
    covers.sort(key=lambda c: (c.end is None, c.end or date.max, c.site.key))
    return match, covers


__all__ = [
    "FORMER_PROVINCES",
    "MERGER_DAY",
    "NATIONAL_DAILIES",
    "PROVINCES",
    "Coverage",
    "FormerProvince",
    "Province",
    "ProvinceMatch",
    "UnknownProvinceError",
    "all_names",
    "fold",
    "lookup",
    "normalize",
    "province_on",
    "sites_covering",
]

"""The registry of every provincial paper, before and after the 2025 merger, and the province names.

Complete: each of the 34 provinces and cities has its one live party paper, each absorbed province its
paper's archive with the surviving paper as successor. Consistent: no domain claimed twice for one date.
Province names resolve however they are typed. The replica serves every site in its own URL shape.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from processes import run_cli

from crawler.item import Rejected
from crawler.sites import Site, all_sites, site_for_url
from crawler.sites.provinces import (
    FORMER_PROVINCES,
    MERGER_DAY,
    NATIONAL_DAILIES,
    PROVINCES,
    UnknownProvinceError,
    all_names,
    lookup,
    normalize,
    sites_covering,
)
from crawler.steps import process_page
from crawler.urls import canonicalize
from replica import Replica, ReplicaServer, build_replica

SITES = all_sites()
LIVE = {k: s for k, s in SITES.items() if s.active_to is None}
CURRENT = {p.name: p for p in PROVINCES}
ABSORBED = [f for f in FORMER_PROVINCES if f.paper is not None]

# The 2025 merger map (Resolution 202/2025/QH15): every absorbed province and the one it joined.
MERGED_INTO = {
    "Tiền Giang": "Đồng Tháp",
    "Long An": "Tây Ninh",
    "Hà Giang": "Tuyên Quang",
    "Yên Bái": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi",
    "Bình Định": "Gia Lai",
    "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Phú Yên": "Đắk Lắk",
    "Bình Dương": "TP Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "TP Hồ Chí Minh",
    "Bình Phước": "Đồng Nai",
    "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
}
UNCHANGED = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa"}
UNCHANGED |= {"Nghệ An", "Hà Tĩnh", "Cao Bằng"}


def _span(site: Site) -> tuple[date, date]:
    return site.active_from or date.min, site.active_to or date.max


# --- complete ---------------------------------------------------------------------------------------------


def test_34_provinces_and_63_former_ones() -> None:
    assert len(PROVINCES) == 34 and len(CURRENT) == 34
    assert len(FORMER_PROVINCES) == 63 and len({f.name for f in FORMER_PROVINCES}) == 63
    assert {f.now for f in FORMER_PROVINCES} == set(CURRENT)
    assert {f.name: f.now for f in ABSORBED if f.name not in CURRENT} == MERGED_INTO
    unchanged = {p.name for p in PROVINCES if not p.merged_from}
    assert unchanged == UNCHANGED


def test_every_province_has_exactly_one_live_party_paper() -> None:
    papers = {p.paper for p in PROVINCES}
    assert len(papers) == 34
    for province in PROVINCES:
        live = [s.key for s in LIVE.values() if s.province == province.name and s.key not in NATIONAL_DAILIES]
        assert live == [province.paper], province.name
    assert set(LIVE) - papers == NATIONAL_DAILIES
    assert len(LIVE) >= 34


def test_every_absorbed_province_has_its_archive_and_successor() -> None:
    assert len([f for f in ABSORBED if f.name not in CURRENT]) == 29
    for former in ABSORBED:
        assert former.paper is not None
        archive = SITES[former.paper]
        assert archive.active_to is not None, archive.key
        assert archive.province == former.now, archive.key
        assert archive.former_province == former.name, archive.key
        assert archive.successor == CURRENT[former.now].paper, archive.key
        assert SITES[archive.successor].active_to is None, archive.key
        assert archive.active_to == (date(2025, 7, 31) if archive.key == "baoapbac" else date(2025, 6, 30))


# --- consistent -------------------------------------------------------------------------------------------


def test_no_two_live_sites_claim_one_domain() -> None:
    claims = Counter(d for s in LIVE.values() for d in s.domains)
    assert [d for d, n in claims.items() if n > 1] == []


def test_date_ranges_on_one_domain_do_not_overlap() -> None:
    by_domain: dict[str, list[Site]] = {}
    for site in SITES.values():
        for domain in site.domains:
            by_domain.setdefault(domain, []).append(site)
    for domain, sites in by_domain.items():
        spans = sorted(_span(s) for s in sites)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end < start, (domain, [s.key for s in sites])


def test_successors_exist_and_archives_are_dated() -> None:
    for site in SITES.values():
        assert site.province in CURRENT, site.key
        assert site.former_province is None or site.former_province in {f.name for f in FORMER_PROVINCES}
        if site.successor is not None:
            assert site.successor in SITES and site.successor != site.key, site.key
            assert site.active_to is not None, site.key
            successor = SITES[site.successor]
            assert successor.active_to is None or successor.active_to > site.active_to, site.key
        if site.active_to is not None:
            assert site.successor is not None, f"{site.key}: an archive names its successor"


def test_weakly_attested_papers_are_unverified() -> None:
    for key in ("baovinhphuc", "baophuyen", "baobinhduong", "baohaugiang", "baolaocai", "huengaynay"):
        assert SITES[key].verified is False, key
    assert SITES["baoapbac"].verified is True


def test_site_level_url_shapes() -> None:
    cases = {
        "baoyenbai": ("https://baoyenbai.com.vn/12/345678/Tieu-De-Bai-Viet.aspx", "345678"),
        "baobacgiang": ("https://baobacgiang.vn/bg2/xa-hoi/tieu-de-postid412345.bbg", "412345"),
        "baobacninhtv": ("https://baobacninhtv.vn/tieu-de-bai-viet-postid512345.bbg", "512345"),
        "baothaibinh": ("https://baothaibinh.com.vn/tin-tuc/4/212345/tieu-de-bai-viet", "212345"),
        "baobinhphuoc": ("https://baobinhphuoc.com.vn/news/4/163456/tieu-de-bai-viet", "163456"),
        "baobinhdinh": ("https://baobinhdinh.vn/viewer.aspx?macm=1&macmp=5&mabb=286905", "286905"),
        "baoninhthuan": ("https://baoninhthuan.com.vn/diendan/154215p83c8/tieu-de-bai-viet.htm", "154215"),
        "baonamdinh": ("https://baonamdinh.vn/channel/5091/202406/tieu-de-bai-viet-2591234/", "2591234"),
        "baoninhbinh": (
            "https://baoninhbinh.org.vn/tieu-de-bai-viet-202506141523001.html",
            "202506141523001",
        ),
        "baolaichau": ("https://www.baolaichau.vn/chinh-tri/tieu-de-bai-viet-61234", "61234"),
    }
    for key, (url, own_id) in cases.items():
        site = SITES[key]
        assert site.is_article_url(url) and site.is_article_url(canonicalize(url)), url
        assert site.article_id(url) == own_id == site.article_id(canonicalize(url)), url
    assert SITES["baodienbienphu"].is_article_url("https://baodienbienphu.vn/tin-bai/xa-hoi/tieu-de-bai-viet")
    assert not SITES["baodanang"].is_article_url("https://baodanang.vn/thoi-su.html")
    assert not SITES["baodanang"].is_article_url("https://baodanang.vn/chinh-quyen-dia-phuong-event1234.html")
    assert not SITES["baoninhbinh"].is_article_url("https://baoninhbinh.org.vn/tieu-de-12345.html")


# --- the replica serves every site in its own shape, and each site reads its pages right ------------------


@pytest.fixture(scope="module")
def replica() -> Replica:
    return build_replica(undeclared=False)


def test_every_site_has_replica_articles_in_its_own_url_shape(replica: Replica) -> None:
    for key, site in SITES.items():
        articles = replica.articles(key)
        assert len(articles) >= 2, key
        for a in articles:
            assert site.is_article_url(a.url), a.url
            assert site_for_url(a.url) is site, a.url
            assert replica.get(a.url).status == 200, a.url


def test_every_replica_article_extracts_right(replica: Replica) -> None:
    for key, site in SITES.items():
        own_id = "(?P<id>" in site.article_re.pattern
        for a in replica.articles(key):
            page = replica.get(a.url)
            result = process_page(a.url, page.body, site)
            assert not isinstance(result, Rejected), (a.url, result.reason)
            assert result.site == key, a.url
            assert result.title == a.title, a.url
            assert result.published_at == a.published.isoformat(), a.url
            assert result.canonical_url == canonicalize(a.url), a.url
            if own_id:
                assert result.id == f"{key}-{a.id}", a.url
            else:
                assert result.id.startswith(f"{key}-") and a.id not in result.id, a.url


# --- province names ---------------------------------------------------------------------------------------


def test_every_name_resolves_old_to_new() -> None:
    for former in FORMER_PROVINCES:
        match = lookup(former.name)
        assert match.province.name == former.now, former.name
        if former.name in CURRENT:
            assert match.former is None
        elif former.paper is not None:
            assert match.former == former
    for old, new in MERGED_INTO.items():
        assert lookup(old).province.name == new
    assert lookup("Thừa Thiên Huế").province.name == "Huế"


@pytest.mark.parametrize(
    "typed",
    [
        "HCM",
        "TP.HCM",
        "TPHCM",
        "tp hcm",
        "Hồ Chí Minh",
        "thành phố Hồ Chí Minh",
        "Ho Chi Minh City",
        "Sài Gòn",
    ],
)
def test_ho_chi_minh_city_forms(typed: str) -> None:
    assert lookup(typed).province.name == "TP Hồ Chí Minh"


def test_hoa_spellings_and_prefixes() -> None:
    assert lookup("Khánh Hoà") == lookup("Khánh Hòa") == lookup("tỉnh KHANH HOA")
    assert lookup("Hoà Bình") == lookup("Hòa Bình") == lookup("hoa binh")
    assert lookup("Thanh Hoá").province.name == "Thanh Hóa"
    assert lookup("Bà Rịa-Vũng Tàu") == lookup("BRVT") == lookup("ba ria vung tau")
    assert lookup("Dak Lak") == lookup("Đắk Lắk") == lookup("daklak")


def test_unknown_names_fail_with_suggestions() -> None:
    with pytest.raises(UnknownProvinceError) as caught:
        lookup("Tien Gang")
    assert "Tiền Giang" in caught.value.suggestions
    assert "Tiền Giang" in str(caught.value)
    for nonsense in ("", "   ", "tỉnh", "Atlantis"):
        with pytest.raises(UnknownProvinceError):
            lookup(nonsense)


def test_normalized_keys_are_unique_per_province() -> None:
    keys: dict[str, str] = {}
    for name in all_names():
        key = normalize(name)
        assert keys.get(key, name) == name, (key, keys.get(key), name)
        keys[key] = name


_TONE_SWAPS = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "úy": "uý", "ùy": "uỳ"}


def _strip_marks(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


@st.composite
def typed_names(draw: st.DrawFn) -> tuple[str, str]:
    """(a known name, the same name as someone might type it)."""
    name = draw(st.sampled_from(all_names()))
    typed = name
    if draw(st.booleans()):
        for old, new in _TONE_SWAPS.items():
            typed = typed.replace(old, new)
    if draw(st.booleans()):
        typed = _strip_marks(typed)
    case = draw(st.sampled_from(("keep", "upper", "lower", "title", "mixed")))
    if case == "mixed":
        flips = draw(st.lists(st.booleans(), min_size=len(typed), max_size=len(typed)))
        typed = "".join(c.upper() if f else c.lower() for c, f in zip(typed, flips, strict=True))
    elif case != "keep":
        typed = getattr(typed, case)()
    words = typed.split()
    gaps = draw(st.lists(st.sampled_from(("", " ", "  ", "\t", " \u00a0")), min_size=len(words) - 1))
    typed = words[0] + "".join(g + w for g, w in zip(gaps, words[1:], strict=False))
    prefix = draw(st.sampled_from(("", "tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP ", "TP. ", "tp.")))
    typed = draw(st.sampled_from(("", " ", "  "))) + prefix + typed + draw(st.sampled_from(("", " ", "\n")))
    form: Literal["NFC", "NFD", "NFKC", "NFKD"] = draw(st.sampled_from(("NFC", "NFD", "NFKC", "NFKD")))
    return name, unicodedata.normalize(form, typed)


@settings(max_examples=400, deadline=None)
@given(typed_names())
def test_any_typing_of_a_name_resolves_to_the_same_province(case: tuple[str, str]) -> None:
    name, typed = case
    assert lookup(typed) == lookup(name), typed


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([f.name for f in ABSORBED if f.name not in CURRENT]))
def test_an_absorbed_province_is_covered_by_its_archive_then_the_successor(name: str) -> None:
    match, covers = sites_covering(_strip_marks(name).lower())
    assert match.former is not None and match.former.name == name
    archive = SITES[match.former.paper or ""]
    assert covers[0].site is archive and covers[0].end == archive.active_to
    live = [c for c in covers if c.site.active_to is None]
    assert {c.site.key for c in live} == {k for k, s in LIVE.items() if s.province == match.province.name}
    assert all(c.start is not None and c.start >= MERGER_DAY for c in live)
    assert {c.site.key for c in covers} == {archive.key} | {c.site.key for c in live}


def test_tien_giang_is_covered_by_ap_bac_then_dong_thap() -> None:
    for typed in ("Tiền Giang", "tien giang", "TIEN  GIANG", "tỉnh Tiền Giang"):
        match, covers = sites_covering(typed)
        assert match.province.name == "Đồng Tháp"
        assert [(c.site.domain, c.start, c.end) for c in covers] == [
            ("baoapbac.vn", None, date(2025, 7, 31)),
            ("baodongthap.vn", date(2025, 8, 1), None),
        ]


def test_a_current_province_is_covered_by_all_its_sites() -> None:
    _, covers = sites_covering("Cần Thơ")
    assert {c.site.key for c in covers} == {"baocantho", "baosoctrang", "baohaugiang"}
    _, covers = sites_covering("Đồng Nai")
    assert {c.site.key for c in covers} == {"baodongnai", "baodongnai_legacy", "baobinhphuoc"}


# --- the command line -------------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=300)


@pytest.mark.parametrize("typed", ["Tiền Giang", "tien giang"])
def test_cli_sites_by_province_names_the_archive_and_the_successor(typed: str) -> None:
    out = run("sites", "--province", typed)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Tiền Giang")
    apbac = next(line for line in lines if line.startswith("baoapbac "))
    dongthap = next(line for line in lines if line.startswith("baodongthap "))
    assert "baoapbac.vn" in apbac and "2025-07-31" in apbac
    assert "baodongthap.vn" in dongthap and "2025-08-01 – now" in dongthap
    assert len(lines) == 4


def test_cli_sites_by_unknown_province_suggests_names() -> None:
    out = run("sites", "--province", "Tien Gang")
    assert out.returncode == 2
    assert "unknown province 'Tien Gang'" in out.stderr and "Tiền Giang" in out.stderr
    assert out.stdout == ""


def test_cli_sites_shows_province_and_verified() -> None:
    out = run("sites")
    assert out.returncode == 0, out.stderr
    header, *rows = out.stdout.splitlines()
    assert "PROVINCE" in header and "VERIFIED" in header
    assert len(rows) == len(SITES)
    yenbai = next(row for row in rows if row.startswith("baoyenbai "))
    assert "Lào Cai (was Yên Bái)" in yenbai and yenbai.rstrip().endswith("no")


def test_cli_crawl_by_province(tmp_path: Path) -> None:
    replica = build_replica(undeclared=False)
    store = tmp_path / "store"
    with ReplicaServer(replica) as server:
        out = run(
            "crawl",
            "--province",
            "dien bien",
            "--replica",
            server.base_url,
            "--store",
            store.as_uri(),
            "--state",
            str(tmp_path / "state.sqlite"),
            "--stats-json",
            str(tmp_path / "stats.json"),
        )
    assert out.returncode == 0, out.stderr[-3000:]
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    assert set(stats["sites"]) == {"baodienbienphu"}
    assert stats["totals"]["articles_written"] == len(replica.articles("baodienbienphu"))
    bad = run("crawl", "--province", "Atlantis")
    assert bad.returncode == 2 and "unknown province" in bad.stderr

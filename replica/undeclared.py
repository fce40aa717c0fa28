"""Replica portals that no module in `crawler/sites/portals` declares: what generic discovery is tested on.

Three regional outlets, invented for the replica (their names, domains and reporters are made up; the places
are real): each serves its pages in an existing family's markup, with a home page announcing its feed, section
menus, robots.txt `Sitemap:` lines and sitemaps, like any registered portal. The crawler knows nothing of them
until `crawler crawl --domain` discovers them; the routing sends their hosts to the replica when the crawl
names them (`CRAWLER_REPLICA_HOSTS`).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from crawler.sites import Site, all_sites
from crawler.sites.families import FAMILY_B, FAMILY_C, FAMILY_E
from replica.model import ReplicaArticle
from replica.provinces import ProvinceWriting

_SITES = (
    Site(
        key="tintaynguyen",
        name="Tin Tây Nguyên",
        domains=("tintaynguyen.vn",),
        province="Gia Lai",
        family=FAMILY_E,
        verified=False,
        notes="invented for the replica: an undeclared portal in family E markup (JSON-LD)",
    ),
    Site(
        key="nongnghiepmientay",
        name="Nông nghiệp Miền Tây",
        domains=("nongnghiepmientay.vn",),
        province="Cần Thơ",
        family=FAMILY_B,
        feeds=("/rss.xml",),
        verified=False,
        notes="invented for the replica: an undeclared portal in family B markup (no structured data)",
    ),
    Site(
        key="baoduyenhai",
        name="Báo Duyên Hải",
        domains=("baoduyenhai.vn",),
        province="Ninh Bình",
        family=FAMILY_C,
        feeds=("/feed",),
        verified=False,
        notes="invented for the replica: an undeclared portal in family C markup (OpenGraph only)",
    ),
)

_WRITING = (
    ProvinceWriting(
        site="tintaynguyen",
        name="Gia Lai",
        unit="tỉnh",
        capital="TP Pleiku",
        old_places=(
            ("xã Ia Băng", "huyện Đak Đoa"),
            ("xã Ia Grăng", "huyện Ia Grai"),
            ("xã Kon Chiêng", "huyện Mang Yang"),
            ("xã Ia Sao", "thị xã Ayun Pa"),
            ("xã Chư Băh", "huyện Chư Sê"),
            ("xã Ia Dơk", "huyện Đức Cơ"),
        ),
        new_places=("phường Pleiku", "xã Ia Grai", "xã Chư Prông", "phường An Nhơn", "xã Kbang"),
        crops=("cà phê", "hồ tiêu", "chanh dây", "sầu riêng", "mì"),
        river="sông Ba",
        roads=("Quốc lộ 19", "Quốc lộ 14", "Quốc lộ 25", "đường Trường Sơn Đông"),
        festivals=("Lễ hội Cồng chiêng Tây Nguyên", "Lễ mừng lúa mới của người Jrai"),
        relics=("Quảng trường Đại Đoàn Kết", "Di tích Làng kháng chiến Stơr"),
        industrial=("Khu công nghiệp Trà Đa", "Khu kinh tế cửa khẩu Lệ Thanh"),
        hospital="Bệnh viện Đa khoa tỉnh Gia Lai",
        seafood=("cá tầm",),
        region="central",
        tag=None,
        tag_sep=" ",
        reporters=("H'NGỌC", "SIU HƯƠNG", "ĐỨC THỤY", "MINH PHƯƠNG", "ANH HUY"),
        sections=(("thoi-su", "Thời sự", 4), ("kinh-te", "Kinh tế", 3), ("xa-hoi", "Xã hội", 3)),
        start=date(2025, 8, 4),
        end=date(2026, 11, 12),
        first_id=204100,
    ),
    ProvinceWriting(
        site="nongnghiepmientay",
        name="Sóc Trăng",
        unit="tỉnh",
        capital="TP Sóc Trăng",
        old_places=(
            ("xã Gia Hòa 1", "huyện Mỹ Xuyên"),
            ("xã An Thạnh Nam", "huyện Cù Lao Dung"),
            ("xã Thuận Hưng", "huyện Mỹ Tú"),
            ("xã Long Phú", "huyện Long Phú"),
            ("xã Vĩnh Hải", "thị xã Vĩnh Châu"),
            ("xã Phú Tân", "huyện Châu Thành"),
        ),
        new_places=("phường Sóc Trăng", "xã Cù Lao Dung", "phường Vĩnh Châu", "xã Trần Đề"),
        crops=("lúa ST25", "hành tím Vĩnh Châu", "bưởi năm roi", "khoai lang", "mía"),
        river="sông Hậu",
        roads=("Quốc lộ 1", "Quốc lộ 60", "Quốc lộ Nam Sông Hậu", "cao tốc Cần Thơ - Cà Mau"),
        festivals=("Lễ hội Oóc Om Bóc - Đua ghe Ngo", "Lễ Sene Dolta"),
        relics=("Chùa Dơi", "Chùa Chén Kiểu"),
        industrial=("Khu công nghiệp An Nghiệp", "Cảng biển Trần Đề"),
        hospital="Bệnh viện Đa khoa tỉnh Sóc Trăng",
        seafood=("tôm sú", "cá kèo"),
        region="mekong",
        tag="(NNMT)",
        tag_sep=" - ",
        reporters=("THẠCH SÔ PHOL", "HOÀNG LỘC", "KIM THOA", "TRUNG HIẾU", "BẢO TRÂN"),
        sections=(
            ("nong-nghiep", "Nông nghiệp", 4),
            ("thi-truong", "Thị trường", 3),
            ("xa-hoi", "Xã hội", 3),
        ),
        start=date(2024, 3, 11),
        end=date(2026, 10, 30),
        first_id=318200,
    ),
    ProvinceWriting(
        site="baoduyenhai",
        name="Nam Định",
        unit="tỉnh",
        capital="TP Nam Định",
        old_places=(
            ("xã Giao Thiện", "huyện Giao Thủy"),
            ("thị trấn Thịnh Long", "huyện Hải Hậu"),
            ("xã Nghĩa Thắng", "huyện Nghĩa Hưng"),
            ("xã Trực Thái", "huyện Trực Ninh"),
            ("xã Xuân Vinh", "huyện Xuân Trường"),
            ("xã Yên Tiến", "huyện Ý Yên"),
        ),
        new_places=("phường Nam Định", "xã Giao Thủy", "xã Hải Hậu", "xã Nghĩa Hưng"),
        crops=("lúa", "nấm rơm", "cói", "rau màu vụ đông"),
        river="sông Hồng",
        roads=("Quốc lộ 21", "Quốc lộ 37B", "Quốc lộ 10", "đường bộ ven biển"),
        festivals=("Lễ hội Phủ Dầy", "Lễ khai ấn Đền Trần"),
        relics=("Khu di tích Đền Trần", "Vườn quốc gia Xuân Thủy"),
        industrial=("Khu công nghiệp Bảo Minh", "Khu công nghiệp Mỹ Trung"),
        hospital="Bệnh viện Đa khoa tỉnh Nam Định",
        seafood=("ngao", "tôm rảo"),
        region="north",
        tag="(BDH)",
        tag_sep=" - ",
        reporters=("THANH THÚY", "VĂN TRỌNG", "NGỌC LAN", "MINH ĐỨC", "HỒNG MINH"),
        sections=(("thoi-su", "Thời sự", 3), ("kinh-te", "Kinh tế", 3), ("van-hoa", "Văn hóa", 3)),
        start=date(2024, 9, 2),
        end=date(2026, 11, 6),
        first_id=48210,
    ),
)


def undeclared_sites() -> dict[str, Site]:
    """The replica's undeclared portals by key, less any whose domain has since been declared."""
    declared = {d for site in all_sites().values() for d in site.domains}
    return {s.key: s for s in _SITES if s.key not in all_sites() and not set(s.domains) & declared}


def undeclared_hosts() -> list[str]:
    """The hosts of the undeclared portals (for `CRAWLER_REPLICA_HOSTS`)."""
    return sorted(d for site in undeclared_sites().values() for d in site.domains)


@cache
def _writing() -> dict[str, ProvinceWriting]:
    return {w.site: w for w in _WRITING}


def undeclared_corpus(titles: set[str] | None = None) -> dict[str, list[ReplicaArticle]]:
    """Each undeclared portal's articles, written like a registered site's (titles distinct from `titles`)."""
    from replica.corpus import build_site_corpus

    return {
        key: build_site_corpus(site, titles, writing=_writing()[key])
        for key, site in undeclared_sites().items()
    }


__all__ = ["undeclared_corpus", "undeclared_hosts", "undeclared_sites"]

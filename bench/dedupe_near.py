"""Near-duplicate detection: the synthetic corpus, the threshold calibration and the 1,000,000-article bench.

    PYTHONPATH=. python bench/dedupe_near.py calibrate    # similarity distributions behind the threshold
    PYTHONPATH=. python bench/dedupe_near.py bench [--articles 1000000]
    PYTHONPATH=. python bench/dedupe_near.py              # both

`bench/dedupe.py` can call `near_duplicate_bench()` (runs the bench in a child process, prints and returns
its figures); `tests/test_neardup.py` builds its stories with `make_stories` and `syndicate`.

The corpus is written here, not copied: provincial news in eight event types (traffic accident, harvest,
festival, investment, storm, health, school, social support), each story filled from sentence pools with its
own facts (names, numbers, places, dates). Stories of one event type in one province share the pools'
boilerplate ("Theo Ban Tổ chức, …"), often the same commune, and differ in facts: the hard negatives.
A syndicated copy is the same story as another site publishes it: re-edited lead, other captions, an added
paragraph, the closing paragraph cut, another outlet tag and author line, NFD, whitespace noise.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.state import neardup  # noqa: E402
from crawler.state.neardup import NearDuplicateIndex, jaccard, shingles, signature  # noqa: E402

# ---------------------------------------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------------------------------------

PROVINCES = [
    "Đồng Tháp", "Tây Ninh", "Cần Thơ", "An Giang", "Vĩnh Long", "Cà Mau", "Đồng Nai", "Lâm Đồng",
    "Khánh Hòa", "Gia Lai", "Quảng Ngãi", "Quảng Trị", "Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Ninh Bình",
    "Hưng Yên", "Hải Phòng", "Quảng Ninh", "Bắc Ninh", "Thái Nguyên", "Phú Thọ", "Lào Cai", "Tuyên Quang",
]  # fmt: skip
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
_MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Hữu", "Đức", "Quốc", "Ngọc", "Thu", "Hoài", "Công", "Kim"]
_GIVEN = [
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong",
    "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vinh", "Yến", "Hoa", "Hiếu", "Khánh",
    "Lộc", "Nhân", "Trung", "Hạnh", "Toàn", "Thủy", "Hòa", "Kiên", "Nhung",
]  # fmt: skip
_PLACE_A = ["Tân", "Mỹ", "Long", "Phú", "Bình", "An", "Hòa", "Thạnh", "Vĩnh", "Đông", "Tây", "Hưng", "Thới", "Nhơn"]  # fmt: skip
_PLACE_B = ["Phú", "Hòa", "Thành", "Lợi", "Hiệp", "Thuận", "Lộc", "Xuân", "Bình", "Khánh", "An", "Đức", "Hưng", "Phước"]  # fmt: skip
_ROLES = [
    "Phó Chủ tịch UBND tỉnh", "Chủ tịch UBND xã", "Giám đốc Sở Nông nghiệp và Môi trường",
    "Giám đốc Sở Y tế", "Giám đốc Sở Giáo dục và Đào tạo", "Phó Bí thư Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    "Giám đốc Sở Tài chính", "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Bí thư Đảng ủy xã",
]  # fmt: skip
_TAGS = ["TTXVN", "BĐT", "ABO", "BCT", "BLA", "QNO", "BHT", "BAG", "BVL", "BTN"]


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
        "buoi": rng.choice(["Sáng", "Chiều", "Tối", "Trưa"]),
        "hour": str(rng.randint(5, 21)),
        "minute": str(rng.choice([5, 10, 15, 20, 30, 40, 45, 50])),
        "year": str(rng.choice([2024, 2025, 2026])),
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
        "v1": r.choice(["xe tải", "xe khách", "ô tô con", "xe container", "xe đầu kéo", "xe ben"]),
        "v2": r.choice(["xe máy", "xe mô tô", "xe ba gác", "ô tô bán tải"]),
        "road": r.choice(
            [
                "Quốc lộ 1",
                "Quốc lộ 30",
                "Quốc lộ 14",
                "Quốc lộ 80",
                "tỉnh lộ 845",
                "đường Hồ Chí Minh",
                "Quốc lộ 91",
            ]
        ),
        "km": f"Km {r.randint(10, 2100)}+{r.choice([100, 200, 350, 500, 800])}",
        "plate": f"{r.randint(11, 99)}C-{r.randint(100, 999)}.{r.randint(10, 99)}",
        "dead": str(r.randint(1, 4)),
        "injured": str(r.randint(1, 9)),
        "age1": str(r.randint(22, 60)),
        "age2": str(r.randint(17, 70)),
        "dir": r.choice(["Bắc - Nam", "Nam - Bắc", "từ trung tâm tỉnh về xã", "ra cảng"]),
        "alcohol": r.choice(["âm tính", f"ở mức 0,{r.randint(1, 9)}{r.randint(0, 9)} mg/lít khí thở"]),
        "r1": r.choice(
            ["Trưởng Công an xã", "Phó Trưởng phòng Cảnh sát giao thông Công an tỉnh", "Chủ tịch UBND xã"]
        ),
    },
    "harvest": lambda r: {
        "crop": r.choice(
            [
                "lúa Hè Thu",
                "lúa Đông Xuân",
                "xoài cát Hòa Lộc",
                "sầu riêng",
                "thanh long",
                "bưởi da xanh",
                "cà phê",
                "hồ tiêu",
            ]
        ),
        "yield": f"{_dec(r, 5.0, 9.5)} tấn/ha",
        "price": f"{_num(r, 5, 95)}.000 đồng/kg",
        "area": f"{_num(r, 300, 90000)} ha",
        "coop": f"Hợp tác xã {_place(r)}",
    },
    "festival": lambda r: {
        "fest": r.choice(
            [
                "Lễ hội Bà Chúa Xứ",
                "Lễ hội Nghinh Ông",
                "Lễ hội đua ghe ngo",
                "Hội xuân",
                "Lễ hội Kỳ Yên",
                "Lễ hội Cầu Ngư",
                "Ngày hội văn hóa các dân tộc",
            ]
        ),
        "visitors": _num(r, 3000, 250000),
        "days": str(r.randint(2, 7)),
        "teams": str(r.randint(6, 40)),
        "edition": str(r.randint(2, 30)),
    },
    "invest": lambda r: {
        "project": r.choice(
            [
                "khu công nghiệp",
                "cụm công nghiệp",
                "nhà máy chế biến thủy sản",
                "khu đô thị mới",
                "cầu",
                "nhà máy điện mặt trời",
                "trung tâm logistics",
            ]
        ),
        "pname": f"{_place(r)} {r.randint(1, 3)}",
        "investor": f"Công ty Cổ phần {r.choice(['Đầu tư', 'Phát triển', 'Xây dựng', 'Tập đoàn'])} {_place(r)}",
        "jobs": _num(r, 200, 12000),
        "ha": str(r.randint(5, 650)),
        "months": str(r.randint(12, 48)),
    },
    "storm": lambda r: {
        "storm": r.choice(
            ["bão số 3", "bão số 5", "áp thấp nhiệt đới", "mưa lớn kéo dài", "lũ quét", "triều cường"]
        ),
        "houses": _num(r, 5, 3500),
        "rice": f"{_num(r, 20, 25000)} ha",
        "rain": f"{_num(r, 80, 650)} mm",
        "evac": _num(r, 50, 40000),
    },
    "health": lambda r: {
        "disease": r.choice(
            ["sốt xuất huyết", "tay chân miệng", "sởi", "cúm A", "ngộ độc thực phẩm", "bạch hầu"]
        ),
        "cases": _num(r, 12, 4800),
        "hospital": f"Bệnh viện Đa khoa khu vực {_place(r)}",
        "vacc": f"{_dec(r, 60.0, 99.0)}%",
    },
    "school": lambda r: {
        "school": f"Trường {r.choice(['THPT', 'THCS', 'Tiểu học'])} {_place(r)}",
        "students": _num(r, 300, 42000),
        "teachers": _num(r, 20, 3000),
        "rooms": str(r.randint(8, 60)),
        "pass": f"{_dec(r, 88.0, 99.9)}%",
    },
    "support": lambda r: {
        "houses2": str(r.randint(5, 900)),
        "gifts": _num(r, 100, 15000),
        "giftval": f"{_num(r, 300, 2000)}.000 đồng",
        "fund": f"Quỹ Vì người nghèo {r.choice(['tỉnh', 'xã', 'phường'])}",
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


CIVIC = (
    "[Theo Ban Tổ chức|Theo đại diện Ban Tổ chức|Ban Tổ chức cho biết], đây là hoạt động [thiết thực|ý nghĩa|có ý nghĩa thiết thực], góp phần [nâng cao đời sống vật chất và tinh thần|chăm lo đời sống|cải thiện đời sống] cho người dân [trên địa bàn|địa phương|{xa}].",
    "Phát biểu [tại buổi lễ|tại sự kiện|chỉ đạo], [ông|bà] {p3}, {r2}, [đánh giá cao|ghi nhận|biểu dương] [sự nỗ lực|những kết quả đạt được|tinh thần chủ động] của [cấp ủy, chính quyền và nhân dân|các ngành, các cấp và người dân] {xa}.",
    "[Dịp này|Nhân dịp này|Tại buổi lễ], UBND tỉnh {province} [đã tặng bằng khen|khen thưởng|trao bằng khen] cho {n2} tập thể và {n3} cá nhân [có thành tích xuất sắc|tiêu biểu|có nhiều đóng góp].",
    "[Được biết|Thời gian qua|Những năm gần đây], tỉnh {province} [luôn quan tâm|đặc biệt quan tâm|thường xuyên] chỉ đạo các [sở, ngành, địa phương|cơ quan, đơn vị] triển khai [đồng bộ nhiều giải pháp|nhiều giải pháp quyết liệt|các giải pháp phù hợp].",
    "[Lãnh đạo tỉnh|Lãnh đạo UBND tỉnh|Ông {p3}] yêu cầu [các địa phương|các xã, phường|các đơn vị] tiếp tục rà soát, kịp thời [tháo gỡ khó khăn, vướng mắc|giải quyết kiến nghị] cho [người dân và doanh nghiệp|người dân|doanh nghiệp].",
    "[Theo ông {p3}|Ông {p3} cho biết], [thời gian tới|trong thời gian tới|từ nay đến cuối năm] địa phương sẽ tiếp tục [phối hợp chặt chẽ với|phối hợp với|cùng] các sở, ngành liên quan [để thực hiện hiệu quả nhiệm vụ được giao|triển khai các nhiệm vụ trọng tâm].",
    "Cũng theo {r2}, năm {year} tỉnh [phấn đấu|đặt mục tiêu|quyết tâm] hoàn thành [và vượt|vượt|toàn bộ] các chỉ tiêu [đề ra|được giao|kinh tế - xã hội].",
    "[Tham dự|Dự] [buổi lễ|chương trình|sự kiện] có [đại diện lãnh đạo|lãnh đạo] các sở, ban, ngành tỉnh {province} [cùng đông đảo người dân|và người dân|cùng bà con] {xa}.",
    "[Theo Ban Tổ chức|Ban Tổ chức cho biết], chương trình nhận được sự [hưởng ứng tích cực|ủng hộ] của các [doanh nghiệp, nhà hảo tâm|mạnh thường quân|tổ chức, cá nhân] [trong và ngoài tỉnh|trên địa bàn].",
)  # fmt: skip

POOLS: dict[str, Pool] = {
    "traffic": Pool(
        leads=(
            "{buoi} {date}, tại {km} {road} đoạn qua {xa}, tỉnh {province} đã xảy ra vụ tai nạn giao thông nghiêm trọng giữa {v1} và {v2}, làm {dead} người tử vong và {injured} người bị thương.",
            "[Vụ va chạm|Vụ tai nạn] giữa {v1} và {v2} trên {road}, đoạn [thuộc|qua] {xa} ({province}), vào {buoi_l} {date} khiến {dead} người chết, {injured} người khác bị thương.",
            "Công an tỉnh {province} đang [khẩn trương điều tra|điều tra, làm rõ] nguyên nhân vụ tai nạn giao thông làm {dead} người tử vong, {injured} người bị thương xảy ra {buoi_l} {date} trên {road}.",
        ),
        body=(
            "[Theo thông tin ban đầu|Theo thông tin từ cơ quan chức năng|Thông tin ban đầu cho biết], [vào khoảng|khoảng|lúc] {hour} giờ {minute} phút [cùng ngày|{date}], {v1} [biển kiểm soát|mang biển số] {plate} do [tài xế|lái xe] {p1} ({age1} tuổi, [trú|ngụ|quê ở] {xa2}) [điều khiển|cầm lái] [lưu thông|chạy] theo hướng {dir}.",
            "Khi [đến|đi đến|lưu thông đến] {km}, {v1} [bất ngờ va chạm với|đã va chạm với|tông vào] {v2} do [anh|ông|chị] {p2} ({age2} tuổi) điều khiển [đi cùng chiều|chạy ngược chiều|đang sang đường].",
            "[Cú va chạm mạnh|Cú tông mạnh|Va chạm mạnh] khiến {v2} bị kéo lê [khoảng|gần|hơn] {n1} m, [nhiều người ngồi trên xe văng ra mặt đường|người điều khiển ngã xuống đường|xe bị biến dạng hoàn toàn].",
            "[Người dân địa phương|Người dân gần đó|Người đi đường] đã [nhanh chóng|kịp thời] [gọi xe cấp cứu|hỗ trợ], đưa [các nạn nhân|người bị nạn] đến [Bệnh viện Đa khoa tỉnh {province}|trạm y tế {xa}|bệnh viện gần nhất] [để cấp cứu|cấp cứu].",
            "[Tuy nhiên|Rất tiếc], do [vết thương quá nặng|bị thương quá nặng|đa chấn thương], {dead} người đã tử vong [trên đường đi cấp cứu|tại chỗ|sau đó].",
            "[Hiện|Hiện nay|Đến chiều cùng ngày], {injured} người bị thương [đang được theo dõi, điều trị|vẫn đang được điều trị|đã được chuyển tuyến] [tại bệnh viện|tại Bệnh viện Chợ Rẫy|tại bệnh viện tuyến trên][, trong đó có người bị chấn thương sọ não|].",
            "Nhận được tin báo, [Phòng Cảnh sát giao thông|lực lượng Cảnh sát giao thông|Công an xã và Cảnh sát giao thông] Công an tỉnh {province} [đã có mặt tại hiện trường|đã nhanh chóng đến hiện trường], [phân luồng giao thông và tổ chức khám nghiệm|tổ chức khám nghiệm, điều tiết giao thông].",
            "Vụ tai nạn khiến giao thông trên {road} [ùn tắc kéo dài|bị ùn ứ|tắc nghẽn] [khoảng|hơn|gần] {n3} km [trong nhiều giờ|trong nhiều tiếng đồng hồ|suốt buổi sáng].",
            "[Đến trưa cùng ngày|Đến chiều|Vài giờ sau], lực lượng chức năng đã [đưa các phương tiện ra khỏi hiện trường|cẩu các phương tiện ra khỏi hiện trường|giải tỏa hiện trường], giao thông [dần trở lại bình thường|được thông suốt].",
            "Theo thống kê của Ban An toàn giao thông tỉnh {province}, [từ đầu năm đến nay|trong {n7} tháng qua|từ đầu năm {year}] trên địa bàn tỉnh đã xảy ra {n4} vụ tai nạn giao thông, làm chết {n5} người [và bị thương {n6} người|].",
            "So với cùng kỳ năm trước, số vụ tai nạn [giảm|tăng] {n6} vụ[ nhưng số người chết vẫn ở mức cao|, số người bị thương giảm|].",
            "Đoạn đường qua {xa} [vốn hẹp|khá hẹp|đang thi công], [có nhiều khúc cua|có nhiều đường nhánh|thiếu đèn chiếu sáng] và thường xuyên có xe tải trọng lớn lưu thông.",
            "[Ông|Trung tá|Thượng tá] {p3}, {r1}, cho biết [lực lượng chức năng|cơ quan công an|đơn vị] đang tạm giữ [tài xế|lái xe] {p1} [để phục vụ công tác điều tra|để làm rõ trách nhiệm].",
            "Kết quả kiểm tra ban đầu cho thấy nồng độ cồn [trong hơi thở|] của [tài xế|lái xe] {p1} {alcohol}.",
            "Chính quyền {xa} đã [đến thăm hỏi|thăm hỏi, động viên], hỗ trợ mỗi gia đình [có người tử vong|nạn nhân] {money2}.",
            "Theo người dân sống [gần hiện trường|quanh khu vực], đoạn đường này [từng xảy ra nhiều vụ tai nạn|là điểm đen tai nạn] [trong năm {year}|thời gian qua].",
            "Lực lượng chức năng đã [trích xuất camera giám sát|thu thập hình ảnh từ camera] của các hộ dân gần hiện trường [để làm rõ diễn biến vụ việc|phục vụ điều tra].",
        ),
        captions=(
            "Hiện trường vụ tai nạn trên {road}. Ảnh: {photog}",
            "Lực lượng chức năng khám nghiệm hiện trường. Ảnh: {photog}",
            "Chiếc {v1} bị hư hỏng nặng sau vụ va chạm. Ảnh: {photog}",
            "Giao thông ùn tắc kéo dài sau vụ tai nạn. Ảnh: {photog}",
        ),
        closings=(
            "Vụ tai nạn đang được cơ quan chức năng tiếp tục điều tra, làm rõ nguyên nhân.",
            "Cơ quan Cảnh sát điều tra Công an tỉnh {province} đang [hoàn tất hồ sơ|củng cố hồ sơ] để xử lý vụ việc theo quy định của pháp luật.",
        ),
        extras=(
            "Trước đó, ngày {date_prev}, trên {road} đoạn qua {xa2} cũng xảy ra vụ va chạm giữa ô tô và xe máy khiến {n7} người bị thương.",
            "Ban An toàn giao thông tỉnh {province} khuyến cáo người tham gia giao thông chấp hành nghiêm quy định về tốc độ, không sử dụng rượu bia khi lái xe, đặc biệt trên các tuyến quốc lộ đông phương tiện.",
        ),
        civic=False,
    ),
    "harvest": Pool(
        leads=(
            "Những ngày này, nông dân {xa}, tỉnh {province} đang tất bật thu hoạch {crop} với năng suất bình quân đạt {yield}, giá bán ở mức {price}.",
            "Vụ {crop} năm nay tại {xa} ({province}) [được mùa, được giá|trúng mùa]: năng suất khoảng {yield}, thương lái thu mua {price}.",
            "Với giá {price} và năng suất {yield}, {crop} đang mang lại nguồn thu [khá|cao] cho nông dân {xa}, tỉnh {province}.",
        ),
        body=(
            "Theo Sở Nông nghiệp và Môi trường tỉnh {province}, [toàn tỉnh có|diện tích toàn tỉnh là|tỉnh hiện có] {area} {crop}, [đến nay|đến thời điểm này|tính đến nay] đã thu hoạch [được khoảng|khoảng|hơn] {pct} diện tích.",
            "[Ông|Bà|Anh] {p1}, nông dân [ở|tại] {xa}, [cho biết|chia sẻ|phấn khởi cho biết] gia đình [trồng|canh tác|có] {n2} công {crop}, [sau khi trừ chi phí lãi khoảng|trừ chi phí còn lãi|thu lãi] {money2}.",
            "So với vụ trước, giá {crop} tăng [từ|khoảng] {n3}.000 [đến|-] {n4}.000 đồng/kg [nên bà con rất phấn khởi|, nông dân phấn khởi|].",
            "[Năm nay|Vụ này] thời tiết [thuận lợi|khá thuận lợi], sâu bệnh [ít xuất hiện|ít gây hại] nên [cây trồng phát triển tốt, cho năng suất cao|{crop} cho năng suất cao|cây phát triển tốt].",
            "Nhiều hộ dân [đã áp dụng|áp dụng|chuyển sang] [quy trình canh tác theo hướng hữu cơ|quy trình VietGAP|canh tác an toàn], giảm lượng phân bón hóa học và thuốc bảo vệ thực vật.",
            "{coop} [hiện liên kết với|đang liên kết với|có] {n5} hộ [dân|thành viên], bao tiêu [toàn bộ sản phẩm|sản phẩm] với giá cao hơn thị trường [từ|khoảng] {n6}.000 đồng/kg.",
            "Theo [ông|bà] {p2}, Giám đốc {coop}, đơn vị đang [mở rộng|phát triển] vùng nguyên liệu [đạt chuẩn xuất khẩu|đạt chuẩn] lên {n7} ha.",
            "[Bà|Ông] {p4}, [một thương lái|thương lái|chủ vựa] tại {xa2}, cho biết mỗi ngày thu mua [khoảng|từ] {n8} tấn [để cung cấp cho các doanh nghiệp chế biến|cung cấp cho các chợ đầu mối|để xuất đi các tỉnh].",
            "Tuy nhiên, [tình trạng thiếu lao động thu hoạch|việc thiếu nhân công] khiến chi phí thuê nhân công tăng lên {n9}.000 đồng/ngày.",
            "Ngành nông nghiệp tỉnh {province} [khuyến cáo|lưu ý] nông dân không [chạy theo phong trào|ồ ạt mở rộng diện tích], sản xuất theo [nhu cầu thị trường|tín hiệu thị trường].",
            "[Hiện|Đến nay] toàn tỉnh đã [cấp|được cấp] {n1} mã số vùng trồng phục vụ xuất khẩu [sang các thị trường khó tính|sang Trung Quốc, Mỹ, châu Âu].",
            "Nhiều diện tích bị ảnh hưởng bởi [hạn mặn|mưa trái mùa] đầu vụ đã được cơ quan chuyên môn hướng dẫn [khắc phục kịp thời|xử lý].",
            "Các máy gặt đập liên hợp hoạt động [liên tục|hết công suất] từ sáng sớm đến chiều tối [để kịp thu hoạch trước khi mưa lớn|để kịp thời vụ].",
            "Để nâng cao giá trị, tỉnh đang hỗ trợ các hợp tác xã [xây dựng nhãn hiệu|xây dựng thương hiệu, truy xuất nguồn gốc] và đưa sản phẩm lên sàn thương mại điện tử.",
            "Theo kế hoạch, vụ sau tỉnh {province} sẽ chuyển đổi thêm {n3} ha [đất kém hiệu quả|đất trồng lúa kém hiệu quả] sang trồng {crop}.",
        ),
        captions=(
            "Nông dân {xa} thu hoạch {crop}. Ảnh: {photog}",
            "Thương lái thu mua {crop} tại vườn. Ảnh: {photog}",
            "Máy gặt đập liên hợp hoạt động trên cánh đồng. Ảnh: {photog}",
            "{crop} được phân loại trước khi xuất bán. Ảnh: {photog}",
        ),
        closings=(
            "Ngành nông nghiệp tỉnh sẽ tiếp tục theo dõi tình hình sản xuất, kịp thời hướng dẫn nông dân chăm sóc cây trồng vụ sau.",
            "Vụ thu hoạch dự kiến kết thúc vào cuối tháng, tổng sản lượng toàn tỉnh ước đạt {big} tấn.",
        ),
        extras=(
            "Cùng thời điểm năm ngoái, giá {crop} chỉ ở mức {n2}.000 đồng/kg, nhiều hộ dân thua lỗ do chi phí vật tư tăng cao.",
            "Theo dự báo của Sở Công Thương tỉnh {province}, nhu cầu tiêu thụ {crop} sẽ tiếp tục tăng trong những tháng cuối năm nhờ các đơn hàng xuất khẩu mới.",
        ),
    ),
    "festival": Pool(
        leads=(
            "{buoi} {date}, tại {xa}, tỉnh {province}, Ban Tổ chức long trọng khai mạc {fest} lần thứ {edition} năm {year}, thu hút hàng nghìn người dân và du khách.",
            "{fest} lần thứ {edition} năm {year} đã chính thức khai mạc vào {buoi_l} {date} tại {xa} ({province}) trong không khí [tưng bừng, náo nhiệt|vui tươi, phấn khởi].",
            "Hàng nghìn người dân và du khách đã đổ về {xa}, tỉnh {province} trong {buoi_l} {date} để dự lễ khai mạc {fest} lần thứ {edition}.",
        ),
        body=(
            "{fest} diễn ra [trong|liên tục trong] {days} ngày với nhiều hoạt động [văn hóa, thể thao|văn hóa, văn nghệ, thể thao] và [nghi lễ truyền thống đặc sắc|nghi thức truyền thống].",
            "Phần lễ gồm các nghi thức [rước sắc, tế lễ|rước kiệu, cúng tế] và dâng hương [tưởng nhớ công đức của các bậc tiền nhân|tri ân các bậc tiền hiền].",
            "Phần hội có các trò chơi dân gian, [hội thi ẩm thực|thi nấu ăn], biểu diễn nghệ thuật và [giải đua thuyền|giải đua ghe|thi kéo co] với sự tham gia của {teams} đội.",
            "[Theo Ban Tổ chức|Ban Tổ chức cho biết], năm nay lễ hội dự kiến đón [khoảng|hơn|trên] {visitors} lượt khách [trong và ngoài tỉnh|thập phương].",
            "[Bà|Ông] {p1}, Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh {province}, cho biết lễ hội là dịp [quảng bá hình ảnh, con người và tiềm năng du lịch|giới thiệu văn hóa, ẩm thực] của địa phương.",
            "Để phục vụ du khách, [địa phương|Ban Tổ chức] đã bố trí {n4} điểm giữ xe, {n5} [quầy hàng|gian hàng] và lực lượng [bảo đảm an ninh trật tự|giữ gìn trật tự].",
            "Lực lượng [công an, dân quân|công an và đoàn viên thanh niên] được huy động tuần tra, bảo đảm an toàn cho người dân và du khách [suốt thời gian diễn ra lễ hội|trong những ngày lễ hội].",
            "Nhiều du khách đến từ {phuong} cho biết [rất ấn tượng với|thích thú với] không gian văn hóa và các món ăn đặc sản của vùng đất {province}.",
            "Năm {year}, {fest} được tổ chức với quy mô lớn hơn, [bổ sung thêm|có thêm] hội chợ thương mại và triển lãm ảnh.",
            "Các đội thi đã tập luyện [nhiều tháng|hàng tháng trời] trước lễ hội, trong đó có đội đến từ {xa2} lần đầu tham dự.",
            "[Ông|Bà] {p2}, [một nghệ nhân lâu năm|nghệ nhân] tại {xa}, chia sẻ lễ hội là dịp để thế hệ trẻ [hiểu hơn về|tiếp nối] truyền thống của quê hương.",
            "Năm ngoái, lễ hội thu hút {big} lượt khách, doanh thu [dịch vụ du lịch|từ du lịch] đạt khoảng {money}.",
            "Ban Tổ chức khuyến cáo du khách [thực hiện nếp sống văn minh|ứng xử văn minh], không chen lấn, xô đẩy và giữ gìn vệ sinh môi trường.",
            "[Đặc biệt|Nổi bật], chương trình nghệ thuật khai mạc có sự tham gia của hơn {n6} [diễn viên, nghệ sĩ|nghệ sĩ, diễn viên] chuyên nghiệp và quần chúng.",
        ),
        captions=(
            "Nghi thức rước sắc tại {fest}. Ảnh: {photog}",
            "Đông đảo du khách tham dự lễ khai mạc. Ảnh: {photog}",
            "Tiết mục nghệ thuật tại lễ khai mạc. Ảnh: {photog}",
            "Giải đua thuyền thu hút đông người xem. Ảnh: {photog}",
        ),
        closings=(
            "{fest} sẽ bế mạc vào tối ngày cuối cùng với chương trình nghệ thuật và trao giải các hội thi.",
            "Lễ hội kéo dài đến hết ngày {date_prev} tháng sau, Ban Tổ chức đề nghị du khách theo dõi lịch trình trên trang thông tin của địa phương.",
        ),
        extras=(
            "{fest} đã được công nhận là Di sản văn hóa phi vật thể quốc gia, là niềm tự hào của người dân {province}.",
            "Trong khuôn khổ lễ hội còn có hội chợ nông sản với {n3} gian hàng giới thiệu sản phẩm OCOP của các xã, phường trong tỉnh.",
        ),
    ),
    "invest": Pool(
        leads=(
            "{buoi} {date}, UBND tỉnh {province} phối hợp với {investor} tổ chức lễ khởi công {project} {pname} tại {xa}, tổng vốn đầu tư {money}.",
            "Dự án {project} {pname} có tổng vốn {money} do {investor} làm chủ đầu tư đã chính thức khởi công vào {buoi_l} {date} tại {xa} ({province}).",
            "Tỉnh {province} vừa khởi công {project} {pname} quy mô {ha} ha, vốn đầu tư {money}, dự kiến tạo việc làm cho {jobs} lao động.",
        ),
        body=(
            "Dự án có quy mô {ha} ha, [được triển khai trong|thi công trong|thực hiện trong] {months} tháng, dự kiến tạo việc làm cho [khoảng|hơn] {jobs} lao động [địa phương|tại chỗ].",
            "[Theo ông|Ông] {p1}, Tổng Giám đốc {investor}, [đơn vị cam kết|cho biết công ty sẽ] huy động đủ nguồn lực để hoàn thành dự án [đúng tiến độ|đúng hạn, bảo đảm chất lượng].",
            "Đây là một trong những dự án [trọng điểm|động lực|quan trọng] của tỉnh {province} trong giai đoạn {year} - 2030.",
            "Khi đi vào hoạt động, dự án sẽ góp phần [thúc đẩy phát triển kinh tế - xã hội|tạo động lực tăng trưởng], tăng thu ngân sách cho địa phương.",
            "[Ông|Bà] {p2}, {r1}, đề nghị chủ đầu tư bảo đảm chất lượng công trình, [an toàn lao động và vệ sinh môi trường|an toàn thi công, không ảnh hưởng đời sống người dân].",
            "[Đến nay|Hiện nay], công tác giải phóng mặt bằng đã hoàn thành {pct}, {n2} hộ dân bị ảnh hưởng đã [nhận tiền bồi thường|được chi trả bồi thường, hỗ trợ].",
            "Tỉnh cũng đã bố trí khu tái định cư tại {xa2} với {n3} nền [nhà|đất] cho các hộ dân phải di dời.",
            "Từ đầu năm đến nay, {province} đã thu hút {n4} dự án đầu tư mới với tổng vốn đăng ký [khoảng|hơn] {big} tỷ đồng.",
            "Lãnh đạo tỉnh cam kết [tạo mọi điều kiện thuận lợi|tạo điều kiện tốt nhất], đồng hành cùng nhà đầu tư [trong suốt quá trình triển khai dự án|trong quá trình thực hiện].",
            "Hạ tầng giao thông kết nối với dự án gồm tuyến đường dài {n5} km đang được tỉnh đầu tư xây dựng.",
            "Theo thiết kế, dự án có {n6} hạng mục chính, trong đó giai đoạn 1 dự kiến hoàn thành vào năm {year}.",
            "Nhiều người dân {xa} kỳ vọng dự án sẽ mang lại việc làm ổn định, giúp lao động trẻ không phải [đi làm ăn xa|rời quê].",
            "Dự án áp dụng [công nghệ hiện đại|công nghệ tiên tiến], thân thiện với môi trường, sử dụng năng lượng tái tạo trong vận hành.",
            "Tỉnh {province} đang hoàn thiện quy hoạch, cải cách thủ tục hành chính để nâng cao [chỉ số năng lực cạnh tranh|môi trường đầu tư kinh doanh].",
        ),
        captions=(
            "Các đại biểu thực hiện nghi thức khởi công dự án. Ảnh: {photog}",
            "Phối cảnh {project} {pname}. Ảnh: {photog}",
            "Lãnh đạo tỉnh {province} phát biểu tại lễ khởi công. Ảnh: {photog}",
            "Mặt bằng dự án tại {xa}. Ảnh: {photog}",
        ),
        closings=(
            "Dự kiến dự án sẽ hoàn thành và đưa vào sử dụng sau {months} tháng thi công.",
            "Sau lễ khởi công, các nhà thầu sẽ triển khai đồng loạt các hạng mục, bảo đảm tiến độ theo cam kết.",
        ),
        extras=(
            "Trước đó, tháng {n1} năm ngoái, {investor} đã được UBND tỉnh {province} cấp quyết định chủ trương đầu tư dự án.",
            "Tỉnh đang kêu gọi đầu tư thêm {n7} dự án trong lĩnh vực công nghiệp chế biến, logistics và du lịch với tổng vốn hơn {big} tỷ đồng.",
        ),
    ),
    "storm": Pool(
        leads=(
            "Do ảnh hưởng của {storm}, từ đêm {date_prev} đến {buoi_l} {date}, nhiều địa phương tỉnh {province} có mưa to, lượng mưa phổ biến {rain}, gây thiệt hại nặng về nhà cửa và sản xuất.",
            "{storm} gây mưa lớn trên diện rộng tại {province} từ đêm {date_prev}, làm hư hỏng {houses} căn nhà và ngập {rice} lúa, hoa màu.",
            "Tính đến {buoi_l} {date}, {storm} đã làm {houses} căn nhà ở {province} bị hư hỏng, tốc mái, {rice} lúa và hoa màu bị ngập úng.",
        ),
        body=(
            "Theo báo cáo nhanh của Ban Chỉ huy phòng thủ dân sự tỉnh {province}, {storm} đã làm {houses} căn nhà [bị hư hỏng, tốc mái|bị sập, tốc mái|hư hỏng].",
            "[Ngoài ra|Bên cạnh đó], khoảng {rice} lúa và hoa màu bị ngập úng, [nhiều tuyến đường giao thông nông thôn bị sạt lở|nhiều tuyến đường bị chia cắt].",
            "Tại {xa}, nước lũ dâng cao làm {n2} hộ dân bị cô lập, lực lượng chức năng phải dùng [xuồng|ca nô] để tiếp tế lương thực.",
            "Chính quyền địa phương đã [di dời|sơ tán] {evac} người dân ở [vùng trũng thấp, ven sông|khu vực nguy cơ sạt lở] đến nơi an toàn.",
            "[Ông|Bà] {p1}, {r1}, đã trực tiếp kiểm tra [tình hình|hiện trường] và chỉ đạo khắc phục hậu quả tại {xa}.",
            "Lực lượng [quân đội, công an và dân quân|bộ đội, công an, dân quân tự vệ] được huy động giúp người dân [gia cố nhà cửa, thu hoạch lúa chạy lũ|dọn dẹp, sửa chữa nhà cửa].",
            "Ngành điện lực đã [khẩn trương khắc phục sự cố|khắc phục sự cố lưới điện], khôi phục cấp điện cho khoảng {n3} khách hàng [bị mất điện|].",
            "Mưa lớn cũng gây sạt lở {n4} m bờ kè tại {xa2}, đe dọa an toàn của nhiều hộ dân sống [gần bờ sông|ven sông].",
            "Theo Đài Khí tượng Thủy văn tỉnh {province}, trong 24 giờ tới khu vực tiếp tục có [mưa vừa, mưa to, có nơi mưa rất to|mưa rào và dông].",
            "Tổng thiệt hại ban đầu ước tính khoảng {money}, các địa phương đang tiếp tục thống kê.",
            "[Bà|Ông] {p2}, người dân {xa}, cho biết nước lên nhanh trong đêm khiến gia đình không kịp [di chuyển tài sản|kê dọn đồ đạc].",
            "UBND tỉnh đã xuất {n5} tấn gạo dự trữ để hỗ trợ kịp thời các hộ dân bị thiệt hại.",
            "Các trường học tại vùng bị ảnh hưởng đã cho học sinh nghỉ học để bảo đảm an toàn.",
            "Ngành nông nghiệp khuyến cáo người dân khẩn trương tiêu úng, khôi phục sản xuất ngay sau khi nước rút.",
        ),
        captions=(
            "Nhiều căn nhà ở {xa} bị tốc mái sau {storm}. Ảnh: {photog}",
            "Lực lượng chức năng giúp người dân di dời tài sản. Ảnh: {photog}",
            "Lúa bị ngập úng trên diện rộng. Ảnh: {photog}",
            "Bờ kè sạt lở tại {xa2}. Ảnh: {photog}",
        ),
        closings=(
            "Hiện các địa phương đang tiếp tục thống kê thiệt hại và triển khai các biện pháp khắc phục hậu quả.",
            "Ban Chỉ huy phòng thủ dân sự tỉnh yêu cầu các địa phương trực ban nghiêm túc, sẵn sàng ứng phó với mưa lũ trong những ngày tới.",
        ),
        extras=(
            "Trước đó, ngày {date_prev}, UBND tỉnh {province} đã ban hành công điện khẩn yêu cầu các địa phương chủ động ứng phó với {storm}.",
            "Đây là đợt mưa lớn nhất trên địa bàn tỉnh từ đầu năm, lượng mưa tại một số trạm đo vượt {rain}.",
        ),
        civic=False,
    ),
    "health": Pool(
        leads=(
            "Từ đầu năm đến nay, tỉnh {province} ghi nhận {cases} ca mắc {disease}, tăng mạnh so với cùng kỳ năm trước; ngành y tế đang triển khai nhiều biện pháp phòng, chống dịch.",
            "Số ca mắc {disease} tại {province} từ đầu năm đã lên {cases} ca, Sở Y tế tỉnh khuyến cáo người dân chủ động phòng bệnh.",
            "Trước diễn biến phức tạp của {disease} với {cases} ca mắc từ đầu năm, tỉnh {province} đã ra quân chiến dịch phòng, chống dịch.",
        ),
        body=(
            "Theo Trung tâm Kiểm soát bệnh tật tỉnh {province}, số ca mắc tập trung [chủ yếu|nhiều nhất] ở {xa}, {xa2} và {phuong}.",
            "[Hiện|Hiện nay] {hospital} đang điều trị nội trú cho {n2} bệnh nhân, trong đó có {n1} trường hợp [nặng|diễn tiến nặng].",
            "Bác sĩ {p1}, Trưởng khoa [Truyền nhiễm|Nhi|Hồi sức tích cực] {hospital}, cho biết [phần lớn|nhiều] bệnh nhân nhập viện muộn khi đã có dấu hiệu cảnh báo.",
            "Ngành y tế đã phối hợp với chính quyền địa phương [tổ chức phun hóa chất, diệt lăng quăng|khoanh vùng, xử lý ổ dịch] tại các khu vực có ổ dịch.",
            "Tỷ lệ tiêm chủng đầy đủ cho trẻ em trên địa bàn tỉnh hiện đạt {vacc}, [thấp hơn mục tiêu đề ra|chưa đạt yêu cầu].",
            "[Ông|Bà] {p2}, Giám đốc Sở Y tế tỉnh {province}, yêu cầu các cơ sở y tế chuẩn bị đầy đủ [thuốc, vật tư và giường bệnh|thuốc, trang thiết bị và nhân lực].",
            "Người dân khi có biểu hiện [sốt cao, mệt mỏi|sốt, phát ban] cần đến ngay cơ sở y tế để được khám và điều trị kịp thời.",
            "Trong tuần qua, toàn tỉnh ghi nhận thêm {n3} ca mắc mới, [tăng|giảm] {n4} ca so với tuần trước.",
            "Các trường học được yêu cầu thường xuyên vệ sinh [lớp học, đồ chơi|trường lớp] và theo dõi sức khỏe học sinh.",
            "Trung tâm Y tế khu vực đã thành lập {n5} đội phản ứng nhanh để [giám sát, xử lý ổ dịch ngay khi phát hiện|xử lý dịch kịp thời].",
            "[Bà|Ông|Chị] {p4}, người dân {xa}, cho biết cả gia đình đã được nhân viên y tế hướng dẫn cách phòng bệnh tại nhà.",
            "Theo dự báo, số ca mắc có thể tiếp tục tăng trong [mùa mưa|những tháng tới] do điều kiện thời tiết thuận lợi cho mầm bệnh phát triển.",
            "Sở Y tế đã thành lập đoàn kiểm tra công tác phòng, chống dịch tại {n6} xã, phường có số ca mắc cao.",
            "Kinh phí dành cho công tác phòng, chống dịch năm {year} của tỉnh là {money2}.",
        ),
        captions=(
            "Nhân viên y tế phun hóa chất tại {xa}. Ảnh: {photog}",
            "Bệnh nhân điều trị tại {hospital}. Ảnh: {photog}",
            "Tiêm chủng cho trẻ em tại trạm y tế. Ảnh: {photog}",
            "Cán bộ y tế hướng dẫn người dân phòng bệnh. Ảnh: {photog}",
        ),
        closings=(
            "Ngành y tế khuyến cáo người dân không tự ý điều trị tại nhà, đến cơ sở y tế ngay khi có triệu chứng nghi ngờ.",
            "Sở Y tế tỉnh {province} sẽ tiếp tục cập nhật tình hình dịch bệnh và thông báo rộng rãi đến người dân.",
        ),
        extras=(
            "Năm ngoái, toàn tỉnh ghi nhận {big} ca mắc {disease}, trong đó có {n1} trường hợp tử vong.",
            "Bộ Y tế đã cử đoàn công tác đến {province} để hỗ trợ chuyên môn, hướng dẫn điều trị và giám sát dịch tễ tại các ổ dịch.",
        ),
        civic=False,
    ),
    "school": Pool(
        leads=(
            "{buoi} {date}, {school} ({xa}, tỉnh {province}) tổ chức lễ khánh thành và đưa vào sử dụng khối phòng học mới gồm {rooms} phòng, tổng kinh phí {money}.",
            "Khối phòng học mới với {rooms} phòng của {school} tại {xa} ({province}) đã được khánh thành vào {buoi_l} {date}, kinh phí {money}.",
            "Học sinh {school}, tỉnh {province} vui mừng khi khối {rooms} phòng học mới trị giá {money} chính thức đưa vào sử dụng từ {date}.",
        ),
        body=(
            "Công trình được xây dựng trong {n1} tháng từ nguồn vốn [ngân sách tỉnh và vốn xã hội hóa|ngân sách nhà nước|chương trình mục tiêu quốc gia].",
            "Ngoài phòng học, công trình còn có [phòng thí nghiệm, thư viện|phòng bộ môn, thư viện], phòng tin học và nhà đa năng.",
            "Năm học {year}, toàn tỉnh {province} có {students} học sinh, tăng {n2} học sinh so với năm học trước.",
            "[Thầy|Cô] {p1}, Hiệu trưởng {school}, cho biết trước đây nhiều lớp phải học [nhờ tại nhà văn hóa ấp|trong phòng học tạm, xuống cấp].",
            "Ngành giáo dục tỉnh hiện còn thiếu khoảng {teachers} giáo viên, chủ yếu ở các môn [tiếng Anh, tin học và nghệ thuật|tin học, âm nhạc, mỹ thuật].",
            "Tỷ lệ học sinh tốt nghiệp trung học phổ thông năm qua của tỉnh đạt {pass}, [cao hơn bình quân cả nước|tăng so với năm trước].",
            "[Ông|Bà] {p2}, Giám đốc Sở Giáo dục và Đào tạo tỉnh {province}, đề nghị nhà trường [sử dụng hiệu quả|giữ gìn, khai thác hiệu quả] cơ sở vật chất được đầu tư.",
            "Em {p4}, học sinh lớp {n3} của trường, chia sẻ phòng học mới [rộng rãi, thoáng mát|khang trang, đầy đủ tiện nghi] giúp các em học tập tốt hơn.",
            "Từ nay đến cuối năm, tỉnh tiếp tục đầu tư {n4} công trình trường học với tổng vốn khoảng {big} tỷ đồng.",
            "Nhà trường hiện có {n5} lớp với hơn {n6} học sinh, đội ngũ giáo viên đạt chuẩn 100%.",
            "[Dịp này|Nhân dịp này], các doanh nghiệp đã trao tặng {n7} suất học bổng cho học sinh [nghèo vượt khó học giỏi|có hoàn cảnh khó khăn].",
            "Tỉnh {province} phấn đấu đến năm 2030 có trên {pct} trường học đạt chuẩn quốc gia.",
            "Địa phương cũng đã hoàn thành việc sắp xếp, sáp nhập các điểm trường lẻ để tập trung nguồn lực đầu tư.",
        ),
        captions=(
            "Khối phòng học mới của {school}. Ảnh: {photog}",
            "Các đại biểu cắt băng khánh thành công trình. Ảnh: {photog}",
            "Học sinh trong giờ học tại phòng học mới. Ảnh: {photog}",
            "Trao học bổng cho học sinh nghèo vượt khó. Ảnh: {photog}",
        ),
        closings=(
            "Công trình đưa vào sử dụng góp phần nâng cao chất lượng dạy và học, đáp ứng yêu cầu đổi mới giáo dục.",
            "Nhà trường cam kết giữ gìn, phát huy hiệu quả công trình, nâng cao chất lượng giáo dục toàn diện.",
        ),
        extras=(
            "Trước đó, năm {year}, {school} đã được công nhận đạt chuẩn quốc gia mức độ {n1}.",
            "Theo Sở Giáo dục và Đào tạo, toàn tỉnh còn {n8} phòng học tạm, phòng học nhờ cần được đầu tư xây mới trong thời gian tới.",
        ),
    ),
    "support": Pool(
        leads=(
            "{buoi} {date}, {fund} phối hợp với {sponsor} tổ chức trao {gifts} phần quà, mỗi phần trị giá {giftval}, cho hộ nghèo, hộ cận nghèo tại {xa}, tỉnh {province}.",
            "{gifts} phần quà trị giá {giftval} mỗi phần đã được trao đến hộ nghèo, cận nghèo {xa} ({province}) vào {buoi_l} {date}.",
            "Hộ nghèo, cận nghèo tại {xa}, tỉnh {province} đã nhận {gifts} phần quà của {fund} và {sponsor} trong {buoi_l} {date}.",
        ),
        body=(
            "Mỗi phần quà gồm [gạo, dầu ăn, nước mắm, sữa và tiền mặt|gạo, mì tôm, đường, sữa|nhu yếu phẩm và tiền mặt], tổng trị giá chương trình khoảng {money2}.",
            "Cũng trong dịp này, {fund} trao kinh phí hỗ trợ xây dựng {houses2} căn nhà [đại đoàn kết|tình thương] cho hộ khó khăn về nhà ở.",
            "[Bà|Ông|Chị] {p1}, hộ nghèo ở {xa}, xúc động cho biết phần quà giúp gia đình bớt khó khăn [trong dịp lễ, Tết|trong lúc khó khăn].",
            "Năm {year}, toàn tỉnh {province} còn {n3} hộ nghèo, chiếm {pct} tổng số hộ dân.",
            "Từ đầu năm đến nay, {fund} đã vận động được hơn {money} từ các tổ chức, cá nhân.",
            "Tỉnh đặt mục tiêu xóa nhà tạm, nhà dột nát cho {n4} hộ trong năm nay.",
            "[Ông|Bà] {p2}, đại diện {sponsor}, cho biết doanh nghiệp sẽ tiếp tục đồng hành với địa phương trong các hoạt động [an sinh xã hội|thiện nguyện].",
            "Ngoài tặng quà, đoàn còn tổ chức khám bệnh, cấp thuốc miễn phí cho {n5} người [cao tuổi|dân].",
            "Chính quyền {xa} đã rà soát kỹ danh sách, bảo đảm quà đến đúng đối tượng, [công khai, minh bạch|đúng quy định].",
            "Nhiều hộ nghèo được hỗ trợ vay vốn ưu đãi để [chăn nuôi, trồng trọt|sản xuất, kinh doanh], vươn lên thoát nghèo bền vững.",
            "Chương trình đã trao {n6} chiếc xe đạp cho học sinh có hoàn cảnh khó khăn tại {xa2}.",
            "[Ông|Bà] {p4}, người dân {xa}, cho biết căn nhà mới giúp gia đình yên tâm [vào mùa mưa bão|an cư, lạc nghiệp].",
        ),
        captions=(
            "Trao quà cho hộ nghèo tại {xa}. Ảnh: {photog}",
            "Bàn giao nhà đại đoàn kết. Ảnh: {photog}",
            "Khám bệnh, cấp thuốc miễn phí cho người cao tuổi. Ảnh: {photog}",
            "Đại diện {sponsor} trao quà. Ảnh: {photog}",
        ),
        closings=(
            "Chương trình sẽ tiếp tục được tổ chức tại các xã, phường khác trong tỉnh đến hết tháng.",
            "Thời gian tới, {fund} tiếp tục vận động nguồn lực để chăm lo cho người nghèo, người có hoàn cảnh khó khăn.",
        ),
        extras=(
            "Năm ngoái, chương trình đã trao {big} phần quà và hỗ trợ xây dựng {n7} căn nhà cho hộ nghèo trên địa bàn tỉnh.",
            "Theo Ủy ban MTTQ Việt Nam tỉnh {province}, công tác giảm nghèo đã có nhiều chuyển biến tích cực, tỷ lệ hộ nghèo giảm bình quân {n1}% mỗi năm.",
        ),
    ),
}
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


_EDITS = (
    ("cho biết", "cho hay"), ("khoảng", "chừng"), ("người dân", "bà con"), ("Tuy nhiên", "Song"),
    ("nhiều", "không ít"), ("đến nay", "nay"), ("đã ", ""), ("Hiện ", "Hiện nay "), ("các ", "những "),
    ("rất ", ""), ("tiếp tục", "sẽ tiếp tục"),
)  # fmt: skip


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


# ---------------------------------------------------------------------------------------------------------
# Calibration: similarity distributions of copies and of distinct stories, error rates per threshold
# ---------------------------------------------------------------------------------------------------------

LISTED = ("relead", "captions", "add_paragraph", "drop_closing", "retag", "nfd", "whitespace")
"""The perturbations the issue lists; `copyedit` and `tone_style` are ours on top."""
QUANTILES = (0.0, 0.01, 0.05, 0.5, 0.95, 0.99, 1.0)


@dataclass
class PairSets:
    positive: dict[str, list[tuple[str, str]]]
    negative: dict[str, list[tuple[str, str]]]


def calibration_pairs(seeds: Iterable[int] = (1, 2, 3), *, other_topic_share: float = 0.02) -> PairSets:
    """Pairs of texts that must cluster (by perturbation) and pairs that must not (by how close)."""
    positive: dict[str, list[tuple[str, str]]] = {}
    negative: dict[str, list[tuple[str, str]]] = {"same type+province": [], "same type": [], "other type": []}
    for seed in seeds:
        stories = make_stories(seed)
        rng = random.Random(seed)
        for s in stories:
            original = s.text()
            for name in PERTURBATIONS:
                positive.setdefault(name, []).append((original, perturb(s, [name], rng)))
            positive.setdefault("listed, all at once", []).append((original, perturb(s, LISTED, rng)))
            positive.setdefault("all nine at once", []).append((original, syndicate(s, rng, everything=True)))
            copy_a, copy_b = syndicate(s, rng), syndicate(s, rng)
            positive.setdefault("syndicated (3+ random)", []).append((original, copy_a))
            positive.setdefault("copy vs copy", []).append((copy_a, copy_b))
        for i, one in enumerate(stories):
            for other in stories[i + 1 :]:
                if one.topic != other.topic:
                    if rng.random() < other_topic_share:
                        negative["other type"].append((one.text(), other.text()))
                elif one.province == other.province:
                    negative["same type+province"].append((one.text(), other.text()))
                elif rng.random() < 0.3:
                    negative["same type"].append((one.text(), other.text()))
    return PairSets(positive, negative)


def _q(values: list[float], qs: Iterable[float] = QUANTILES) -> list[float]:
    ordered = sorted(values)
    return [ordered[round(q * (len(ordered) - 1))] for q in qs]


def _fmt(values: Iterable[float]) -> str:
    return " | ".join(f"{v:.3f}" for v in values)


def calibrate(seeds: Iterable[int] = (1, 2, 3)) -> None:
    """Print the tables of docs/near-duplicates.md (markdown)."""
    seeds = tuple(seeds)
    started = time.perf_counter()
    pairs = calibration_pairs(seeds)
    words: dict[str, list[str]] = {}

    def syl(text: str) -> list[str]:
        if text not in words:  # interned: ten thousand texts' syllables cost pointers, not strings
            words[text] = [sys.intern(w) for w in neardup.syllables(text)]
        return words[text]

    groups = {**pairs.positive, **pairs.negative}
    n_pos = sum(map(len, pairs.positive.values()))
    n_neg = sum(map(len, pairs.negative.values()))
    lengths = [len(syl(a)) for a, _ in pairs.positive["retag"]]
    print(f"{len(lengths)} stories ({len(seeds)} seeds), syllables min/median/max "
          f"{min(lengths)}/{statistics.median(lengths):.0f}/{max(lengths)}; "
          f"{n_pos} pairs that must cluster, {n_neg} that must not\n")  # fmt: skip

    print(
        "### Exact Jaccard similarity by shingle length k (p1 of copies, p99 and max of distinct stories)\n"
    )
    ks = (3, 4, 5, 6, 7, 8)
    print("| pairs | " + " | ".join(f"k={k}" for k in ks) + " |")
    print("|---|" + "---|" * len(ks))
    exact: dict[int, dict[str, list[float]]] = {}
    for k in ks:
        sets: dict[str, set[int]] = {}

        def sh(text: str, k: int = k, sets: dict[str, set[int]] = sets) -> set[int]:
            if text not in sets:
                sets[text] = shingles(syl(text), k)
            return sets[text]

        exact[k] = {name: [jaccard(sh(a), sh(b)) for a, b in ps] for name, ps in groups.items()}
    for name in groups:
        if name in pairs.positive:
            cells = [f"{_q(exact[k][name], [0.01])[0]:.3f}" for k in ks]
        else:
            cells = [_fmt(_q(exact[k][name], [0.99, 1.0])).replace(" | ", " / ") for k in ks]
        print(f"| {name} | " + " | ".join(cells) + " |")
    gaps = []
    for k in ks:
        low = min(_q(exact[k][n], [0.01])[0] for n in pairs.positive)
        high = max(_q(exact[k][n], [0.99])[0] for n in pairs.negative)
        gaps.append(f"{low - high:+.3f}")
    print("| **gap**: lowest copy p1 − highest distinct p99 | " + " | ".join(gaps) + " |\n")

    k = neardup.SHINGLE_SYLLABLES
    print(f"### k = {k}: exact Jaccard and the index's estimate (128 bins), quantiles\n")
    print(
        "| pairs | n | exact min / p1 / p5 / median / p95 / p99 / max | estimated min / p1 / median / p99 / max |"
    )
    print("|---|---|---|---|")
    sigs: dict[str, bytes | None] = {}

    def sig(text: str) -> bytes | None:
        if text not in sigs:
            sigs[text] = signature(shingles(syl(text), k))
        return sigs[text]

    est: dict[str, list[float]] = {}
    for name, ps in groups.items():
        est[name] = []
        for a, b in ps:
            sa, sb = sig(a), sig(b)
            assert sa is not None and sb is not None
            est[name].append(neardup.similarity(sa, sb))
        e = _q(exact[k][name])
        print(f"| {name} | {len(ps)} | {_fmt(e).replace(' | ', ' / ')} | "
              f"{_fmt(_q(est[name], [0.0, 0.01, 0.5, 0.99, 1.0])).replace(' | ', ' / ')} |")  # fmt: skip

    print(f"\n### Errors by threshold (estimated similarity, k = {k}, 128 bins)\n")
    thresholds = (0.30, 0.34, 0.36, 0.38, 0.40, 0.42, 0.44, 0.46, 0.50, 0.55)
    print("| pairs | " + " | ".join(f"{t:.2f}" for t in thresholds) + " |")
    print("|---|" + "---|" * len(thresholds))
    for name in groups:
        vals = est[name]
        if name in pairs.positive:
            cells = [f"{100 * sum(v < t for v in vals) / len(vals):.1f}%" for t in thresholds]
            print(f"| missed: {name} | " + " | ".join(cells) + " |")
        else:
            cells = [f"{100 * sum(v >= t for v in vals) / len(vals):.2f}%" for t in thresholds]
            print(f"| merged: {name} | " + " | ".join(cells) + " |")
    fn = [sum(sum(v < t for v in est[n]) for n in pairs.positive) for t in thresholds]
    fp = [sum(sum(v >= t for v in est[n]) for n in pairs.negative) for t in thresholds]
    print(
        "| **missed copies / merged stories** | "
        + " | ".join(f"{a} / {b}" for a, b in zip(fn, fp, strict=True))
        + " |"
    )

    _estimator_accuracy(pairs, syl, k)
    _lsh_table()
    _short_stories(seeds)
    _index_end_to_end(seeds)
    print(f"\n(calibration took {time.perf_counter() - started:.0f} s)")


def _classic_minhash(hashes: set[int], num_perm: int = 128) -> list[int]:
    """Reference: `num_perm` universal hash functions (a*x + b) mod (2^61 - 1), one minimum each."""
    prime = (1 << 61) - 1
    rng = random.Random(1)
    params = [(rng.randrange(1, prime), rng.randrange(prime)) for _ in range(num_perm)]
    return [min([(a * x + b) % prime for x in hashes]) for a, b in params]


def _estimator_accuracy(pairs: PairSets, syl: Callable[[str], list[str]], k: int) -> None:
    print("\n### Estimator: one-permutation MinHash (16-bit bins) against classic MinHash, 128 each\n")
    rng = random.Random(5)
    sample = rng.sample(
        pairs.positive["syndicated (3+ random)"]
        + pairs.positive["copy vs copy"]
        + pairs.negative["same type+province"],
        150,
    )
    oph_err, classic_err = [], []
    oph_time = classic_time = 0.0
    for a, b in sample:
        sa, sb = shingles(syl(a), k), shingles(syl(b), k)
        true = jaccard(sa, sb)
        t0 = time.perf_counter()
        oa, ob = signature(sa), signature(sb)
        t1 = time.perf_counter()
        ca, cb = _classic_minhash(sa), _classic_minhash(sb)
        t2 = time.perf_counter()
        oph_time += t1 - t0
        classic_time += t2 - t1
        assert oa is not None and ob is not None
        oph_err.append(neardup.similarity(oa, ob) - true)
        classic_err.append(sum(x == y for x, y in zip(ca, cb, strict=True)) / 128 - true)
    n = 2 * len(sample)
    print("| estimator | mean error | std of error | max abs error | ms per signature (pure Python) |")
    print("|---|---|---|---|---|")
    for name, errs, secs in (("one-permutation, densified, 16-bit", oph_err, oph_time), ("classic, 128 hash functions", classic_err, classic_time)):  # fmt: skip
        print(f"| {name} | {statistics.fmean(errs):+.4f} | {statistics.pstdev(errs):.4f} | "
              f"{max(map(abs, errs)):.3f} | {1000 * secs / n:.2f} |")  # fmt: skip
    texts = [a for a, _ in sample[:50]]
    t0 = time.perf_counter()
    for text in texts:
        neardup.text_signature(text)
    per_text = 1000 * (time.perf_counter() - t0) / len(texts)
    print(
        f"\nWhole `text_signature` (normalize, syllables, shingles, signature): {per_text:.2f} ms per story."
    )
    try:
        import numpy as np  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print("(numpy not installed here: the vectorized classic MinHash was not timed)")
        return
    prime = (1 << 61) - 1
    prng = np.random.default_rng(1)
    a_ = prng.integers(1, prime, 128, dtype=np.uint64)[:, None]
    b_ = prng.integers(0, prime, 128, dtype=np.uint64)[:, None]
    sets = [shingles(syl(t), k) for t in texts]
    for s in sets[:2]:  # warm up both
        signature(s)
        np.fromiter(s, dtype=np.uint64, count=len(s))
    t0 = time.perf_counter()
    for s in sets:
        signature(s)
    oph_warm = 1000 * (time.perf_counter() - t0) / len(sets)
    t0 = time.perf_counter()
    for s in sets:
        x = np.fromiter(s, dtype=np.uint64, count=len(s)) >> np.uint64(32)
        ((a_ * x + b_) % np.uint64(prime)).min(axis=1)
    print(f"one-permutation, pure Python, warm: {oph_warm:.2f} ms per signature")
    print(f"numpy classic MinHash (datasketch's method): {1000 * (time.perf_counter() - t0) / len(sets):.2f} ms "
          f"per signature, numpy {np.__version__}")  # fmt: skip


def _lsh_table() -> None:
    bands, rows = neardup.NUM_PERM // neardup.ROWS, neardup.ROWS
    print(f"\n### LSH: {bands} bands of {rows} bins; probability that a pair becomes a candidate\n")
    sims = (0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
    print("| similarity | " + " | ".join(f"{s:.2f}" for s in sims) + " |")
    print("|---|" + "---|" * len(sims))
    for b, r in ((32, 4), (42, 3), (64, 2)):
        cells = [f"{1 - (1 - s**r) ** b:.4f}" for s in sims]
        mark = " (chosen)" if (b, r) == (bands, rows) else ""
        print(f"| {b} × {r}{mark} | " + " | ".join(cells) + " |")


def _short_stories(seeds: Iterable[int]) -> None:
    """Briefs of one or two paragraphs: what is missed and whether anything merges."""
    copies: list[tuple[int, float]] = []
    distinct: list[tuple[int, float]] = []
    for seed in seeds:
        briefs = make_stories(seed, short_share=1.0)
        rng = random.Random(seed)
        sig = {s.key: neardup.text_signature(s.text(), min_syllables=0) for s in briefs}
        for s in briefs:
            a, b = sig[s.key], neardup.text_signature(syndicate(s, rng), min_syllables=0)
            assert a is not None and b is not None
            copies.append((len(neardup.syllables(s.text())), neardup.similarity(a, b)))
        for i, one in enumerate(briefs):
            for other in briefs[i + 1 :]:
                if (one.topic, one.province) == (other.topic, other.province):
                    a, b = sig[one.key], sig[other.key]
                    assert a is not None and b is not None
                    distinct.append((len(neardup.syllables(one.text())), neardup.similarity(a, b)))
    t = neardup.THRESHOLD
    print(f"\n### Short stories (one or two paragraphs), threshold {t}\n")
    print("| syllables | syndicated copies | missed | distinct pairs, same type+province | merged |")
    print("|---|---|---|---|---|")
    for lo, hi in ((40, 100), (100, 150), (150, 250)):
        c = [v for n, v in copies if lo <= n < hi]
        d = [v for n, v in distinct if lo <= n < hi]
        if c:
            print(f"| {lo}–{hi - 1} | {len(c)} | {100 * sum(v < t for v in c) / len(c):.0f}% | {len(d)} | "
                  f"{sum(v >= t for v in d)} |")  # fmt: skip


def _index_end_to_end(seeds: Iterable[int]) -> None:
    """Every story of every seed and two syndicated copies each through one index, in publication order."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    index = NearDuplicateIndex(db)
    events: list[tuple[str, str, str]] = []  # (article id, story key, text)
    for seed in seeds:
        rng = random.Random(100 + seed)
        for s in make_stories(seed):
            key = f"{seed}/{s.key}"
            events.append((f"{key}#site1", key, s.text()))
            events.append((f"{key}#site2", key, syndicate(s, rng)))
            events.append((f"{key}#site3", key, syndicate(s, rng)))
    rng = random.Random(9)
    rng.shuffle(events)
    first: dict[str, str] = {}
    for article_id, key, _ in events:
        first.setdefault(key, article_id)
    times = []
    for article_id, _, text in events:
        t0 = time.perf_counter()
        index.check_and_add(article_id, text)
        times.append(time.perf_counter() - t0)
    clusters: dict[str, set[str]] = {}
    for article_id, key, _ in events:
        cluster = index.cluster_of(article_id)
        assert cluster is not None
        clusters.setdefault(key, set()).add(cluster)
    stories_per_cluster: dict[str, set[str]] = {}
    for key, cs in clusters.items():
        for c in cs:
            stories_per_cluster.setdefault(c, set()).add(key)
    one = sum(len(cs) == 1 for cs in clusters.values())
    merged = sum(len(keys) > 1 for keys in stories_per_cluster.values())
    print(f"\n### The index end to end: {len(clusters)} stories × 3 sites, in random publication order\n")
    print(f"- stories whose three copies got one cluster_id: {one} of {len(clusters)} "
          f"({100 * one / len(clusters):.1f}%)")  # fmt: skip
    print(f"- clusters holding more than one story (false merges): {merged}")
    print(f"- signatures compared per check: {index.candidates_compared / index.checks:.2f} "
          f"(of up to {len(events) // 2} indexed on average)")  # fmt: skip
    print(
        f"- check_and_add: median {1000 * statistics.median(times):.2f} ms, p99 {1000 * _q(times, [0.99])[0]:.2f} ms"
    )


# ---------------------------------------------------------------------------------------------------------
# The bench at 1,000,000 articles
# ---------------------------------------------------------------------------------------------------------

_LANE_HIGH = int.from_bytes(b"\x00\x80" * neardup.NUM_PERM, "little")  # bit 15 of each 16-bit lane
_ALL = (1 << (16 * neardup.NUM_PERM)) - 1


def _lanes(mask_bits: int) -> int:
    """Each lane whose bit 15 is set in `mask_bits` made 0xFFFF, the others 0."""
    return ((mask_bits & _LANE_HIGH) >> 15) * 0xFFFF


class SyntheticSignatures:
    """Signatures with the structure of a news corpus, made ~100x faster than from text.

    Every article belongs to one of `groups` (event type × province); it shares each bin with its group's
    template with probability 1/4 (so two articles of a group agree in ~1/16 of their bins: distinct stories
    on one topic, as the calibration's hard negatives) and is random elsewhere. A `copy_share` of articles are
    syndicated copies of a recent article, agreeing with it in ~3/4 of the bins.
    """

    def __init__(self, seed: int, groups: int = 200, recent: int = 20_000) -> None:
        self.rng = random.Random(seed)
        self.templates = [self.rng.getrandbits(16 * neardup.NUM_PERM) for _ in range(groups)]
        self.recent: list[tuple[int, int]] = []  # (signature int, doc)
        self.recent_size = recent

    def story(self) -> int:
        template = self.rng.choice(self.templates)
        shared = _lanes(
            self.rng.getrandbits(16 * neardup.NUM_PERM) & self.rng.getrandbits(16 * neardup.NUM_PERM)
        )
        return (template & shared) | (self.rng.getrandbits(16 * neardup.NUM_PERM) & (_ALL ^ shared))

    def copy_of(self, original: int) -> int:
        changed = _lanes(
            self.rng.getrandbits(16 * neardup.NUM_PERM) & self.rng.getrandbits(16 * neardup.NUM_PERM)
        )
        return (original & (_ALL ^ changed)) | (self.rng.getrandbits(16 * neardup.NUM_PERM) & changed)

    def remember(self, sig: int, doc: int) -> None:
        if len(self.recent) < self.recent_size:
            self.recent.append((sig, doc))
        else:
            self.recent[self.rng.randrange(self.recent_size)] = (sig, doc)

    @staticmethod
    def to_bytes(sig: int) -> bytes:
        return sig.to_bytes(2 * neardup.NUM_PERM, "little")


def _bulk_load(db: sqlite3.Connection, n: int, gen: SyntheticSignatures, copy_share: float) -> int:
    """`n` articles straight into `neardup_articles` in first-seen order; the caller rebuilds the bands.

    Returns the number of syndicated copies among them.
    """
    cluster_root: dict[int, str] = {}  # doc → cluster id, for the recent articles copies are made of
    copies = 0
    chunk = 20_000
    for start in range(0, n, chunk):
        articles = []
        for doc in range(start + 1, min(n, start + chunk) + 1):
            article_id = f"bench:{doc:08d}"
            if gen.recent and gen.rng.random() < copy_share:
                original, original_doc = gen.rng.choice(gen.recent)
                sig_int = gen.copy_of(original)
                cluster_id = cluster_root.get(original_doc, f"bench:{original_doc:08d}")
                copies += 1
            else:
                sig_int = gen.story()
                cluster_id = article_id
            gen.remember(sig_int, doc)
            cluster_root[doc] = cluster_id
            articles.append((doc, article_id, cluster_id, gen.to_bytes(sig_int)))
        if len(cluster_root) > 4 * gen.recent_size:
            keep = {d for _, d in gen.recent}
            cluster_root = {d: c for d, c in cluster_root.items() if d in keep}
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO neardup_articles (doc, article_id, cluster_id, signature) VALUES (?, ?, ?, ?)",
            articles,
        )
        db.execute("COMMIT")
    return copies


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's `ru_maxrss` survives fork + exec (a child started from a
    big parent reports the parent's size), so read the process's own high-water mark where there is one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def near_duplicate_bench(articles: int = 1_000_000, queries: int = 2000) -> dict[str, float]:
    """Build an index of `articles` synthetic articles in a temporary SQLite file and time `check_and_add`,
    in a child process (so that its peak memory and timings are its own); prints the figures and returns
    them."""
    with tempfile.TemporaryDirectory(prefix="neardup-bench-") as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, __file__, "bench", "--articles", str(articles), "--queries", str(queries)]
        subprocess.run([*command, "--json", str(out)], check=True, cwd=ROOT)
        figures: dict[str, float] = json.loads(out.read_text())
        return figures


def bench_in_this_process(
    articles: int = 1_000_000, queries: int = 2000, *, folder: Path | None = None
) -> dict[str, float]:
    """Build an index of `articles` synthetic articles in a temporary SQLite file, then time `check_and_add`
    (text in) and the index part alone (signature in); prints the figures and returns them."""
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="neardup-bench-")) if folder is None else folder
    path = folder / "state.sqlite"
    figures: dict[str, float] = {}
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=OFF")  # the bulk build only; the checks below run in WAL
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-131072")  # 128 MiB: each band's sort stays in memory
        index = NearDuplicateIndex(db)
        gen = SyntheticSignatures(seed=11)
        t0 = time.perf_counter()
        copies = _bulk_load(db, articles, gen, copy_share=0.1)
        figures["load_s"] = time.perf_counter() - t0
        index.rebuild_bands()
        figures["build_s"] = time.perf_counter() - t0
        print(
            f"built {articles:,} articles ({copies:,} syndicated copies) in {figures['build_s']:.0f} s "
            f"(signatures {figures['load_s']:.0f} s, then {index.bands} bands with rebuild_bands)"
        )
        db.execute("PRAGMA journal_mode=WAL")  # as the crawl state opens it
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-65536")
        bands = index.bands

        # 1. The index alone, signatures in: new stories in crowded groups, and copies of recent articles;
        #    once with SQLite's automatic checkpoints (an fsync every ~20 checks lands in some calls), once
        #    with the checkpoint run between batches, off the timed calls.
        def run(label: str, n: int, checkpoint_every: int = 0) -> tuple[list[float], list[float]]:
            times_new, times_copy = [], []
            found = compared_new = 0
            for i in range(n):
                if checkpoint_every and i % checkpoint_every == 0:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
                if i % 2 == 0:
                    sig = gen.to_bytes(gen.story())
                    before = index.candidates_compared
                    t = time.perf_counter()
                    index.add_signature(f"query:{label}:new:{i}", sig)
                    times_new.append(time.perf_counter() - t)
                    compared_new += index.candidates_compared - before
                else:
                    original, _ = gen.rng.choice(gen.recent)
                    sig = gen.to_bytes(gen.copy_of(original))
                    t = time.perf_counter()
                    match = index.add_signature(f"query:{label}:copy:{i}", sig)
                    times_copy.append(time.perf_counter() - t)
                    found += match is not None
            both = times_new + times_copy
            print(
                f"  {label}: median {1000 * statistics.median(both):.2f} ms, p99 {1000 * _q(both, [0.99])[0]:.2f} ms, "
                f"max {1000 * max(both):.1f} ms; new story: {compared_new / len(times_new):.1f} signatures "
                f"compared, copy: found {found} of {len(times_copy)}"
            )
            return times_new, times_copy

        print(f"index part (signature given), {queries} checks at {articles:,} articles:")
        new, copy = run("WAL, synchronous=NORMAL, auto-checkpoint", queries)
        figures["index_median_ms"] = 1000 * statistics.median(new + copy)
        figures["index_p99_ms"] = 1000 * _q(new + copy, [0.99])[0]
        db.execute("PRAGMA wal_autocheckpoint=0")
        new, copy = run("the same, checkpoint between batches of 100", queries, checkpoint_every=100)
        db.execute("PRAGMA wal_autocheckpoint=1000")
        figures["index_median_ms_no_ckpt"] = 1000 * statistics.median(new + copy)
        figures["index_p99_ms_no_ckpt"] = 1000 * _q(new + copy, [0.99])[0]

        # 2. check_and_add as the crawl calls it: text in (stories of the calibration corpus, then copies).
        stories = make_stories(77, provinces=8, per_group=max(1, queries // (4 * len(TOPICS) * 8)))
        rng = random.Random(78)
        texts = [(f"text:{s.key}", s.text()) for s in stories]
        texts += [(f"text:{s.key}#copy", syndicate(s, rng)) for s in stories]
        times_text, times_sig = [], []
        matched = 0
        for article_id, text in texts:
            t = time.perf_counter()
            index.signature_of(text)
            times_sig.append(time.perf_counter() - t)
            t = time.perf_counter()
            match = index.check_and_add(article_id, text)
            times_text.append(time.perf_counter() - t)
            matched += match is not None and article_id.endswith("#copy")
        figures["check_median_ms"] = 1000 * statistics.median(times_text)
        figures["check_p99_ms"] = 1000 * _q(times_text, [0.99])[0]
        figures["signature_median_ms"] = 1000 * statistics.median(times_sig)
        print(
            f"check_and_add (text in, WAL auto-checkpoint), {len(texts)} calls at {articles:,}: median "
            f"{figures['check_median_ms']:.2f} ms, p99 {figures['check_p99_ms']:.2f} ms "
            f"(of which the text's signature: median {figures['signature_median_ms']:.2f} ms); "
            f"copies matched {matched} of {len(stories)}"
        )
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        db.close()
        figures["db_mb"] = size / 2**20
        figures["db_bytes_per_article"] = size / articles
        figures["peak_rss_mb"] = _peak_rss_mb()
        print(f"database {figures['db_mb']:.0f} MiB ({figures['db_bytes_per_article']:.0f} bytes per article: "
              f"256-byte signature, {bands} band rows, ids); peak memory {figures['peak_rss_mb']:.0f} MiB")  # fmt: skip
    finally:
        if own:
            for leftover in folder.iterdir():
                leftover.unlink()
            folder.rmdir()
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", nargs="?", choices=["calibrate", "bench", "all"], default="all")
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--json", type=Path, help="also write the bench's figures to this file")
    args = parser.parse_args(argv)
    if args.what == "bench":
        figures = bench_in_this_process(args.articles, args.queries)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2))
        return
    calibrate()
    if args.what == "all":
        print()
        near_duplicate_bench(args.articles, args.queries)


if __name__ == "__main__":
    main()

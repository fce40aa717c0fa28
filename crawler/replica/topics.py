"""Article writers for the replica corpus: one function per kind of provincial news story.

Each writer composes a story from a province's places, produce and roads, the date (seasons, the names
departments and local governments bore then) and a seeded random source, with alternative phrasings for
most sentences, so that two provinces never print the same text. All of it is written here; the officials,
farmers and doctors quoted are invented.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from crawler.replica.provinces import MERGER_DAY, ProvinceWriting

T = TypeVar("T")

_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Hoàng",
    "Võ",
    "Phan",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Đinh",
    "Lâm",
    "Cao",
    "Tạ",
)
_MEN = (
    ("Văn", "Hùng"),
    ("Minh", "Tuấn"),
    ("Quốc", "Khánh"),
    ("Hữu", "Phước"),
    ("Thanh", "Sơn"),
    ("Đức", "Thắng"),
    ("Công", "Danh"),
    ("Văn", "Bảy"),
    ("Hoàng", "Long"),
    ("Trung", "Hiếu"),
    ("Văn", "Tám"),
    ("Minh", "Nhựt"),
    ("Quang", "Vinh"),
    ("Thành", "Nhân"),
    ("Văn", "Lợi"),
    ("Ngọc", "Tân"),
)
_WOMEN = (
    ("Thị", "Lan"),
    ("Thị", "Hồng"),
    ("Ngọc", "Hân"),
    ("Thị Thu", "Thảo"),
    ("Kim", "Phượng"),
    ("Thị", "Nga"),
    ("Thanh", "Thúy"),
    ("Thị Mỹ", "Linh"),
    ("Phương", "Thảo"),
    ("Thị", "Bé Ba"),
)


def cap(text: str) -> str:
    """The first letter in capitals, the rest untouched (`str.capitalize` would lowercase names)."""
    return text[:1].upper() + text[1:]


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


@dataclass
class Person:
    name: str
    woman: bool

    @property
    def honorific(self) -> str:
        return "bà" if self.woman else "ông"

    @property
    def call(self) -> str:
        """`ông Hùng`: how a story names someone it has introduced."""
        return f"{self.honorific} {self.name.split()[-1]}"


@dataclass
class Ctx:
    """What a writer draws on: the province, the story's date and a seeded random source."""

    w: ProvinceWriting
    rng: random.Random
    when: datetime
    _used: set[str] = field(default_factory=set)

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

    def commune(self) -> str:
        """`xã Vĩnh Kim, huyện Châu Thành` before the merger, `xã Tháp Mười` after it."""
        if self.merged or not self.w.old_places:
            return self.pick_new(self.w.new_places)
        c, d = self.pick_new(self.w.old_places)
        return f"{c}, {d}"

    def local_head(self) -> str:
        """Who runs the local government the story visits."""
        return "Chủ tịch UBND xã" if self.merged else "Chủ tịch UBND huyện"

    def dept(self, kind: str) -> str:
        """A provincial department's name as it was on the story's date (several merged on 1 March 2025)."""
        merged = not self.before(date(2025, 3, 1))
        names = {
            "agri": ("Sở Nông nghiệp và Môi trường" if merged else "Sở Nông nghiệp và Phát triển nông thôn"),
            "transport": "Sở Xây dựng" if merged else "Sở Giao thông vận tải",
            "plan": "Sở Tài chính" if merged else "Sở Kế hoạch và Đầu tư",
            "health": "Sở Y tế",
            "edu": "Sở Giáo dục và Đào tạo",
            "culture": "Sở Văn hóa, Thể thao và Du lịch",
            "labour": "Sở Nội vụ" if merged else "Sở Lao động - Thương binh và Xã hội",
            "env": "Sở Nông nghiệp và Môi trường" if merged else "Sở Tài nguyên và Môi trường",
            "police": "Công an",
        }
        name = names[kind]
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


# --- the writers --------------------------------------------------------------------------------------------


def rice(c: Ctx) -> Draft:
    south = c.w.region == "mekong"
    y, m = c.year, c.month
    if south:
        season = f"Đông Xuân {y - 1}-{y}" if m <= 4 else f"Hè Thu {y}" if m <= 8 else f"Thu Đông {y}"
    else:
        season = f"Xuân {y}" if m <= 7 else f"Mùa {y}"
    place, commune = c.place(), c.commune()
    farmer, official = c.person(woman=False), c.person()
    yield_t = c.dec(6.2, 7.4)
    price_lo = c.n(62, 70) * 100
    price_hi = price_lo + c.n(3, 9) * 100
    variety = c.pick(
        ("OM 18", "ĐS1", "ST25", "Đài Thơm 8", "OM 5451")
        if south
        else ("BC15", "TBR225", "Thiên ưu 8", "J02", "Bắc Thơm số 7")
    )
    title = c.pick(
        (
            f"Nông dân {place} trúng mùa lúa {season}",
            f"Lúa {season} ở {place} được mùa, được giá",
            f"{c.P}: Thu hoạch lúa {season} năng suất bình quân {yield_t} tấn/ha",
        )
    )
    lead = (
        f"Đến nay, nông dân {place} đã thu hoạch hơn {c.big(1200, 9800)} ha lúa {season}, năng suất bình "
        "quân "
        f"đạt {yield_t} tấn/ha, tăng {c.dec(1.5, 4.5)} tạ/ha so với cùng kỳ. Với giá bán từ "
        f"{fmt(price_lo)} - "
        f"{fmt(price_hi)} đồng/kg, nhiều hộ có lãi trên {c.n(18, 32)} triệu đồng/ha."
    )
    paragraphs = [
        f"Theo {c.dept('agri')}, vụ {season} toàn {c.unit} xuống giống {c.big(20000, 95000)} ha, trong đó "
        "diện "
        f"tích sử dụng giống lúa chất lượng cao chiếm trên {c.n(82, 96)}%. Nhờ thời tiết tương đối thuận "
        "lợi, "
        "nguồn nước tưới bảo đảm và sâu bệnh được kiểm soát tốt nên lúa phát triển đồng đều.",
        f"Ông {farmer.name}, ngụ {commune}, cho biết gia đình canh tác {c.n(2, 6)} ha lúa giống {variety}. "
        f"“Vụ này lúa ít sâu bệnh, tôi chỉ phun thuốc {c.n(2, 4)} lần, giảm gần một nửa so với trước. Thương "
        "lái "
        f"vào tận ruộng mua lúa tươi với giá {fmt(price_hi)} đồng/kg nên bà con ai cũng phấn khởi”, "
        f"{farmer.call} "
        "chia sẻ.",
        c.pick(
            (
                f"Hiện khâu thu hoạch đã cơ bản được cơ giới hóa, với hơn {c.n(150, 900)} máy gặt đập liên hợp "
                "hoạt "
                "động trên địa bàn. Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp ngay từ "
                "đầu vụ, "
                "giúp nông dân yên tâm sản xuất.",
                f"Các hợp tác xã trên địa bàn đã liên kết với {c.n(4, 12)} doanh nghiệp thu mua, với diện tích "
                "cánh "
                f"đồng lớn đạt {c.big(1500, 7000)} ha. Máy gặt đập liên hợp, máy sấy lúa được huy động tối đa để "
                "thu hoạch kịp thời, hạn chế hao hụt sau thu hoạch.",
            )
        ),
    ]
    if south:
        paragraphs.append(
            f"Năm nay, {c.prov} tiếp tục triển khai Đề án phát triển bền vững một triệu héc-ta chuyên canh "
            "lúa "
            "chất lượng cao, phát thải thấp gắn với tăng trưởng xanh vùng Đồng bằng sông Cửu Long. Các mô "
            "hình "
            f"thí điểm giảm lượng giống gieo sạ xuống còn {c.n(60, 80)} - {c.n(85, 100)} kg/ha, áp dụng tưới "
            "ướt "
            "khô xen kẽ, giúp giảm chi phí và lượng khí phát thải."
        )
    else:
        paragraphs.append(
            f"Nhiều địa phương đã dồn điền đổi thửa, hình thành vùng sản xuất lúa hàng hóa tập trung quy mô "
            f"{c.n(30, 120)} ha trở lên, áp dụng đồng bộ cơ giới hóa từ làm đất, cấy đến thu hoạch. Việc "
            "liên kết "
            "tiêu thụ theo chuỗi giúp giá trị thu được trên mỗi héc-ta tăng đáng kể."
        )
    paragraphs.append(
        f"{cap(official.honorific)} {official.name}, Phó Giám đốc {c.dept('agri')}, cho biết ngành nông "
        "nghiệp khuyến cáo nông dân sau thu hoạch xử lý rơm rạ, vệ sinh đồng ruộng, không đốt đồng; đồng "
        "thời "
        "xuống giống vụ kế tiếp tập trung, đồng loạt theo lịch thời vụ để né rầy, hạn chế thiệt hại."
    )
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Nông dân {commune} thu hoạch lúa {season}.", "Thu hoạch lúa"),
            (f"Máy gặt đập liên hợp hoạt động trên cánh đồng lớn ở {place}.", None),
        ],
        [f"lúa {season}", "nông nghiệp", c.P],
    )


_NOT_FRUIT = frozenset(
    {
        "lúa",
        "ngô",
        "mía",
        "lạc",
        "chè",
        "cói",
        "keo",
        "cao su",
        "điều",
        "hồ tiêu",
        "rau màu",
        "rau an toàn",
        "rau thủy canh",
        "hoa lan",
        "bò sữa",
        "cá cảnh",
        "nấm",
        "thuốc lào",
        "cà rốt",
        "hoa kiểng Sa Đéc",
        "hoa đào Nhật Tân",
        "sen",
        "khoai lang tím",
        "nếp",
    }
)


def fruits(w: ProvinceWriting) -> list[str]:
    return [c for c in w.crops if c not in _NOT_FRUIT]


def fruit(c: Ctx) -> Draft:
    crop = c.fruit()
    place, commune = c.place(), c.commune()
    grower, official = c.person(woman=False), c.person()
    area = c.big(1200, 18000)
    codes = c.n(40, 260)
    title = c.pick(
        (
            f"Mở rộng vùng trồng {crop} đạt chuẩn xuất khẩu tại {place}",
            f"{c.P} có thêm {codes} mã số vùng trồng {crop}",
            f"Nâng giá trị {crop} {c.P} bằng liên kết chuỗi",
        )
    )
    lead = (
        f"Diện tích {crop} của {c.prov} hiện đạt khoảng {area} ha, trong đó hơn {c.n(20, 45)}% được cấp "
        "mã số "
        "vùng trồng và chứng nhận VietGAP, GlobalGAP. Nhờ đó, trái cây của địa phương ngày càng thâm "
        "nhập sâu "
        "vào các thị trường khó tính."
    )
    paragraphs = [
        f"Những ngày này, tại vườn {crop} rộng {c.dec(1.2, 4.8)} ha của ông {grower.name} ở {commune}, nhân "
        "công "
        f"tất bật thu hoạch, phân loại trái để giao cho doanh nghiệp. {cap(grower.call)} cho biết, từ khi "
        "tham gia tổ hợp tác và sản xuất theo quy trình VietGAP, giá bán cao hơn bên ngoài từ "
        f"{c.n(3, 8)}.000 - {c.n(9, 15)}.000 đồng/kg.",
        "“Trước đây mình làm theo kinh nghiệm, bón phân, xịt thuốc tùy ý. Giờ mỗi lần phun gì, bón gì đều "
        "ghi "
        "nhật ký đồng ruộng, doanh nghiệp kiểm tra dư lượng trước khi thu mua. Cực hơn nhưng đầu ra ổn định, "
        f"không còn cảnh bị thương lái ép giá”, {grower.call} nói.",
        f"Theo {c.dept('agri')}, toàn {c.unit} đã được cấp {codes} mã số vùng trồng phục vụ xuất khẩu, với "
        "tổng diện "
        f"tích hơn {c.big(3000, 12000)} ha. Sản phẩm chủ yếu xuất sang Trung Quốc, Hàn Quốc, Nhật Bản, Hoa "
        "Kỳ và "
        "một số nước châu Âu.",
        c.pick(
            (
                "Tuy nhiên, việc quản lý mã số vùng trồng sau cấp vẫn còn nhiều khó khăn: một số hộ chưa tuân "
                "thủ quy "
                "trình, sử dụng chung mã số hoặc để vườn nhiễm sinh vật gây hại, ảnh hưởng uy tín của cả vùng.",
                "Dù vậy, sản xuất vẫn còn manh mún, nhỏ lẻ; nhiều nhà vườn chưa mạnh dạn liên kết, chất lượng "
                "trái giữa "
                "các vườn chưa đồng đều, gây khó cho doanh nghiệp khi gom đủ đơn hàng lớn.",
            )
        ),
        f"{cap(official.honorific)} {official.name}, Chi cục trưởng Chi cục Trồng trọt và Bảo vệ thực vật, "
        "cho biết thời gian tới ngành sẽ tăng cường kiểm tra, giám sát các vùng trồng đã được cấp mã số, "
        "đồng thời "
        f"hỗ trợ nông dân chuyển đổi số, truy xuất nguồn gốc sản phẩm {crop} bằng mã QR.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Nông dân {commune} thu hoạch {crop}.", f"{crop} {c.P}"),
            (f"Doanh nghiệp thu mua, phân loại {crop} để xuất khẩu.", None),
        ],
        [crop, "mã số vùng trồng", "xuất khẩu nông sản"],
    )


def infrastructure(c: Ctx) -> Draft:
    road = c.pick_new(c.w.roads)
    project = (
        f"dự án nâng cấp, mở rộng {road}"
        if road.startswith(("Quốc lộ", "ĐT.", "đường", "đại lộ"))
        else f"dự án {road}"
    )
    leader, contractor = c.person(), c.person(woman=False)
    cost = c.big(350, 6800)
    km = c.dec(3.5, 28.0)
    opening = c.rng.random() < 0.5
    if opening:
        title = c.pick((f"Thông xe {project}", f"Đưa vào sử dụng {project} sau {c.n(18, 36)} tháng thi công"))
        lead = (
            f"Sáng {c.when.day}-{c.when.month}, UBND {c.prov} tổ chức lễ thông xe {project}, đoạn qua "
            "địa "
            f"bàn {c.unit} dài {km} km, tổng mức đầu tư {cost} tỷ đồng. Công trình được kỳ vọng rút ngắn "
            "thời "
            "gian đi lại và mở ra không gian phát triển mới cho địa phương."
        )
    else:
        title = c.pick((f"Khởi công {project}", f"Tăng tốc thi công {project}"))
        lead = (
            f"{cap(project)} đoạn qua địa bàn {c.prov} dài {km} km, tổng mức đầu tư {cost} tỷ đồng, đang "
            "được "
            "các nhà thầu tập trung nhân lực, máy móc thi công “3 ca, 4 kíp” để hoàn thành đúng tiến độ."
        )
    paragraphs = [
        f"Dự án do {c.dept('transport')} {c.P} làm chủ đầu tư, quy mô mặt đường rộng {c.n(9, 24)} m, "
        f"gồm {c.n(2, 6)} làn xe, {c.n(2, 9)} cầu bê tông cốt thép cùng hệ thống thoát nước, chiếu sáng và "
        "an toàn "
        "giao thông đồng bộ.",
        f"Theo {leader.honorific} {leader.name}, Phó Chủ tịch {c.ubnd}, công tác giải phóng mặt bằng được "
        "xác định "
        f"là khâu then chốt. Đến nay, địa phương đã bàn giao {c.n(92, 100)}% mặt bằng, bố trí tái định cư "
        "cho "
        f"{c.n(40, 260)} hộ dân. “Người dân đã đồng thuận, nhường đất cho công trình; chúng ta phải thi công "
        "bảo "
        f"đảm chất lượng, đúng tiến độ để không phụ lòng dân”, {leader.call} nhấn mạnh.",
        c.pick(
            (
                f"Đại diện liên danh nhà thầu, {contractor.honorific} {contractor.name} cho biết đơn vị huy động "
                "hơn "
                f"{c.n(120, 480)} công nhân, {c.n(40, 150)} thiết bị trên công trường. Khó khăn lớn nhất là "
                "nguồn cát "
                "đắp nền và thời tiết mưa kéo dài.",
                f"Trên công trường, {c.n(8, 20)} mũi thi công đang triển khai đồng thời. "
                f"{cap(contractor.honorific)}"
                f" {contractor.name}, chỉ huy trưởng công trường, cho biết đơn vị đã chủ động vật liệu, tranh "
                "thủ "
                "những ngày nắng ráo để đẩy nhanh hạng mục nền, mặt đường.",
            )
        ),
        f"Khi hoàn thành, tuyến đường sẽ kết nối các khu công nghiệp, vùng nguyên liệu của {c.prov} với "
        "các trục giao thông quốc gia, giảm tải cho các tuyến hiện hữu và góp phần thu hút đầu tư.",
    ]
    if opening:
        paragraphs.append(
            f"Dịp này, {c.ubnd} tặng bằng khen cho {c.n(6, 18)} tập thể, cá nhân có thành tích trong quá "
            "trình "
            "triển khai dự án."
        )
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Thi công {project}.", None),
            (f"Lãnh đạo {c.ubnd} kiểm tra tiến độ thi công.", "kiểm tra công trình"),
        ][: c.n(1, 2)],
        [road, "giao thông", "đầu tư công"],
    )


def party(c: Ctx) -> Draft:
    y = c.year
    secretary = c.person()
    if c.before(date(2025, 2, 1)):
        org = c.pick(
            (
                f"Đảng bộ {c.place()}",
                f"Đảng ủy Khối các cơ quan {c.prov}",
                f"Đảng ủy Khối Doanh nghiệp {c.prov}",
            )
        )
    else:
        org = c.pick((f"Đảng bộ {c.place()}", f"Đảng ủy các cơ quan Đảng {c.prov}", f"Đảng ủy UBND {c.prov}"))
    members = c.big(900, 6000)
    if c.month <= 3:
        title = f"{org} triển khai nhiệm vụ công tác xây dựng Đảng năm {y}"
        lead = (
            f"Ngày {c.when.day}-{c.when.month}, {org} tổ chức hội nghị tổng kết công tác xây dựng Đảng "
            "năm "
            f"{y - 1}, triển khai phương hướng, nhiệm vụ năm {y}. {cap(secretary.honorific)} "
            f"{secretary.name}, Bí thư, chủ trì hội nghị."
        )
    else:
        title = c.pick(
            (
                f"{org} học tập, quán triệt nghị quyết của Trung ương",
                f"Nâng cao chất lượng sinh hoạt chi bộ ở {org}",
            )
        )
        lead = (
            f"Sáng {c.when.day}-{c.when.month}, {org} tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 "
            "tháng "
            f"đầu năm {y}, đồng thời quán triệt các văn bản mới của Trung ương và của {c.unit}."
        )
    done = c.n(88, 98)
    paragraphs = [
        f"Theo báo cáo, năm qua {org} đã lãnh đạo hoàn thành {c.n(15, 24)}/{c.n(25, 28)} chỉ tiêu chủ yếu. "
        "Công tác "
        "giáo dục chính trị tư tưởng được quan tâm; việc học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ "
        "Chí Minh gắn với thực hiện Kết luận số 21-KL/TW của Trung ương về xây dựng, chỉnh đốn Đảng được "
        "triển "
        "khai nghiêm túc.",
        f"Toàn Đảng bộ hiện có {members} đảng viên sinh hoạt tại {c.n(40, 160)} tổ chức cơ sở đảng. Trong "
        "năm, "
        f"{done}% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên; kết nạp {c.n(60, 320)} "
        f"đảng viên mới, đạt {c.n(101, 125)}% kế hoạch.",
        c.pick(
            (
                "Công tác kiểm tra, giám sát được thực hiện thường xuyên, đúng quy định; qua kiểm tra đã kịp "
                "thời chấn "
                "chỉnh những hạn chế, thiếu sót, góp phần giữ nghiêm kỷ cương, kỷ luật trong Đảng.",
                "Ủy ban Kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với một số tổ chức đảng và đảng "
                "viên, "
                "xử lý kỷ luật nghiêm các trường hợp vi phạm, không có vùng cấm, không có ngoại lệ.",
            )
        ),
        "Tuy nhiên, hội nghị cũng thẳng thắn chỉ ra một số hạn chế: chất lượng sinh hoạt chi bộ ở một số nơi "
        "chưa "
        "cao, nội dung còn đơn điệu; công tác phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước "
        "còn gặp khó khăn.",
        f"Phát biểu chỉ đạo, {secretary.honorific} {secretary.name} đề nghị các cấp ủy tiếp tục đổi mới "
        "phương thức "
        "lãnh đạo, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng; tăng cường nắm bắt tư "
        "tưởng cán bộ, đảng viên, nhất là trong thực hiện sắp xếp tổ chức bộ máy; đưa nghị quyết của Đảng "
        "vào "
        "cuộc sống bằng những việc làm cụ thể.",
        f"Dịp này, {org} trao Giấy khen cho {c.n(8, 30)} tập thể và {c.n(10, 45)} cá nhân có thành tích tiêu "
        "biểu.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"{cap(secretary.honorific)} {secretary.name} phát biểu chỉ đạo hội nghị.", secretary.name),
            ("Quang cảnh hội nghị.", None),
        ],
        ["xây dựng Đảng", "tổ chức cơ sở đảng", c.P],
    )


def council(c: Ctx) -> Draft:
    chair = c.person()
    session = c.n(18, 34)
    regular = c.month in (7, 12)
    kind = "thường lệ" if regular else "chuyên đề"
    title = c.pick(
        (
            f"Khai mạc Kỳ họp thứ {session} HĐND {c.prov}",
            f"HĐND {c.prov} xem xét, thông qua {c.n(12, 38)} nghị quyết tại kỳ họp thứ {session}",
        )
    )
    budget = c.big(12000, 98000)
    lead = (
        f"Sáng {c.when.day}-{c.when.month}, HĐND {c.prov} khai mạc Kỳ họp thứ {session} ({kind}). "
        f"{cap(chair.honorific)} {chair.name}, Chủ tịch HĐND {c.unit}, chủ trì kỳ họp."
    )
    paragraphs = [
        "Tại kỳ họp, các đại biểu tập trung thảo luận các báo cáo về tình hình kinh tế - xã hội, thu chi "
        "ngân sách "
        f"và đầu tư công. Theo báo cáo của {c.ubnd}, tổng sản phẩm trên địa bàn (GRDP) ước tăng "
        f"{c.dec(6.5, 10.2)}%, "
        f"thu ngân sách nhà nước đạt {budget} tỷ đồng.",
        c.pick(
            (
                f"Về đầu tư công, tỷ lệ giải ngân đến nay đạt {c.n(55, 96)}% kế hoạch vốn. Đại biểu đề nghị "
                f"{c.ubnd} làm "
                "rõ nguyên nhân một số dự án chậm tiến độ, có giải pháp tháo gỡ vướng mắc về mặt bằng, nguồn vật "
                "liệu.",
                "Nhiều ý kiến đại biểu quan tâm đến tình trạng sạt lở, ô nhiễm môi trường ở một số khu dân cư, "
                "đề nghị "
                "ngành chức năng sớm có giải pháp căn cơ, không để người dân bức xúc kéo dài.",
            )
        ),
        "Kỳ họp cũng xem xét các tờ trình về cơ chế, chính sách hỗ trợ phát triển nông nghiệp, chế độ đối "
        "với "
        f"cán bộ, công chức dôi dư do sắp xếp tổ chức bộ máy và điều chỉnh kế hoạch đầu tư công trung hạn "
        f"{'2021-2025' if c.year <= 2025 else '2026-2030'} của {c.unit}.",
        f"Phát biểu khai mạc, {chair.call} đề nghị các đại biểu phát huy tinh thần trách nhiệm, tập trung "
        "trí tuệ, "
        "thảo luận dân chủ, thẳng thắn để các nghị quyết được thông qua sát thực tế, khả thi và đi vào cuộc "
        "sống.",
    ]
    if c.rng.random() < 0.6:
        paragraphs.append(
            f"Kỳ họp dự kiến diễn ra trong {c.n(1, 3)} ngày. Phiên chất vấn và trả lời chất vấn được truyền "
            "hình, "
            f"phát thanh trực tiếp để cử tri trong {c.unit} theo dõi."
        )
    return Draft(
        title,
        lead,
        paragraphs,
        [(f"Chủ tịch HĐND {c.unit} {chair.name} phát biểu khai mạc kỳ họp.", f"Kỳ họp HĐND {c.prov}")],
        ["HĐND", f"kỳ họp thứ {session}", c.P],
    )


def voters(c: Ctx) -> Draft:
    deputy, resident, official = c.person(), c.person(woman=False), c.person()
    where = c.commune()
    half = 1 if c.month <= 6 else 2
    qh, session = ("XV", 2 * (c.year - 2021) + half) if c.year <= 2025 else ("XVI", half)
    title = c.pick(
        (
            f"Đại biểu Quốc hội tiếp xúc cử tri {where.split(',')[0]}",
            f"Cử tri {where.split(',')[0]} kiến nghị nhiều vấn đề dân sinh",
        )
    )
    lead = (
        f"Ngày {c.when.day}-{c.when.month}, Đoàn đại biểu Quốc hội {c.prov} do {deputy.honorific} "
        f"{deputy.name} dẫn đầu tiếp xúc cử tri {where} trước Kỳ họp thứ {session}, Quốc hội khóa {qh}."
    )
    paragraphs = [
        "Tại buổi tiếp xúc, đại diện đoàn thông báo dự kiến nội dung, chương trình kỳ họp, trong đó Quốc hội "
        "sẽ "
        "xem xét, thông qua nhiều dự án luật quan trọng và quyết định các vấn đề về kinh tế - xã hội, ngân "
        "sách.",
        f"Cử tri {resident.name} phản ánh giá vật tư nông nghiệp tăng cao trong khi giá nông sản bấp bênh, "
        "đề nghị "
        "Nhà nước có chính sách bình ổn giá phân bón, hỗ trợ nông dân tiếp cận vốn vay ưu đãi. “Bà con làm "
        "ra "
        f"hạt lúa, trái cây mà lời không bao nhiêu, nhiều nhà phải đi làm thuê thêm”, {resident.call} nói.",
        c.pick(
            (
                "Một số cử tri kiến nghị sớm nâng cấp các tuyến đường giao thông nông thôn đã xuống cấp, bổ sung "
                "trạm "
                "bơm điện phục vụ sản xuất và quan tâm hơn đến chế độ cho người hoạt động không chuyên trách sau "
                "sắp "
                "xếp.",
                "Cử tri cũng quan tâm đến tình trạng lừa đảo qua mạng, tín dụng đen, đề nghị cơ quan chức năng "
                "tăng "
                "cường tuyên truyền, xử lý nghiêm các đối tượng vi phạm.",
            )
        ),
        f"Lãnh đạo UBND {where.split(' ')[0] if c.merged else where.split(', ')[-1]} và các sở, ngành đã trực tiếp giải trình nhiều "
        "kiến "
        f"nghị thuộc thẩm quyền. {cap(official.honorific)} {official.name}, đại diện {c.dept('agri')}, "
        "thông tin về các chính sách hỗ trợ liên kết sản xuất và tiêu thụ nông sản đang được triển khai.",
        f"Thay mặt đoàn, {deputy.call} ghi nhận, tiếp thu đầy đủ ý kiến của cử tri; các kiến nghị thuộc thẩm "
        "quyền "
        "Trung ương sẽ được tổng hợp gửi đến Quốc hội, các bộ, ngành xem xét, trả lời.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Cử tri {where} phát biểu kiến nghị tại buổi tiếp xúc.", "cử tri phát biểu"),
            (f"{cap(deputy.honorific)} {deputy.name} tiếp thu, giải trình ý kiến cử tri.", None),
        ],
        ["tiếp xúc cử tri", "Quốc hội", c.P],
    )


def admin(c: Ctx) -> Draft:
    head, citizen = c.person(), c.person()
    if c.merged:
        where = c.place()
        title = c.pick(
            (
                f"Trung tâm Phục vụ hành chính công {where} vận hành thông suốt",
                f"Chính quyền hai cấp ở {where}: người dân làm thủ tục nhanh, gọn",
            )
        )
        months = (c.year - 2025) * 12 + c.month - 7
        since = "Sau gần một tháng" if months < 1 else f"Sau {months} tháng"
        lead = (
            f"{since} vận hành mô hình chính quyền địa phương hai cấp, Trung tâm Phục vụ hành "
            f"chính công {where} đã tiếp nhận hơn {c.big(1200, 9800)} hồ sơ, tỷ lệ giải quyết đúng và "
            "trước "
            f"hạn đạt {c.dec(95, 99.8)}%."
        )
        paragraphs = [
            f"Có mặt tại trung tâm vào buổi sáng, {citizen.honorific} {citizen.name} cho biết đến làm thủ "
            "tục "
            "chứng thực và đăng ký biến động đất đai. “Cán bộ hướng dẫn tận tình, chỉ chỗ nào chưa đúng để "
            "bổ "
            f"sung ngay, tôi không phải đi lại nhiều lần như trước”, {citizen.call} nói.",
            f"Theo {head.honorific} {head.name}, Chủ tịch UBND {where.split(' ', 1)[0]}, từ ngày 1-7-2025, "
            "xã tiếp "
            "nhận nhiều nhiệm vụ trước đây do cấp huyện thực hiện. Để đáp ứng yêu cầu, địa phương bố trí cán "
            "bộ có "
            "chuyên môn về đất đai, tư pháp, đầu tư làm việc tại bộ phận một cửa.",
            f"Trung tâm được trang bị máy lấy số tự động, màn hình tra cứu và {c.n(6, 14)} quầy tiếp nhận. "
            "Người "
            "dân có thể nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia, thanh toán phí, lệ phí không "
            "dùng "
            "tiền mặt.",
            "Bên cạnh kết quả đạt được, địa phương vẫn gặp khó khăn do đường truyền có lúc chập chờn, một số "
            "phần "
            "mềm chuyên ngành chưa liên thông, khối lượng hồ sơ đất đai tồn đọng từ cấp huyện chuyển về lớn.",
            f"{c.ubnd} đã chỉ đạo các sở, ngành tăng cường tập huấn, hỗ trợ cấp xã; rà soát, bổ sung trang "
            "thiết "
            "bị, bảo đảm người dân và doanh nghiệp được phục vụ tốt nhất.",
        ]
        tags = ["chính quyền hai cấp", "cải cách hành chính", "dịch vụ công"]
    else:
        where = c.place()
        title = c.pick(
            (
                f"{cap(where)} đẩy mạnh dịch vụ công trực tuyến toàn trình",
                f"Chuyển đổi số trong giải quyết thủ tục hành chính ở {where}",
            )
        )
        lead = (
            f"Năm {c.year}, {where} phấn đấu {c.n(70, 90)}% hồ sơ thủ tục hành chính được tiếp nhận, "
            "giải "
            "quyết trực tuyến toàn trình; người dân ngày càng quen với việc “ngồi nhà làm thủ tục”."
        )
        paragraphs = [
            f"Tại bộ phận tiếp nhận và trả kết quả của {where}, các tổ công nghệ số cộng đồng thường xuyên "
            "hướng "
            "dẫn người dân cài đặt ứng dụng định danh điện tử VNeID, tạo tài khoản và nộp hồ sơ trên Cổng "
            "Dịch "
            "vụ công.",
            f"{cap(citizen.honorific)} {citizen.name} cho biết vừa làm thủ tục đăng ký khai sinh cho con qua "
            f"mạng. “Chỉ mất chưa tới 15 phút, hai ngày sau đã nhận kết quả tại nhà”, {citizen.call} vui vẻ "
            "nói.",
            f"Theo {head.honorific} {head.name}, {c.local_head()}, năm qua địa phương tiếp nhận "
            f"{c.big(8000, 26000)} hồ sơ, trong đó {c.n(55, 78)}% là hồ sơ trực tuyến; tỷ lệ giải quyết đúng "
            "hạn "
            f"đạt {c.dec(97, 99.9)}%.",
            "Dù vậy, nhiều người cao tuổi còn lúng túng khi sử dụng điện thoại thông minh, một số thủ tục "
            "vẫn yêu "
            "cầu nộp bản giấy, chưa tận dụng được dữ liệu dân cư đã có.",
        ]
        tags = ["chuyển đổi số", "dịch vụ công trực tuyến", "cải cách hành chính"]
    return Draft(
        title, lead, paragraphs, [(f"Người dân làm thủ tục hành chính tại {where}.", "bộ phận một cửa")], tags
    )


def gratitude(c: Ctx) -> Draft:
    leader, veteran = c.person(), c.person(woman=False)
    where = c.commune()
    july = c.month in (6, 7, 8)
    years = c.year - 1947
    if july:
        title = c.pick(
            (
                f"Lãnh đạo {c.prov} thăm, tặng quà gia đình chính sách nhân ngày 27-7",
                f"Tri ân người có công nhân kỷ niệm {years} năm Ngày Thương binh - Liệt sĩ",
            )
        )
        occasion = f"Nhân kỷ niệm {years} năm Ngày Thương binh - Liệt sĩ (27-7-1947 - 27-7-{c.year})"
    else:
        title = f"Thăm, tặng quà gia đình chính sách tại {where.split(',')[0]}"
        occasion = {
            1: "Nhân dịp Tết Nguyên đán",
            2: "Nhân dịp Tết Nguyên đán",
            4: "Nhân kỷ niệm ngày Giải phóng miền Nam, thống nhất đất nước (30-4)",
            12: "Nhân dịp cuối năm",
        }.get(c.month, "Thực hiện chính sách đền ơn đáp nghĩa")
    lead = (
        f"{occasion}, đoàn công tác của {c.prov} do {leader.honorific} {leader.name}, Phó Chủ tịch "
        f"{c.ubnd}, dẫn đầu đã đến thăm, tặng quà các gia đình chính sách, người có công tại {where}."
    )
    paragraphs = [
        f"Đoàn đến thăm ông {veteran.name}, thương binh hạng {c.n(1, 4)}/4, tham gia kháng chiến từ năm "
        f"{c.n(1965, 1972)}. Dù tuổi cao, sức khỏe yếu, ông vẫn minh mẫn kể lại những năm tháng chiến đấu "
        "cùng đồng "
        "đội và bày tỏ niềm xúc động trước sự quan tâm của Đảng, Nhà nước.",
        f"Tại các gia đình, {leader.call} ân cần hỏi thăm sức khỏe, đời sống; mong các gia đình tiếp tục "
        "phát huy "
        "truyền thống cách mạng, giáo dục con cháu sống tốt, làm giàu chính đáng.",
        f"Toàn {c.unit} hiện có {c.big(15000, 62000)} người có công với cách mạng đang hưởng trợ cấp hằng "
        "tháng. "
        f"Dịp này, {c.unit} trích ngân sách hơn {c.n(20, 95)} tỷ đồng tặng quà cho người có công và thân "
        "nhân; "
        "100% gia đình chính sách có mức sống bằng hoặc cao hơn mức sống trung bình của người dân nơi cư "
        "trú.",
        c.pick(
            (
                "Cùng ngày, đoàn đã dâng hương, dâng hoa tưởng niệm các anh hùng liệt sĩ tại Nghĩa trang liệt "
                "sĩ "
                f"{c.P}.",
                "Trước đó, đoàn đã đến dâng hương tại nghĩa trang liệt sĩ và thăm Trung tâm điều dưỡng người có "
                "công.",
            )
        ),
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [(f"{cap(leader.honorific)} {leader.name} trao quà cho gia đình chính sách ở {where}.", None)],
        ["người có công", "đền ơn đáp nghĩa", "27-7"] if july else ["người có công", "đền ơn đáp nghĩa"],
    )


def newrural(c: Ctx) -> Draft:
    where, official, farmer = c.commune(), c.person(), c.person(woman=False)
    title = c.pick(
        (
            f"{cap(where.split(',')[0])} về đích nông thôn mới nâng cao",
            f"Diện mạo mới ở {where.split(',')[0]} sau {c.n(8, 14)} năm xây dựng nông thôn mới",
        )
    )
    income = c.n(58, 82)
    lead = (
        f"Thu nhập bình quân đầu người ở {where} năm {c.year - 1} đạt {income} triệu đồng, tăng gấp "
        f"{c.n(2, 4)} lần so với năm {c.year - 10}; hộ nghèo giảm còn {c.dec(0.3, 1.8)}%. Đó là quả ngọt "
        "sau "
        "nhiều năm chung sức xây dựng nông thôn mới."
    )
    paragraphs = [
        f"Những con đường bê tông rộng {c.n(4, 7)} m chạy dọc kênh, hai bên là hàng rào xanh và đèn chiếu "
        "sáng "
        f"năng lượng mặt trời. Theo {official.honorific} {official.name}, Chủ tịch UBND xã, toàn xã đã huy "
        "động "
        f"hơn {c.n(40, 160)} tỷ đồng cho các tiêu chí, trong đó người dân đóng góp gần {c.n(15, 35)}%.",
        f"Gia đình ông {farmer.name} hiến hơn {c.n(150, 900)} m² đất để mở rộng đường. “Đường sá rộng rãi, "
        "xe tải "
        f"vào tận vườn chở nông sản, giá bán cao hơn. Mình góp chút đất mà cả xóm được hưởng”, {farmer.call} "
        "nói.",
        f"Xã hiện có {c.n(3, 8)} sản phẩm OCOP đạt 3 sao trở lên, {c.n(2, 6)} hợp tác xã hoạt động hiệu quả. "
        "Các "
        "mô hình sản xuất ứng dụng công nghệ cao, tưới tiết kiệm được nhân rộng, giúp nâng giá trị trên mỗi "
        "đơn "
        "vị diện tích.",
        c.pick(
            (
                f"Đến nay, {c.prov} có {c.n(60, 140)} xã đạt chuẩn nông thôn mới nâng cao và {c.n(12, 40)} xã "
                "đạt chuẩn "
                "nông thôn mới kiểu mẫu.",
                f"Toàn {c.unit} phấn đấu đến cuối năm {c.year} có thêm {c.n(5, 20)} xã đạt chuẩn nông thôn mới "
                "nâng cao.",
            )
        ),
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Tuyến đường nông thôn mới ở {where}.", "nông thôn mới"),
            (f"Sản phẩm OCOP của {where.split(',')[0]}.", None),
        ][: c.n(1, 2)],
        ["nông thôn mới", "OCOP", c.P],
    )


def investment(c: Ctx) -> Draft:
    iz = c.pick_new(c.w.industrial)
    official, investor = c.person(), c.person(woman=False)
    amount = f"{c.dec(1.0, 1.8)} tỷ USD" if c.rng.random() < 0.3 else f"{c.n(12, 350)} triệu USD"
    country = c.pick(("Hàn Quốc", "Nhật Bản", "Singapore", "Đài Loan (Trung Quốc)", "Hoa Kỳ", "Đức"))
    title = c.pick(
        (
            f"{iz} đón dự án {amount} của nhà đầu tư {country}",
            f"{c.P} thu hút thêm {amount} vốn đầu tư vào {iz}",
        )
    )
    lead = (
        f"Chiều {c.when.day}-{c.when.month}, UBND {c.prov} trao giấy chứng nhận đăng ký đầu tư cho dự án "
        f"của nhà đầu tư {country} tại {iz}, với tổng vốn {amount}."
    )
    paragraphs = [
        f"Dự án sản xuất linh kiện điện tử và vật liệu mới trên diện tích {c.n(8, 65)} ha, dự kiến đi vào "
        "hoạt động "
        f"từ quý {c.n(1, 4)}/{c.year + 1}, tạo việc làm cho khoảng {c.big(800, 5200)} lao động.",
        f"{cap(investor.honorific)} {investor.name}, đại diện nhà đầu tư, cho biết doanh nghiệp chọn {c.P} "
        "nhờ "
        "vị trí thuận lợi, hạ tầng giao thông đang được đầu tư mạnh và sự hỗ trợ tích cực của chính quyền "
        "trong "
        "giải quyết thủ tục.",
        f"Theo {official.honorific} {official.name}, Giám đốc {c.dept('plan')}, từ đầu năm đến nay {c.unit} "
        "thu hút "
        f"{c.n(12, 60)} dự án mới, tổng vốn đăng ký hơn {c.big(8000, 52000)} tỷ đồng; tỷ lệ lấp đầy các khu "
        "công "
        f"nghiệp đạt {c.n(62, 91)}%.",
        c.pick(
            (
                f"{c.ubnd} cam kết tiếp tục cải thiện môi trường đầu tư, kinh doanh; bảo đảm nguồn điện, nước và "
                "nhân "
                "lực có tay nghề cho các dự án.",
                "Lãnh đạo tỉnh đề nghị nhà đầu tư triển khai dự án đúng tiến độ, ưu tiên sử dụng lao động địa "
                "phương và tuân thủ nghiêm các quy định về bảo vệ môi trường.",
            )
        ),
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Lãnh đạo {c.ubnd} trao giấy chứng nhận đăng ký đầu tư cho nhà đầu tư {country}.", None),
            (f"Một góc {iz}.", iz),
        ],
        ["thu hút đầu tư", "khu công nghiệp", iz],
    )


def dengue(c: Ctx) -> Draft:
    doctor, official = c.person(), c.person()
    where = c.commune()
    cases = c.n(420, 3800)
    title = c.pick(
        (
            f"Số ca sốt xuất huyết ở {c.P} tăng {c.n(20, 80)}% so với cùng kỳ",
            f"{c.P} ra quân diệt lăng quăng, phòng chống sốt xuất huyết",
        )
    )
    lead = (
        f"Từ đầu năm đến nay, {c.prov} ghi nhận {fmt(cases)} ca sốt xuất huyết, trong đó có "
        f"{c.n(1, 4)} trường hợp tử vong. Ngành y tế cảnh báo dịch có thể bùng phát mạnh trong mùa mưa."
    )
    paragraphs = [
        f"Theo Trung tâm Kiểm soát bệnh tật (CDC) {c.P}, các ca bệnh tập trung ở khu dân cư đông đúc, nhà "
        "trọ công "
        "nhân và vùng ven đô, nơi có nhiều dụng cụ chứa nước, phế thải là nơi muỗi vằn sinh sản.",
        f"Tại {c.w.hospital}, số bệnh nhân sốt xuất huyết nhập viện mỗi ngày tăng lên {c.n(15, 45)} - "
        f"{c.n(46, 70)} ca. Bác sĩ {doctor.name}, Trưởng khoa Nhiễm, cho biết nhiều bệnh nhân nhập viện "
        "muộn, "
        "khi đã có dấu hiệu cảnh báo nặng như đau bụng, nôn ói, chảy máu chân răng.",
        "“Người dân tuyệt đối không tự điều trị tại nhà, không truyền dịch tùy tiện. Khi sốt cao liên tục từ "
        "2 "
        f"ngày trở lên cần đến cơ sở y tế để được theo dõi”, bác sĩ {doctor.name.split()[-1]} khuyến cáo.",
        f"Ngày {c.when.day}-{c.when.month}, {where} phối hợp ngành y tế tổ chức chiến dịch diệt lăng quăng, "
        "huy "
        f"động hơn {c.n(120, 600)} đoàn viên, thanh niên, tổ tự quản đến từng hộ thu gom vật phế thải, súc "
        "rửa "
        "dụng cụ chứa nước.",
        f"{cap(official.honorific)} {official.name}, Phó Giám đốc {c.dept('health')}, đề nghị các địa "
        "phương kích hoạt ban chỉ đạo phòng, chống dịch, xử lý triệt để ổ dịch mới, không để lây lan rộng.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Lực lượng tình nguyện thu gom vật dụng chứa nước tại {where}.", "diệt lăng quăng"),
            (f"Bệnh nhân sốt xuất huyết điều trị tại {c.w.hospital}.", None),
        ],
        ["sốt xuất huyết", "y tế", "phòng chống dịch"],
    )


def hospital(c: Ctx) -> Draft:
    doctor, patient = c.person(), c.person()
    age = c.n(36, 78)
    where = c.commune()
    procedure = c.pick(
        (
            ("can thiệp mạch vành cấp cứu", "nhồi máu cơ tim cấp"),
            ("lấy huyết khối bằng dụng cụ cơ học", "nhồi máu não cấp"),
            ("phẫu thuật nội soi cắt khối u", "u đại tràng"),
            ("thay khớp háng toàn phần", "hoại tử chỏm xương đùi"),
        )
    )
    title = c.pick(
        (
            f"{c.w.hospital} làm chủ kỹ thuật {procedure[0]}",
            f"Cứu sống bệnh nhân {procedure[1]} nhờ kỹ thuật {procedure[0]}",
        )
    )
    lead = (
        f"Các bác sĩ {c.w.hospital} vừa thực hiện thành công kỹ thuật {procedure[0]} cho bệnh nhân "
        f"{patient.name} ({age} tuổi, ngụ {where}), giúp người bệnh không phải chuyển tuyến."
    )
    paragraphs = [
        f"Bệnh nhân nhập viện trong tình trạng {procedure[1]}, tiên lượng nặng. Ê-kíp đã hội chẩn khẩn và "
        "quyết "
        f"định thực hiện {procedure[0]} ngay trong “giờ vàng”.",
        f"Theo bác sĩ CKII {doctor.name}, Phó Giám đốc bệnh viện, sau {c.n(45, 180)} phút, ca can thiệp "
        "thành "
        f"công. Hiện sức khỏe bệnh nhân ổn định, dự kiến xuất viện sau {c.n(4, 10)} ngày.",
        f"Từ đầu năm, bệnh viện đã triển khai {c.n(6, 24)} kỹ thuật mới, trong đó nhiều kỹ thuật trước đây "
        "chỉ "
        "thực hiện được ở tuyến trung ương. Điều này giúp người dân được điều trị ngay tại địa phương, tiết "
        "kiệm "
        "chi phí và thời gian đi lại.",
        c.pick(
            (
                "Người nhà bệnh nhân xúc động cho biết, nếu phải chuyển lên tuyến trên, quãng đường xa có thể "
                "khiến "
                "người bệnh không qua khỏi.",
                "Bệnh viện khuyến cáo người dân khi có dấu hiệu bất thường như đau ngực, méo miệng, yếu liệt tay "
                "chân "
                "cần đến ngay cơ sở y tế gần nhất.",
            )
        ),
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [(f"Ê-kíp bác sĩ {c.w.hospital} thực hiện kỹ thuật {procedure[0]}.", "ca can thiệp")],
        ["y tế", "kỹ thuật mới", c.w.hospital],
    )


def exam(c: Ctx) -> Draft:
    official, student, teacher = c.person(), c.person(), c.person(woman=True)
    y = c.year
    candidates = c.big(9000, 42000)
    if c.month in (5, 6, 7):
        title = c.pick(
            (
                f"{candidates} thí sinh {c.P} bước vào kỳ thi tốt nghiệp THPT năm {y}",
                f"{c.P} sẵn sàng cho kỳ thi tốt nghiệp THPT năm {y}",
            )
        )
        lead = (
            f"Kỳ thi tốt nghiệp THPT năm {y} tại {c.prov} có {candidates} thí sinh đăng ký dự thi tại "
            f"{c.n(28, 90)} điểm thi. Đây là năm {'đầu tiên' if y == 2025 else 'thứ hai'} thực hiện kỳ "
            "thi "
            "theo Chương trình giáo dục phổ thông 2018."
        )
        paragraphs = [
            f"Theo {official.honorific} {official.name}, Giám đốc {c.dept('edu')}, ngành đã hoàn tất công "
            "tác chuẩn "
            f"bị cơ sở vật chất, in sao đề thi và tập huấn nghiệp vụ cho hơn {c.big(2500, 7000)} cán bộ, "
            "giáo viên "
            "làm nhiệm vụ.",
            "Các điểm thi được trang bị camera giám sát, máy phát hiện thiết bị thu phát sóng; phòng bảo "
            "quản đề "
            "thi có lực lượng công an trực 24/24 giờ.",
            f"Em {student.name}, học sinh lớp 12 Trường THPT chuyên {c.P}, cho biết đã ôn tập kỹ theo định "
            "hướng "
            "của thầy cô. “Em chọn tổ hợp Toán, Ngữ văn, Vật lý và Tiếng Anh. Em hơi hồi hộp nhưng tự tin”, "
            "em nói.",
            "Ngành điện, cấp nước, y tế và giao thông được yêu cầu phối hợp bảo đảm kỳ thi diễn ra an toàn. "
            "Đoàn "
            "thanh niên tổ chức chương trình “Tiếp sức mùa thi” hỗ trợ chỗ ở, suất ăn miễn phí cho thí sinh "
            "ở xa.",
        ]
        tags = [f"thi tốt nghiệp THPT {y}", "giáo dục", c.P]
    else:
        big_city = c.w.region in ("metro", "capital")
        pupils = f"{c.dec(1.6, 2.3)} triệu" if big_city else f"{c.n(150, 480)}.000"
        title = c.pick(
            (
                f"Học sinh {c.P} hân hoan ngày khai giảng năm học {y}-{y + 1}",
                f"Ngành giáo dục {c.P} bước vào năm học mới {y}-{y + 1}",
            )
        )
        lead = (
            f"Sáng 5-9, hơn {pupils} học sinh các cấp trên địa bàn {c.prov} dự lễ khai giảng năm học "
            f"{y}-{y + 1}. Đây là năm học ngành giáo dục tập trung nâng cao chất lượng dạy và học."
        )
        paragraphs = [
            f"Năm học mới, toàn {c.unit} có {c.big(380, 1100)} trường học, {c.n(12, 60)} trường được xây mới, "
            "nâng cấp. "
            f"Tỷ lệ trường đạt chuẩn quốc gia đạt {c.n(62, 88)}%.",
            f"Cô {teacher.name}, giáo viên chủ nhiệm lớp 1, cho biết các em học sinh đầu cấp được làm quen "
            "trường "
            "lớp từ tuần trước nên tự tin, hào hứng trong ngày khai giảng.",
            f"Theo {official.honorific} {official.name}, Giám đốc {c.dept('edu')}, ngành vẫn còn thiếu "
            "khoảng "
            f"{c.big(300, 1500)} giáo viên, nhất là giáo viên tiếng Anh, tin học và âm nhạc, mỹ thuật.",
            "Nhiều nhà hảo tâm, doanh nghiệp đã trao tặng xe đạp, tập vở và học bổng cho học sinh có hoàn "
            "cảnh khó "
            "khăn, giúp các em vững bước đến trường.",
        ]
        tags = ["khai giảng", f"năm học {y}-{y + 1}", "giáo dục"]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Học sinh {c.P} trong ngày hội đến trường.", "học sinh"),
            ("Cán bộ kiểm tra công tác chuẩn bị tại một điểm trường.", None),
        ][: c.n(1, 2)],
        tags,
    )


def housing(c: Ctx) -> Draft:
    official, owner = c.person(), c.person()
    where = c.commune()
    houses = c.big(600, 4800)
    title = c.pick(
        (
            f"{c.P} hoàn thành xóa {houses} căn nhà tạm, nhà dột nát",
            f"Niềm vui nhà mới của hộ nghèo ở {where.split(',')[0]}",
        )
    )
    lead = (
        f"Đến nay, {c.prov} đã khởi công {houses} căn nhà cho hộ nghèo, hộ cận nghèo và gia đình chính "
        "sách, "
        f"hoàn thành {c.n(92, 100)}% kế hoạch xóa nhà tạm, nhà dột nát trên địa bàn."
    )
    paragraphs = [
        f"Căn nhà mới khang trang của {owner.honorific} {owner.name}, ở {where}, rộng {c.n(32, 60)} m², được "
        "xây "
        f"dựng với kinh phí {c.n(60, 120)} triệu đồng, trong đó {c.n(50, 60)} triệu đồng từ chương trình và "
        "phần "
        "còn lại do họ hàng, hàng xóm góp công, góp của.",
        "“Mấy chục năm ở căn nhà lá, mùa mưa dột khắp nơi. Giờ có nhà mới, vợ chồng tôi yên tâm làm ăn, lo "
        "cho "
        f"con cái học hành”, {owner.call} xúc động nói.",
        f"Theo {official.honorific} {official.name}, Chủ tịch Ủy ban MTTQ Việt Nam {c.unit}, chương trình đã "
        "huy "
        f"động hơn {c.n(80, 450)} tỷ đồng từ ngân sách, doanh nghiệp và các tổ chức, cá nhân; lực lượng vũ "
        "trang, "
        f"đoàn viên thanh niên hỗ trợ hơn {c.big(5000, 30000)} ngày công.",
        "Cùng với xây nhà, các địa phương hỗ trợ hộ nghèo vay vốn, chuyển giao kỹ thuật chăn nuôi, trồng "
        "trọt, "
        "giới thiệu việc làm để người dân “an cư” và “lạc nghiệp”, thoát nghèo bền vững.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [(f"Bàn giao nhà mới cho hộ nghèo ở {where}.", None)],
        ["xóa nhà tạm", "an sinh xã hội", "giảm nghèo"],
    )


def traffic(c: Ctx) -> Draft:
    officer, driver = c.person(woman=False), c.person(woman=False)
    road = c.pick([r for r in c.w.roads if not r.startswith(("tuyến", "cầu", "nút giao"))] or list(c.w.roads))
    cases = c.n(120, 680)
    fine = c.n(2, 19)
    title = c.pick(
        (
            f"Tai nạn giao thông ở {c.P} giảm cả 3 tiêu chí",
            f"{c.P}: Xử lý {c.big(900, 6000)} trường hợp vi phạm nồng độ cồn trong {c.n(2, 6)} tháng",
            f"Tăng cường tuần tra, kiểm soát trên {road}",
        )
    )
    lead = (
        f"Trong {c.n(3, 10)} tháng năm {c.year}, trên địa bàn {c.prov} xảy ra {cases} vụ tai nạn giao "
        "thông, "
        f"giảm {c.n(5, 22)} vụ so với cùng kỳ; số người chết và bị thương cũng giảm."
    )
    paragraphs = [
        f"Theo Phòng Cảnh sát giao thông {c.dept('police')}, lực lượng chức năng đã lập biên bản "
        f"{c.big(12000, 58000)} trường hợp vi phạm, phạt tiền hơn {c.n(25, 140)} tỷ đồng, tước giấy phép lái "
        "xe "
        f"{c.big(900, 6500)} trường hợp. Vi phạm nồng độ cồn chiếm tỷ lệ cao nhất.",
        f"Tối {c.when.day}-{c.when.month}, tại chốt kiểm tra trên {road}, tổ công tác liên tục dừng xe kiểm "
        "tra. "
        f"Anh {driver.name} bị phát hiện có nồng độ cồn vượt mức, bị xử phạt {fine} triệu đồng và tạm giữ "
        "phương tiện.",
        f"“Tôi chỉ uống vài lon bia ở đám giỗ, nghĩ gần nhà nên chủ quan. Lần này là bài học nhớ đời”, anh "
        f"{driver.name.split()[-1]} nói.",
        f"Thượng tá {officer.name}, Phó Trưởng phòng Cảnh sát giao thông, cho biết thời gian tới lực lượng "
        "sẽ tiếp "
        "tục tuần tra, kiểm soát lưu động kết hợp cố định, tập trung các tuyến trọng điểm, khung giờ cao "
        "điểm và "
        "sử dụng camera giám sát để phát hiện, xử lý vi phạm.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (
                f"Cảnh sát giao thông kiểm tra nồng độ cồn người điều khiển phương tiện trên {road}.",
                "kiểm tra nồng độ cồn",
            )
        ],
        ["an toàn giao thông", "nồng độ cồn", c.P],
    )


def festival(c: Ctx) -> Draft:
    fest = c.pick_new(c.w.festivals)
    relic = c.pick(c.w.relics)
    elder, official = c.person(woman=False), c.person()
    visitors = c.big(8000, 120000)
    title = c.pick((f"Khai mạc {fest} năm {c.year}", f"Hàng vạn lượt khách về dự {fest}", f"Đặc sắc {fest}"))
    lead = (
        f"Tối {c.when.day}-{c.when.month}, UBND {c.prov} khai mạc {fest} năm {c.year}. Lễ hội diễn ra "
        f"trong {c.n(3, 7)} ngày với nhiều hoạt động văn hóa, thể thao và du lịch hấp dẫn."
    )
    paragraphs = [
        "Lễ hội gồm phần lễ được tổ chức trang nghiêm theo nghi thức truyền thống và phần hội với các trò "
        "chơi dân "
        "gian, hội thi ẩm thực, trưng bày sản phẩm OCOP và biểu diễn nghệ thuật.",
        f"Cụ {elder.name}, {c.n(72, 91)} tuổi, người nhiều năm tham gia ban tổ chức lễ, cho biết năm nào "
        "cũng có "
        "đông đảo người dân, con cháu đi làm ăn xa trở về dự. “Lễ hội là dịp để mọi người nhớ về cội nguồn, "
        "gắn kết "
        f"xóm làng”, cụ {elder.name.split()[-1]} chia sẻ.",
        f"Theo {official.honorific} {official.name}, Phó Giám đốc {c.dept('culture')}, dự kiến lễ hội thu "
        "hút "
        f"khoảng {visitors} lượt khách. Địa phương đã bố trí lực lượng bảo đảm an ninh trật tự, an toàn thực "
        "phẩm "
        "và vệ sinh môi trường.",
        f"Nhân dịp này, {c.unit} cũng tổ chức các tour tham quan {relic} và các làng nghề truyền thống, góp "
        "phần "
        "quảng bá hình ảnh, con người địa phương đến du khách.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Nghi thức truyền thống tại {fest}.", fest),
            ("Du khách tham gia trò chơi dân gian tại lễ hội.", None),
            (f"Tham quan {relic}.", relic),
        ][: c.n(2, 3)],
        [fest, "lễ hội", "văn hóa"],
    )


def environment(c: Ctx) -> Draft:
    where, leader, resident = c.commune(), c.person(), c.person(woman=True)
    river = c.w.river
    title = c.pick(
        (
            f"Ra quân làm sạch môi trường ven {river}",
            f"{cap(where.split(',')[0])} nói không với rác thải nhựa",
            f"{c.P} trồng mới hơn {c.n(20, 150)}.000 cây xanh trong năm {c.year}",
        )
    )
    lead = (
        f"Sáng {c.when.day}-{c.when.month}, hơn {c.big(300, 1500)} cán bộ, đoàn viên, hội viên và người "
        "dân "
        f"{where} ra quân thu gom rác thải, khơi thông dòng chảy, trồng cây xanh dọc tuyến ven {river}."
    )
    paragraphs = [
        f"Chỉ trong buổi sáng, lực lượng tham gia đã thu gom hơn {c.n(4, 30)} tấn rác thải, chủ yếu là túi "
        "ni lông, "
        f"chai nhựa và lục bình; trồng mới {c.big(500, 3000)} cây sao, dầu, bằng lăng trên các tuyến đường.",
        f"Bà {resident.name}, người dân địa phương, cho biết trước đây nhiều hộ có thói quen xả rác xuống "
        "kênh "
        "rạch. “Giờ xóm có tổ tự quản, mỗi nhà một thùng rác có nắp, xe thu gom tới tận nơi nên đường sạch, "
        "sông "
        f"cũng trong hơn”, bà {resident.name.split()[-1]} nói.",
        f"Theo {leader.honorific} {leader.name}, Phó Giám đốc {c.dept('env')}, tỷ lệ chất thải rắn sinh hoạt "
        "được "
        f"thu gom ở đô thị của {c.unit} đạt {c.dec(92, 99)}%, ở nông thôn đạt {c.n(70, 90)}%. Tuy nhiên, "
        "việc phân "
        "loại rác tại nguồn vẫn còn hạn chế.",
        f"Thời gian tới, {c.unit} tiếp tục nhân rộng mô hình “Chợ giảm rác thải nhựa”, “Tuyến đường xanh - "
        "sạch - "
        "đẹp”, đồng thời tăng cường kiểm tra, xử lý các trường hợp xả thải gây ô nhiễm.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Đoàn viên thanh niên thu gom rác thải ven {river}.", "thu gom rác"),
            (f"Trồng cây xanh tại {where}.", None),
        ][: c.n(1, 2)],
        ["môi trường", "rác thải nhựa", river],
    )


def tourism(c: Ctx) -> Draft:
    relic, official, owner = c.pick(c.w.relics), c.person(), c.person(woman=True)
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
    title = c.pick((f"{c.P} đón {visitors} lượt khách {holiday}", f"Du lịch {c.P} khởi sắc {holiday}"))
    lead = (
        f"Theo {c.dept('culture')} {c.P}, {holiday}, toàn {c.unit} đón khoảng {visitors} lượt khách, "
        "tăng "
        f"{c.n(8, 35)}% so với cùng kỳ; doanh thu du lịch ước đạt {revenue} tỷ đồng."
    )
    paragraphs = [
        f"Các điểm đến như {relic}, các khu du lịch sinh thái, homestay ven sông luôn đông khách. Nhiều cơ "
        "sở lưu "
        f"trú đạt công suất phòng {c.n(70, 98)}%.",
        f"Chị {owner.name}, chủ một homestay, cho biết khách đặt phòng kín từ trước lễ cả tuần. “Khách thích "
        "trải "
        "nghiệm bơi xuồng, hái trái cây, học làm bánh dân gian. Mình phải thuê thêm người phụ mới kịp phục "
        "vụ”, chị "
        f"{owner.name.split()[-1]} nói.",
        f"{cap(official.honorific)} {official.name}, Phó Giám đốc {c.dept('culture')}, cho biết ngành đã "
        "tăng cường kiểm tra giá cả, chất lượng dịch vụ, không để xảy ra tình trạng “chặt chém” du khách.",
        c.pick(
            (
                f"Năm {c.year}, {c.unit} đặt mục tiêu đón {c.n(3, 12)} triệu lượt khách, tập trung phát triển du "
                "lịch "
                "nông nghiệp, du lịch cộng đồng gắn với sản phẩm đặc trưng của địa phương.",
                "Dù vậy, sản phẩm du lịch còn trùng lặp, thiếu điểm nhấn về đêm; hạ tầng giao thông đến một số "
                "điểm "
                "còn hạn chế.",
            )
        ),
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [(f"Du khách tham quan {relic} {holiday}.", relic)],
        ["du lịch", c.P, holiday.replace("dịp ", "")],
    )


def fisheries(c: Ctx) -> Draft:
    species = c.pick_new(c.w.seafood)
    where, farmer, official = c.commune(), c.person(woman=False), c.person()
    price = c.n(28, 160)
    title = c.pick(
        (f"Người nuôi {species} ở {c.P} phấn khởi vì được giá", f"Sản lượng {species} của {c.P} tăng mạnh")
    )
    lead = (
        f"Giá {species} thương phẩm hiện dao động {price}.000 - {price + c.n(5, 20)}.000 đồng/kg, tăng "
        "so với "
        f"đầu năm, giúp người nuôi ở {where} có lợi nhuận khá."
    )
    paragraphs = [
        f"Ông {farmer.name} ở {where} vừa thu hoạch {c.n(3, 40)} tấn {species}. Trừ chi phí, gia đình lãi "
        "hơn "
        f"{c.n(80, 600)} triệu đồng. “Vụ này thời tiết thuận, con giống tốt nên tỷ lệ hao hụt thấp”, "
        f"{farmer.call} cho biết.",
        f"Theo {c.dept('agri')}, từ đầu năm đến nay sản lượng thủy sản của {c.unit} đạt "
        f"{c.big(20000, 650000)} tấn, "
        f"tăng {c.dec(2, 12)}% so với cùng kỳ; diện tích nuôi ứng dụng công nghệ cao ngày càng được mở rộng.",
        "Nhiều hộ đã liên kết với doanh nghiệp chế biến xuất khẩu theo hình thức bao tiêu, áp dụng quy trình "
        "ASC, BAP, giúp sản phẩm đáp ứng yêu cầu của các thị trường nhập khẩu.",
        f"{cap(official.honorific)} {official.name}, Chi cục trưởng Chi cục Thủy sản, khuyến cáo người nuôi "
        "không chạy theo giá mà thả nuôi ồ ạt, cần theo dõi chặt chẽ môi trường nước và chủ động phòng bệnh.",
    ]
    return Draft(
        title, lead, paragraphs, [(f"Thu hoạch {species} ở {where}.", species)], [species, "thủy sản", c.P]
    )


def weather(c: Ctx) -> Draft:
    where, official, resident = c.commune(), c.person(), c.person(woman=False)
    region, river = c.w.region, c.w.river
    if region == "mekong":
        title = c.pick(
            (
                f"Sạt lở bờ {river} đe dọa nhiều hộ dân ở {where.split(',')[0]}",
                f"Khẩn cấp khắc phục sạt lở bờ {river}",
            )
        )
        lead = (
            f"Ngày {c.when.day}-{c.when.month}, một đoạn bờ {river} dài khoảng {c.n(30, 180)} m thuộc "
            f"{where} "
            f"bị sạt lở, cuốn trôi {c.n(1, 6)} căn nhà và nhiều tài sản của người dân, may mắn không có "
            "thiệt "
            "hại về người."
        )
        scene = (
            f"Ông {resident.name} kể, khoảng 3 giờ sáng nghe tiếng động lớn, cả nhà chạy ra thì đất đã "
            "sụp "
            f"xuống sông. “Chỉ kịp bồng mấy đứa nhỏ chạy, đồ đạc trôi hết”, {resident.call} bàng hoàng "
            "nói."
        )
        cause = (
            "Nguyên nhân được xác định do dòng chảy xoáy sát bờ, kết hợp triều cường và tình trạng khai "
            "thác "
            "cát trái phép trước đây khiến đáy sông bị khoét sâu."
        )
        tags = ["sạt lở", river, "phòng chống thiên tai"]
    elif region == "central":
        title = c.pick((f"Mưa lớn gây ngập sâu nhiều khu dân cư ở {c.P}", f"{c.P} sơ tán dân tránh lũ"))
        eve = c.when - timedelta(days=1)
        lead = (
            f"Do ảnh hưởng của hoàn lưu bão kết hợp không khí lạnh, từ đêm {eve.day}-{eve.month} đến "
            "sáng "
            f"{c.when.day}-{c.when.month}, {c.prov} có mưa to đến rất to, lượng mưa phổ biến "
            f"{c.n(150, 300)} - {c.n(310, 520)} mm, khiến nhiều khu dân cư bị ngập sâu."
        )
        scene = (
            f"Tại {where}, nước ngập sâu 0,5 - 1,2 m. Ông {resident.name} cho biết gia đình đã kê cao "
            "đồ đạc, "
            "di chuyển gia súc lên chỗ cao từ chiều hôm trước nên thiệt hại không lớn."
        )
        cause = (
            f"Mực nước trên {river} lên nhanh, vượt báo động 2; nhiều hồ chứa thủy lợi phải xả tràn "
            "điều tiết."
        )
        tags = ["mưa lũ", "phòng chống thiên tai", c.P]
    elif region == "north" and c.month not in (11, 12, 1, 2, 3):
        title = c.pick((f"Mưa lớn gây sạt lở nhiều tuyến đường ở {c.P}", f"{c.P} khắc phục hậu quả mưa lũ"))
        lead = (
            "Mưa lớn kéo dài từ ngày "
            f"{(c.when - timedelta(days=2)).day}-{(c.when - timedelta(days=2)).month} "
            f"khiến nhiều tuyến đường ở {c.prov} bị sạt lở, chia cắt; hàng trăm héc-ta lúa, hoa màu bị "
            "ngập úng."
        )
        scene = (
            f"Tại {where}, hàng nghìn mét khối đất đá từ taluy dương đổ xuống mặt đường. Ông "
            f"{resident.name} cho "
            "biết nước trên suối lên nhanh trong đêm, nhiều hộ phải di chuyển tài sản lên chỗ cao."
        )
        cause = (
            f"Mực nước trên {river} lên nhanh; cơ quan khí tượng cảnh báo nguy cơ lũ quét, sạt lở đất ở "
            "vùng "
            "núi và ngập úng ở vùng trũng thấp trong những ngày tới."
        )
        tags = ["mưa lũ", "sạt lở", c.P]
    elif region == "north":
        title = f"Rét đậm, rét hại kéo dài, {c.P} chủ động bảo vệ cây trồng, vật nuôi"
        lead = (
            f"Những ngày qua, nhiệt độ trung bình ở {c.prov} xuống dưới 13 độ C, vùng núi có nơi dưới 8 "
            "độ C. "
            "Chính quyền các địa phương đã chỉ đạo người dân chủ động che chắn chuồng trại, bảo vệ mạ và "
            "cây "
            "trồng vụ đông."
        )
        scene = (
            f"Ông {resident.name} ở {where} cho biết gia đình đã dùng bạt, rơm khô che chắn chuồng cho "
            f"{c.n(3, 12)} con trâu, bò; cho vật nuôi ăn thêm thức ăn tinh, uống nước ấm pha muối."
        )
        cause = (
            "Theo cơ quan khí tượng, đợt rét có thể kéo dài thêm 4 - 5 ngày, vùng núi cao có khả năng "
            "xuất hiện "
            "băng giá, sương muối."
        )
        tags = ["rét đậm rét hại", "thời tiết", c.P]
    else:
        title = c.pick(
            (
                f"Triều cường vượt đỉnh, nhiều tuyến đường ở {c.P} ngập sâu",
                f"Mưa lớn kết hợp triều cường gây ngập ở {where.split(',')[0]}",
            )
        )
        lead = (
            f"Chiều tối {c.when.day}-{c.when.month}, đỉnh triều trên {river} đạt {c.dec(1.6, 1.8, 2)} m, "
            "vượt "
            "mức báo động 3, kết hợp mưa lớn khiến nhiều tuyến đường, khu dân cư bị ngập sâu."
        )
        scene = (
            f"Tại {where}, nhiều đoạn đường nước ngập quá bánh xe, người dân phải dắt bộ. Anh "
            f"{resident.name} "
            "cho biết mỗi đợt triều cường, nhà anh phải kê cao đồ đạc, đắp bao cát trước cửa."
        )
        cause = (
            "Các đơn vị thoát nước đã vận hành các trạm bơm, máy bơm lưu động, khơi thông cống, hố ga "
            "để "
            "rút nước nhanh."
        )
        tags = ["triều cường", "ngập nước", c.P]
    paragraphs = [
        scene,
        cause,
        f"{cap(official.honorific)} {official.name}, Phó Chánh Văn phòng thường trực Ban Chỉ huy phòng, "
        f"chống thiên tai và tìm kiếm cứu nạn {c.unit}, cho biết lực lượng chức năng đã di dời "
        f"{c.n(10, 240)} hộ dân "
        "khỏi vùng nguy hiểm, bố trí chỗ ở tạm và hỗ trợ lương thực, nước uống.",
        f"{c.ubnd} chỉ đạo các địa phương tiếp tục theo dõi sát diễn biến thời tiết, thông tin kịp thời đến "
        "người "
        "dân; rà soát các khu vực có nguy cơ cao để chủ động phương án ứng phó, không để bị động, bất ngờ.",
    ]
    return Draft(
        title,
        lead,
        paragraphs,
        [
            (f"Hiện trường tại {where}.", "hiện trường"),
            ("Lực lượng chức năng hỗ trợ người dân di dời tài sản.", None),
        ],
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

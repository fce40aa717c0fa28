"""Canonical URLs and ids: every variant of an article's URL maps to one id."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crawler.sites import get_site
from crawler.urls import article_id, canonicalize

APBAC = "https://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912/"


def test_variants_of_a_family_b_url_share_one_form() -> None:
    variants = [
        APBAC,
        "http://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912",
        "https://WWW.BaoApBac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912/index.htm",
        "https://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912/?utm_source=zalo&zarsrc=30#binh-luan",
        "https://m.baoapbac.vn//xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912/amp/",
    ]
    assert {canonicalize(v) for v in variants} == {APBAC}


def test_meaningful_query_parameters_stay_sorted() -> None:
    assert (
        canonicalize("https://x.vn/tim-kiem?q=l%C5%A9&page=2&utm_medium=x")
        == "https://x.vn/tim-kiem/?page=2&q=l%C5%A9"
    )


def test_ids_use_the_cms_id_where_the_family_has_one() -> None:
    assert article_id(get_site("baoapbac"), APBAC) == "baoapbac-1050912"
    url = "https://baodongthap.vn/nong-dan-thap-muoi-trung-mua-lua-a123456.html"
    assert article_id(get_site("baodongthap"), canonicalize(url)) == "baodongthap-123456"


_tracking = st.sampled_from(["utm_source=fb", "utm_campaign=x", "fbclid=IwAR0", "gclid=abc", "zarsrc=30"])


@given(
    scheme=st.sampled_from(["http", "https", "HTTPS"]),
    host=st.sampled_from(["baoapbac.vn", "www.baoapbac.vn", "BAOAPBAC.VN", "m.baoapbac.vn"]),
    suffix=st.sampled_from(["", "/", "/index.htm", "/amp/", "//"]),
    params=st.lists(_tracking, max_size=3),
    fragment=st.sampled_from(["", "#top", "#comment-12"]),
)
def test_every_variant_maps_to_one_id(
    scheme: str, host: str, suffix: str, params: list[str], fragment: str
) -> None:
    url = f"{scheme}://{host}/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912{suffix}"
    if params:
        url += "?" + "&".join(params)
    url += fragment
    canonical = canonicalize(url)
    assert canonical == APBAC
    assert article_id(get_site("baoapbac"), canonical) == "baoapbac-1050912"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-/.", min_size=1, max_size=40))
def test_canonicalize_is_idempotent(path: str) -> None:
    once = canonicalize(f"https://baocantho.com.vn/{path}")
    assert canonicalize(once) == once

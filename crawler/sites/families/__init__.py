"""The CMS families of Vietnamese provincial portals, each defined once (see shared PORTALS.md)."""

from crawler.sites.families.family_a import FAMILY_A
from crawler.sites.families.family_b import FAMILY_B
from crawler.sites.families.family_c import FAMILY_C
from crawler.sites.families.family_d import FAMILY_D
from crawler.sites.families.family_e import FAMILY_E
from crawler.sites.families.family_f import FAMILY_F
from crawler.sites.families.family_g import FAMILY_G
from crawler.sites.model import Family

FAMILIES: dict[str, Family] = {
    f.key: f for f in (FAMILY_A, FAMILY_B, FAMILY_C, FAMILY_D, FAMILY_E, FAMILY_F, FAMILY_G)
}

__all__ = ["FAMILIES", "FAMILY_A", "FAMILY_B", "FAMILY_C", "FAMILY_D", "FAMILY_E", "FAMILY_F", "FAMILY_G"]

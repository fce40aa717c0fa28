"""The generic family: no selectors of its own, for domains nobody has declared yet.

Extraction then rests on structured data and the generic layer alone.
"""

from crawler.sites.model import Family

FAMILY_GENERIC = Family(
    key="generic",
    name="undeclared portal (structured data and generic extraction only)",
    article_url=r"^/.+",
    templates=(),
    listing_links=(),
    next_page=("a[rel=next]",),
)

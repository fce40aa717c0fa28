"""Downloader components for faults and hostile input, one concern per module.

- `retry`: retries with exponential backoff and jitter that honour `Retry-After` (replaces Scrapy's own).
- `targets`: every request (entry points, sitemap children and entries, announced feeds, redirects,
  robots.txt) goes only to the site's own hosts and never to a private, loopback, link-local or reserved
  address (by name, literal or DNS answer): `offsite`, `private_target`, `redirect_*`.
- `redirects`: a redirect back into its own chain is a `redirect_loop`.
- `content`: article and listing answers that are not HTML are refused (`not_html`), not extracted.
- `charset`: the encoding of an HTML page decided from its bytes where header and meta disagree (Vietnamese
  pages in Windows-1258, UTF-8 pages labelled Latin-1).
- `errors`: the class a failure is counted under (`crawler/errors/<class>`).

The scheduler and duplicate filter that make Scrapy's job directory safe to resume after SIGKILL are in
`crawler/resume.py`.
"""

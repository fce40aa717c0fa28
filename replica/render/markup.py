"""Markup helpers every family's pages share: HTML escaping, datelines as each family prints them, ISO
times, JSON for `<script>` blocks, share links, the script-encoded paragraph some CMSs print."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from html import escape
from urllib.parse import quote

from replica.model import ReplicaArticle

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
NBSP = "\u00a0"


def esc(text: str) -> str:
    return escape(text, quote=True).replace(NBSP, "&nbsp;")


def weekday(d: datetime) -> str:
    return WEEKDAYS[d.weekday()]


def dateline(family: str, d: datetime, template: str | None = None) -> str:
    """The publication time as the family's article page prints it."""
    if family == "B" and template == "2018":
        return f"Cập nhật: {d:%H:%M}, {d:%d/%m/%Y} (GMT+7)"
    forms = {
        "A": f"{weekday(d)}, {d:%d/%m/%Y} - {d:%H:%M}",
        "B": f"{weekday(d)}, {d:%d/%m/%Y}, {d:%H:%M} (GMT+7)",
        "C": f"{d:%d/%m/%Y} {d:%H:%M}",
        "D": f"{d:%d/%m/%Y} {d:%H:%M} GMT+7",
        "E": f"{weekday(d)}, {d.day}/{d.month}/{d.year} - {d:%H:%M}",
        "F": f"Cập nhật: {d:%H:%M} {d:%d/%m/%Y}",
        "G": f"{d:%H:%M}, {d:%d/%m/%Y}",
    }
    return forms[family]


def printed_dateline(family: str, a: ReplicaArticle) -> str:
    """The dateline with the article's spacing oddities, ready for HTML (`&nbsp;` where the CMS wrote one)."""
    text = dateline(family, a.published, a.template)
    if "dateline-nbsp" in a.quirks:
        if " - " in text:
            text = text.replace(" - ", f"{NBSP}-{NBSP}")
        elif ", " in text:
            text = text.replace(", ", f",{NBSP}")
        else:
            text = text.replace(" ", NBSP, 1)
    if "dateline-spacing" in a.quirks:
        text = "\n                " + text.replace(" ", "  ") + "\n            "
    return esc(text)


def iso(d: datetime) -> str:
    return d.isoformat(timespec="seconds")


def stable_number(text: str) -> int:
    """A stable small number from an id or path, to vary markup between articles."""
    return sum(map(ord, text))


def share_link(a: ReplicaArticle) -> str:
    return esc("https://www.facebook.com/sharer/sharer.php?u=" + quote(a.url, safe=""))


def json_for_script(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def scripted_paragraph(text: str) -> str:
    """A paragraph the browser decodes: the text is in the page only as base64 inside a script."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (
        f'<div class="content-encode" data-encode="{encoded}"></div>'
        "<script>(function(){var e=document.querySelectorAll('.content-encode');for(var "
        "i=0;i<e.length;i++)"
        "{e[i].outerHTML='<p>'+decodeURIComponent(escape(atob(e[i].getAttribute('data-encode'))))+'</p>';}})();"
        "</script>"
    )

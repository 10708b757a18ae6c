"""RSS 2.0 and JSON Feed 1.1 for the whole digest and for each theme.

Dates are honest: a day-precise article gets an RFC 822 `pubDate` (JSON Feed:
`date_published`); a month- or year-precise one gets only Dublin Core `dc:date` at its own
precision (`2023-01`, `2021`), so no reader is shown a day the source never gave. Items are
newest first, partial dates placed at their first day. Written with the standard library's
ElementTree and json: feedgen (the usual library) insists on full datetimes and needs lxml.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .data import Data
from .model import Article

MAX_ITEMS = 50
DC = "http://purl.org/dc/elements/1.1/"
ATOM = "http://www.w3.org/2005/Atom"
# A day-precise date is published at 12:00 UTC (19:00 in Vietnam): the same calendar day for
# readers from UTC−11 to UTC+11. Midnight in Vietnam would show the day before in UTC.
NOON_UTC = _dt.time(12, 0, tzinfo=_dt.UTC)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    home: str  # absolute URL of the page the feed belongs to
    rss_url: str
    json_url: str


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _stamp(a: Article) -> _dt.datetime | None:
    if a.date and a.date.day:
        return _dt.datetime.combine(_dt.date(a.date.year, a.date.month or 1, a.date.day), NOON_UTC)
    return None


def latest(articles: Sequence[Article]) -> list[Article]:
    """The articles a feed holds: the newest MAX_ITEMS."""
    return heapq.nsmallest(MAX_ITEMS, articles, key=Article.newest_first_key)  # sorted(...)[:MAX_ITEMS]


def latest_of_sorted(newest_first: Iterable[Article]) -> list[Article]:
    """`latest` of articles already newest first: the first MAX_ITEMS, found without reading the
    rest (a feed's articles are a filter of the sorted list of every article)."""
    return list(itertools.islice(newest_first, MAX_ITEMS))


def rss(feed: Feed, articles: Sequence[Article], data: Data, site_url: str) -> bytes:
    # Imported here (about 25 ms): most runs, an edit or a rerun, take the feeds from the cache.
    import email.utils  # noqa: PLC0415
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    ET.register_namespace("dc", DC)
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (("title", feed.title), ("link", feed.home), ("description", feed.description)):
        ET.SubElement(channel, tag).text = _clean(text)
    ET.SubElement(channel, "language").text = "vi"
    ET.SubElement(channel, f"{{{ATOM}}}link", {"href": feed.rss_url, "rel": "self", "type": "application/rss+xml"})
    items = latest(articles)
    newest = next((s for s in map(_stamp, items) if s), None)
    if newest:
        ET.SubElement(channel, "lastBuildDate").text = email.utils.format_datetime(newest)
    for a in items:
        item = ET.SubElement(channel, "item")
        url = f"{site_url}bai-viet/{a.slug}/"
        ET.SubElement(item, "title").text = _clean(a.title)
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        ET.SubElement(item, "description").text = _clean(a.summary)
        stamp = _stamp(a)
        if stamp:
            ET.SubElement(item, "pubDate").text = email.utils.format_datetime(stamp)
        elif a.date:
            ET.SubElement(item, f"{{{DC}}}date").text = a.date.iso()
        if a.author:
            ET.SubElement(item, f"{{{DC}}}creator").text = _clean(a.author)
        for slug in a.themes:
            ET.SubElement(item, "category").text = data.theme(slug).name
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def json_feed(feed: Feed, articles: Sequence[Article], data: Data, site_url: str) -> bytes:
    items = []
    for a in latest(articles):
        url = f"{site_url}bai-viet/{a.slug}/"
        # JSON Feed 1.1 requires content_text or content_html: the summary, as RSS's description.
        item: dict[str, object] = {
            "id": url,
            "url": url,
            "title": a.title,
            "content_text": a.summary,
            "summary": a.summary,
        }
        stamp = _stamp(a)
        if stamp:
            item["date_published"] = stamp.isoformat()
        if a.author:
            item["authors"] = [{"name": a.author}]
        if a.themes:
            item["tags"] = [data.theme(s).name for s in a.themes]
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home,
        "feed_url": feed.json_url,
        "description": feed.description,
        "language": "vi",
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

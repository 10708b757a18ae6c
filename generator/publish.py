"""Publishing on GitHub Pages: what the one site URL setting means for the built site.

`site_url` in mkdocs.yml comes from the `SITE_URL` environment variable (with a placeholder as
default); MkDocs derives canonical links and `sitemap.xml` from it. This module derives the
rest: a `CNAME` file when the site is served at the root of its own domain. The MkDocs hook
(`generator/hooks.py`) calls it after every build, so `make site` and `make deploy` agree.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

CNAME = "CNAME"
GITHUB_PAGES_SUFFIX = ".github.io"
_LOCAL_HOSTS = frozenset({"localhost"})


def site_url_problem(site_url: str | None) -> str | None:
    """Why the site URL cannot be published, or None.

    `SITE_URL=""` (e.g. an undefined Actions variable) is not the placeholder: MkDocs then has no
    site URL at all, and pages lose their canonical links and sitemap entries without a word.
    """
    if not site_url:
        return "the site URL is empty (SITE_URL=''?): no canonical links, no sitemap addresses; set or unset it"
    return None  # MkDocs itself rejects a value that is not a URL


def _is_local(host: str) -> bool:
    """`mkdocs serve` rewrites the site URL to its own address (127.0.0.1 by default)."""
    if host in _LOCAL_HOSTS:
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def custom_domain(site_url: str | None) -> str | None:
    """The host to put in `CNAME`, or None when GitHub Pages needs none.

    None for GitHub's own `<user>.github.io`, for local addresses, and for a site below a path
    on a custom domain: that is a project site served under the owner's user site, whose
    repository holds the `CNAME`.
    """
    if not site_url:
        return None
    parts = urlsplit(site_url)
    host = (parts.hostname or "").rstrip(".")
    if not host or host.endswith(GITHUB_PAGES_SUFFIX) or _is_local(host):
        return None
    if parts.path.strip("/"):
        return None
    return host


def write_cname(site_dir: Path, site_url: str | None) -> str | None:
    """Write `site_dir/CNAME` when the site URL names a custom domain; return the domain."""
    domain = custom_domain(site_url)
    if domain is not None:
        (site_dir / CNAME).write_text(domain + "\n", encoding="utf-8")
    return domain

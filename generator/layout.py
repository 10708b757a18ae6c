"""Where generated pages live, how they link to each other, and the site's Vietnamese labels."""

from __future__ import annotations

import posixpath
from functools import cache, lru_cache

HOME = "index.md"
ARTICLES = "bai-viet"
YEARS = "nam"
THEMES = "chu-de"
YEARS_INDEX = f"{YEARS}/index.md"
UNDATED_ANCHOR = "chua-ro-thoi-gian"  # the heading of LABELS["undated"] on YEARS_INDEX, as MkDocs' toc slugs it
THEMES_INDEX = f"{THEMES}/index.md"
PEOPLE = "nhan-vat"
PEOPLE_INDEX = f"{PEOPLE}/index.md"
# The page in the nav whose tab is marked on pages outside the nav, by their folder: an article
# and a year's page under the years, a theme's and a person's page under theirs.
SECTIONS = {ARTICLES: YEARS_INDEX, YEARS: YEARS_INDEX, THEMES: THEMES_INDEX, PEOPLE: PEOPLE_INDEX}
TIMELINE = "dong-thoi-gian.md"
FIGURES = "so-lieu.md"
RSS = "rss.xml"
JSON_FEED = "feed.json"
ABOUT = "gioi-thieu.md"  # hand-written; linked when present
LATEST_ON_HOME = 10

LABELS = {
    "site": "Tin Việt – Lào",
    "home_title": "Tin Việt – Lào: tuyển tập tin tức về quan hệ Việt Nam – Lào",
    "home_intro": (
        "Tuyển tập có chọn lọc các bài báo tiếng Việt về quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt "
        "và hợp tác toàn diện Việt Nam – Lào: chính trị – đối ngoại, quốc phòng – an ninh, kinh tế, "
        "hạ tầng, văn hóa – giáo dục, hợp tác Quốc hội và hợp tác đa phương. Mỗi bài được làm sạch "
        "từ bản gốc, ghi rõ nguồn, ngày đăng và tệp dữ liệu gốc."
    ),
    "latest": "Bài mới nhất",
    "by_year": "Theo năm",
    "by_theme": "Theo chủ đề",
    "about": "Giới thiệu",
    "years_title": "Bài viết theo năm",
    "themes_title": "Bài viết theo chủ đề",
    "undated": "Chưa rõ thời gian",
    "no_month": "Không rõ tháng",
    "month": "Tháng {m}",
    "year": "Năm {y}",
    "year_link_title": "Các bài viết năm {y}",
    "articles": "{n} bài viết",
    "no_articles": "Chưa có bài viết nào.",
    "year_column": "Năm",
    "themes": "Chủ đề",
    "people": "Nhân vật",
    "people_title": "Nhân vật",
    "people_intro": "Các nhà lãnh đạo được nhắc đến trong tuyển tập, với chức vụ và các bài viết có nhắc tên.",
    "country": "Quốc gia",
    "offices": "Chức vụ",
    "mentions": "Bài viết nhắc đến",
    "source": "Nguồn",
    "author": "Tác giả",
    "date_unknown": "Không rõ ngày",
    "reading": "{n} phút đọc",
    "seed": "Tệp gốc",
    "total": "Tổng",
    "table_caption": "Số bài viết theo chủ đề và năm",
    "chart": "Số bài viết theo năm, chia theo chủ đề chính",
    "timeline_title": "Dòng thời gian",
    "timeline_intro": "Mọi bài viết có ngày đăng, xếp theo thứ tự thời gian, từ cũ đến mới.",
    "figures_title": "Số liệu chính",
    "figures_intro": (
        "Các con số nêu trong bài viết (giá trị, tỷ lệ, số văn kiện ký kết), xếp theo thời gian, "
        "để theo dõi chẳng hạn mục tiêu kim ngạch thương mại thay đổi qua các năm."
    ),
    "figure": "Số liệu",
    "context": "Nội dung",
    "article": "Bài viết",
    "date": "Ngày",
    "related": "Bài liên quan",
    "previous": "Bài trước",
    "next": "Bài sau",
    "read_original": "Đọc bài gốc",
    "feeds": "Theo dõi qua RSS: [toàn bộ tuyển tập]({rss}) · [JSON Feed]({json})",
    "theme_feed": "Theo dõi chủ đề này qua [RSS]({rss}) hoặc [JSON Feed]({json}).",
}


def article(slug: str) -> str:
    return f"{ARTICLES}/{slug}.md"


def year_page(year: int) -> str:
    return f"{YEARS}/{year}.md"


def theme_page(slug: str) -> str:
    return f"{THEMES}/{slug}.md"


def person_page(slug: str) -> str:
    return f"{PEOPLE}/{slug}.md"


def theme_feed(slug: str, name: str) -> str:
    """A theme's feed file beside its page: `chu-de/<slug>/rss.xml` (→ /chu-de/<slug>/rss.xml)."""
    return f"{THEMES}/{slug}/{name}"


def rel(from_page: str, to_page: str) -> str:
    """Relative link between two pages of `content/` (MkDocs resolves `.md` links).

    `posixpath.relpath(to_page, dirname(from_page))`, computed once per pair of folders: index
    pages link to thousands of articles in a handful of folders.
    """
    start = from_page.rpartition("/")[0]  # posixpath.dirname of a clean path
    folder, _, name = to_page.rpartition("/")  # posixpath.split of a clean path
    if not (to_page and _clean(to_page) and _clean(from_page)) or f"{start}/".startswith(f"{to_page}/"):
        return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")  # unusual paths: the general rule
    up = _rel_folder(start, folder)
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=1 << 16)  # index pages link to thousands of pages, each from several pages
def _clean(path: str) -> bool:
    """Relative, without empty, `.` or `..` parts: abspath() adds the cwd and changes nothing else."""
    return path == "" or not any(part in ("", ".", "..") for part in path.split("/"))


@cache
def _rel_folder(start: str, folder: str) -> str:
    return posixpath.relpath(folder or ".", start or ".")


def section_index(src_uri: str) -> str | None:
    """The nav page (`SECTIONS`) under whose tab the page at `src_uri` (`bai-viet/x.md`) belongs."""
    folder, slash, _ = src_uri.partition("/")
    return SECTIONS.get(folder) if slash else None

"""The bad-input corpus: every broken seed a scraper can produce, each with its exact outcome.

A seed is either rejected (one `seeds/NAME: reason` line, no page), published with a warning,
or published as written: whatever markup it carries reaches the reader as the characters it is.
The corpus is generated here, so each file's bytes are visible next to the outcome they must have.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import struct
import sys
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import Generate, run_cli, snapshot
from rendering import elements, to_html, unexpected_markup

from generator import layout
from generator.__main__ import main
from generator.build import INVISIBLE_ONLY, Paths, Report
from generator.errors import SeedError
from generator.model import Article, PartialDate
from generator.pages import article_meta
from generator.reading import MAX_LINE_CHARS, MAX_SEED_BYTES, decode, normalise, read_seed, repair
from generator.text import clean_lines

TITLE = "Việt Nam và Lào tăng cường hợp tác giáo dục"
LEDE = "Ngày 12/03/2024, tại Viêng Chăn, hai bên đã ký thỏa thuận hợp tác đào tạo."
BODY = "Đây là bước tiến quan trọng trong quan hệ đặc biệt giữa hai nước."
ARTICLE = f"{TITLE}\n\nVOV.VN - {LEDE}\n\n{BODY}\n"
GOOD = (TITLE, LEDE, BODY)  # what a reader must see of ARTICLE
LEDE_DATE = PartialDate(2024, 3, 12)
DERIVED = "no title; one was derived from the lede (add `title:` in a curation file)"
NO_ARTICLE = "no article text (only a title, boilerplate or a date header)"
TWICE = "the text is there twice; the second copy was left out"
NO_DATE = "no date found; listed under 'Chưa rõ thời gian' (add `date:` in a curation file)"


def paras(*texts: str) -> bytes:
    """A seed: paragraphs separated by blank lines, UTF-8."""
    return ("\n\n".join(t.strip("\n") for t in texts) + "\n").encode("utf-8")


def png() -> bytes:
    """A real 1×1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0"))
        + chunk(b"IEND", b"")
    )


def whatwg_1252(raw: bytes) -> str:
    """Bytes read the way browsers read windows-1252: its five unassigned bytes become C1 controls."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw)


def kicker(line: str) -> str:
    """The warning for a short line dropped above the title (parsing.title_above)."""
    return (
        f"the short line above the title, “{line}”, was left out as a site's or section's name: "
        "if it is the title, pin it with `title:`"
    )


@dataclass(frozen=True)
class Case:
    id: str
    raw: bytes
    outcome: str  # "rejected" | "published"
    reason: str = ""  # the rejection reason, exactly (or a regular expression when it starts with ^)
    warnings: tuple[str, ...] = ()  # exactly these warnings about the seed
    shows: tuple[str, ...] = GOOD  # texts a reader sees on the page, as written
    title: str | None = TITLE
    date: PartialDate | None = LEDE_DATE
    name: str = field(default="seed.txt")


U8 = ARTICLE.encode("utf-8")
TRUNCATED = (ARTICLE + "Việt").encode("utf-8")[:-2]  # cut inside the three bytes of `ệ`
CP1258 = U8 + unicodedata.normalize("NFD", "Giá cả").encode("cp1258")  # Vietnamese Windows code page
LOSSY = U8.decode("cp1252", errors="replace").encode("utf-8")

CASES = [
    # --- not text at all ---
    Case("empty", b"", "rejected", "empty file"),
    Case("whitespace-only", " \t\r\n \n\u3000\u00a0".encode(), "rejected", "empty file (only whitespace)"),
    Case("bom-only", codecs.BOM_UTF8 + b"\n", "rejected", "empty file (only whitespace)"),
    Case("invisible-only", "\u200b\u00ad \n\ufeff\u200c\u2060\n".encode(), "rejected", INVISIBLE_ONLY),
    Case("nul-bytes", U8[:20] + b"\x00\x01\x02\x03" + U8[20:], "rejected", "not text (contains NUL bytes)"),
    Case("png-image", png(), "rejected", "not text (contains NUL bytes)"),
    Case("jpeg-header", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00", "rejected", "not text (contains NUL bytes)"),
    # --- text, but no article ---
    Case("only-boilerplate", "Chia sẻ\nBình luận (3)\n".encode(), "rejected", NO_ARTICLE),
    Case("only-a-title", f"{TITLE}\n".encode(), "rejected", NO_ARTICLE),
    Case("only-a-date-header-and-a-title", f"date 2024-02-26 {TITLE}\n".encode(), "rejected", NO_ARTICLE),
    Case("pasted-twice", U8 + b"\n" + U8, "published", warnings=(TWICE,)),
    # --- encodings ---
    Case(
        "truncated-utf8",
        TRUNCATED,
        "rejected",
        f"not valid UTF-8: truncated inside a character at byte {len(U8) + 2}",
    ),
    Case("windows-1258-bytes", CP1258, "rejected", f"not valid UTF-8 at byte {len(U8) + 3} (save the file as UTF-8)"),
    Case("utf8-bom", codecs.BOM_UTF8 + U8, "published"),
    Case("utf16-le-bom", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "published"),
    Case("utf16-be-bom", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "published"),
    Case("utf16-le-no-bom", ARTICLE.encode("utf-16-le"), "published"),
    Case("utf16-be-no-bom", ARTICLE.encode("utf-16-be"), "published"),
    Case("utf32-bom", codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"), "published"),
    Case("nfd", unicodedata.normalize("NFD", ARTICLE).encode("utf-8"), "published"),
    Case("cr-only", ARTICLE.replace("\n", "\r").encode("utf-8"), "published"),
    Case("mixed-line-ends", f"{TITLE}\r\n\rVOV.VN - {LEDE}\n\r\n{BODY}\r".encode(), "published"),
    Case("unicode-line-separators", f"{TITLE}\n\nVOV.VN - {LEDE}\u2028\u2029\n\n{BODY}\n".encode(), "published"),
    Case(
        "c1-control-ellipsis",  # U+0085 is what Windows-1252's `…` becomes when read as Latin-1
        f"{TITLE}\n\nVOV.VN - {LEDE}\n\n{BODY[:-1]}\x85\n".encode(),
        "published",
        warnings=("mojibake repaired (UTF-8 text that had been read as Windows-1252 or Latin-1)",),
        shows=(TITLE, LEDE, f"{BODY[:-1]}…"),
    ),
    # --- mojibake: UTF-8 read as Windows-1252 or Latin-1 and saved again ---
    Case(
        "mojibake-latin1",
        U8.decode("latin-1").encode("utf-8"),
        "published",
        warnings=("mojibake repaired (UTF-8 text that had been read as Windows-1252 or Latin-1)",),
    ),
    Case(
        "mojibake-windows-1252",
        whatwg_1252(U8).encode("utf-8"),
        "published",
        warnings=("mojibake repaired (UTF-8 text that had been read as Windows-1252 or Latin-1)",),
    ),
    Case(
        "mojibake-lossy",
        LOSSY,
        "rejected",
        r"^mojibake \(UTF-8 read as Windows-1252\) that lost \d+ characters; re-save the original$",
    ),
    Case(
        "replacement-character",
        ARTICLE.replace("hai nước", "hai n\ufffdớc").encode(),
        "published",
        warnings=("1 unreadable characters (U+FFFD) in the text, published as they are",),
        shows=(TITLE, LEDE, "hai n\ufffdớc"),
    ),
    # --- dates ---
    Case(
        "impossible-header-date",
        f"date 2024-13-45 {ARTICLE}".encode(),
        "published",
        warnings=("date header '2024-13-45' ignored: month 13 out of range",),
    ),
    Case(
        "year-zero-header",
        f"date 0000 {ARTICLE}".encode(),
        "published",
        warnings=("date header '0000' ignored: year 0 out of range",),
    ),
    Case(
        "far-future-header",
        f"date 2999-01-01 {ARTICLE}".encode(),
        "published",
        warnings=("date 2999-01-01 is in the future",),
        date=PartialDate(2999, 1, 1),
    ),
    Case(
        "garbage-glued-to-header",
        f"date 2024-05-06xyz {ARTICLE}".encode(),
        "published",
        warnings=("date header '2024-05-06xyz' ignored: not a date: '2024-05-06xyz'",),
    ),
    Case(
        "garbage-after-header",
        f"date 2024-05-06 ###%%% rác &&&\n\n{ARTICLE}".encode(),
        "published",
        # A short line above the title, which the lede's source prefix marks, is a kicker or the
        # site's furniture (parsing.title_above): dropped, and the curator told.
        warnings=(kicker("###%%% rác &&&"),),
        shows=(TITLE, LEDE, BODY),
        title=TITLE,
        date=PartialDate(2024, 5, 6),
    ),
    Case(
        "impossible-date-in-text",
        f"{TITLE}\n\nNgày 45/13/2024, {BODY}\n\n{BODY}\n".encode(),
        "published",
        warnings=("impossible date '45/13/2024' in text ignored", NO_DATE),
        shows=(TITLE, f"Ngày 45/13/2024, {BODY}"),
        date=None,
    ),
    # --- markup smuggled in: it must reach the reader as the characters it is ---
    Case(
        "html-script-in-title-and-body",
        paras(
            f"<script>alert('tiêu đề')</script> {TITLE}",
            f"VOV.VN - {LEDE}",
            "<b>đậm</b> & <i>nghiêng</i> <script>x()</script>",
        ),
        "published",
        shows=(f"<script>alert('tiêu đề')</script> {TITLE}", "<b>đậm</b> & <i>nghiêng</i> <script>x()</script>"),
        title=f"<script>alert('tiêu đề')</script> {TITLE}",
    ),
    Case(
        "event-attributes",
        paras(ARTICLE, '<img src=x onerror="alert(1)"> <a href="#" onclick="alert(2)">bấm</a> <svg onload=alert(3)>'),
        "published",
        shows=(*GOOD, '<img src=x onerror="alert(1)"> <a href="#" onclick="alert(2)">bấm</a> <svg onload=alert(3)>'),
    ),
    Case(
        "javascript-links",
        f"{ARTICLE}\n[bấm vào đây](javascript:alert(1)) <javascript:alert(2)> [x]: javascript:alert(3)\n".encode(),
        "published",
        shows=(*GOOD, "[bấm vào đây](javascript:alert(1)) <javascript:alert(2)> [x]: javascript:alert(3)"),
    ),
    Case(
        "markdown-syntax",
        (
            f"{TITLE}\n\nVOV.VN - {LEDE}\n\n# Không phải tiêu đề\n\n**không đậm** _không nghiêng_ `không code`\n\n"
            "- không phải danh sách\n\n1. không phải danh sách số\n\n> không phải trích dẫn\n\n---\n\n"
            "| a | b |\n\n![ảnh](http://example.invalid/x.png)\n\n~~~\n\n```\n\n!!! note\n\n{: .lua }\n\n"
            "2) không phải danh sách\n\n+ cộng\n\n***\n\n~~~\n\n<!-- chú thích -->\n\n"
            f"{BODY}\n"
        ).encode(),
        "published",
        shows=(
            "# Không phải tiêu đề",
            "**không đậm** _không nghiêng_ `không code`",
            "- không phải danh sách",
            "1. không phải danh sách số",
            "> không phải trích dẫn",
            "---",
            "| a | b |",
            "![ảnh](http://example.invalid/x.png)",
            "~~~",
            "```",
            "!!! note",
            "{: .lua }",
            "2) không phải danh sách",
            "+ cộng",
            "***",
            "<!-- chú thích -->",
            BODY,
        ),
    ),
    Case(
        "jinja",
        paras(f"{TITLE} {{{{ config.site_name }}}}", f"VOV.VN - {LEDE}", "{% include 'base.html' %} {# c #} {{ 7*7 }}"),
        "published",
        shows=(f"{TITLE} {{{{ config.site_name }}}}", "{% include 'base.html' %} {# c #} {{ 7*7 }}"),
        title=f"{TITLE} {{{{ config.site_name }}}}",
    ),
    Case(
        "front-matter-look-alike",  # its lines are hard-wrapped into one title line, shown as written
        f"---\ntitle: Giả mạo\ntemplate: evil.html\n---\n\n{ARTICLE}".encode(),
        "published",
        shows=("--- title: Giả mạo template: evil.html", "---", TITLE, LEDE),
        title="--- title: Giả mạo template: evil.html",
    ),
    Case(
        "front-matter-look-alike-without-title",
        f"---\n\ntitle: Giả mạo\n\n---\n\nVOV.VN - {LEDE}\n\n{BODY}\n".encode(),
        "published",
        warnings=(DERIVED, NO_DATE),
        shows=("---", "title: Giả mạo", LEDE),
        title="---",
        date=None,  # the dated lede is past the paragraphs searched for a date
    ),
    Case(
        "key-value-first-line",
        f"title: Giả mạo\n{ARTICLE}".encode(),
        "published",
        # No front matter: the line sets nothing. Above the title, which the lede's source prefix
        # marks, it is dropped as a kicker (parsing.title_above), and the curator told.
        warnings=(kicker("title: Giả mạo"),),
        shows=(TITLE, LEDE),
        title=TITLE,
    ),
    Case(
        "html-entities",
        paras(
            f"{TITLE} &amp; &lt;b&gt;", f"VOV.VN - {LEDE}", "&lt;script&gt; &amp; &#60;b&#62; &#x3C; &copy; &nbsp; &"
        ),
        "published",
        shows=(f"{TITLE} &amp; &lt;b&gt;", "&lt;script&gt; &amp; &#60;b&#62; &#x3C; &copy; &nbsp; &"),
        title=f"{TITLE} &amp; &lt;b&gt;",
    ),
    Case(
        "invisible-and-bidi-in-title",
        paras(
            "Việt\u200b Nam\u202e và\u2066 Lào\u200f tăng cường\u00ad hợp tác giáo dục\ufeff", f"VOV.VN - {LEDE}", BODY
        ),
        "published",
    ),
]


def _published(report: Report, name: str) -> list[Article]:
    return [a for a in report.articles if a.seed == name]


def _diagnostics(report: Report, project: Paths, name: str) -> tuple[list[str], list[str]]:
    where = str(project.seeds / name)
    return (
        [d.message for d in report.rejected if d.path == where],
        [d.message for d in report.warnings if d.path == where],
    )


def _visible(page: str) -> str:
    _, html = to_html(page)
    assert unexpected_markup(html) == []
    return "\n".join(elements(html).blocks)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_corpus(case: Case, project: Paths, generate: Generate) -> None:
    report = generate({case.name: case.raw})
    rejected, warnings = _diagnostics(report, project, case.name)
    articles = _published(report, case.name)
    if case.outcome == "rejected":
        assert articles == []
        assert len(rejected) == 1
        if case.reason.startswith("^"):
            assert re.match(case.reason, rejected[0]), rejected[0]
        else:
            assert rejected == [case.reason]
        assert report.exit_code == 1
        return
    assert rejected == []
    assert warnings == list(case.warnings)
    assert report.exit_code == 0
    [article] = articles
    if case.title is not None:
        assert article.title == case.title
    assert article.date == case.date
    page = (project.content / layout.article(article.slug)).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", page)
    assert "\r" not in page and "\ufeff" not in page
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", page)
    meta, _ = to_html(page)
    assert meta == article_meta(article)  # the front matter MkDocs reads is the generator's, whole
    shown = _visible(page)
    for text in case.shows:
        assert text in shown


def _text_of(case: Case) -> str:
    """The seed's text as the generator reads it, with invisible characters left out and control
    characters read as spaces: what duplicates are compared on, spacing aside."""
    return " ".join(" ".join(clean_lines(normalise(repair(decode(case.raw))[0]))).split())


def test_every_good_seed_is_published_beside_the_bad_ones(project: Paths) -> None:
    """The whole corpus in one folder through the CLI: one line per rejected seed, exit 1,
    every good seed published; seeds whose text is the same once decoded are published once."""
    expected: list[tuple[str, str]] = []  # (seed name, reason), in seed order
    firsts: dict[str, str] = {}
    for i, case in enumerate(CASES):
        name = f"{i:02d}-{case.id}.txt"
        (project.seeds / name).write_bytes(case.raw)
        if case.outcome == "rejected":
            expected.append((name, case.reason))
        elif _text_of(case) in firsts:
            expected.append((name, f"duplicate of {project.seeds / firsts[_text_of(case)]} (same text)"))
        else:
            firsts[_text_of(case)] = name
    args = ("--seeds", str(project.seeds), "--content", str(project.content), "--data", str(project.data))
    result = run_cli(*args, cwd=project.seeds.parent)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith(("rejected: ", "warning: ")) for line in lines), lines
    rejected = [line for line in lines if line.startswith("rejected: ")]
    assert len(rejected) == len(expected), rejected
    for line, (name, reason) in zip(rejected, expected, strict=True):
        prefix = f"rejected: {project.seeds / name}: "
        assert line.startswith(prefix), line
        message = line.removeprefix(prefix)
        assert re.match(reason, message) if reason.startswith("^") else message == reason
    published = {_front_matter(p)["seed"] for p in project.content.glob("bai-viet/*.md")}
    assert published == set(firsts.values())


def _front_matter(path: Path) -> dict[str, object]:
    return to_html(path.read_text(encoding="utf-8"))[0]


# --- size: bounded time and memory ---------------------------------------------------------


def _run_measured(project: Paths) -> tuple[int, list[str], float, int]:
    """The CLI on the project: exit status, stderr lines, seconds, peak memory (KiB) of that process."""
    out, err = project.seeds.parent / "stdout", project.seeds.parent / "stderr"
    args = ("--seeds", str(project.seeds), "--content", str(project.content), "--data", str(project.data))
    start = time.monotonic()
    with out.open("wb") as o, err.open("wb") as e:
        pid = os.posix_spawn(sys.executable, [sys.executable, "-m", "generator", *args], os.environ, file_actions=[
            (os.POSIX_SPAWN_DUP2, o.fileno(), 1), (os.POSIX_SPAWN_DUP2, e.fileno(), 2)
        ])  # fmt: skip
        _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    return os.waitstatus_to_exitcode(status), err.read_text().splitlines(), seconds, usage.ru_maxrss


def test_huge_seeds_are_rejected_in_bounded_time_and_memory(project: Paths) -> None:
    """A 10 MB seed and a single 1 MB line, beside a good seed: both rejected with a size reason."""
    block = ARTICLE.encode() * (10 * 1024 * 1024 // len(U8) + 1)
    (project.seeds / "ten-mb.txt").write_bytes(block[: 10 * 1024 * 1024])
    line = f"{BODY} " * (1024 * 1024 // len(f"{BODY} ".encode()) + 1)  # 1 MiB of UTF-8 on one line
    (project.seeds / "one-line.txt").write_text(line + "\n", encoding="utf-8")
    (project.seeds / "good.txt").write_bytes(U8)
    status, lines, seconds, peak_kib = _run_measured(project)
    assert status == 1
    assert lines == [
        f"rejected: {project.seeds / 'one-line.txt'}: line 1 too long "
        f"({len(line):,} characters; the limit is {MAX_LINE_CHARS:,})",
        f"rejected: {project.seeds / 'ten-mb.txt'}: too large ({10 * 1024 * 1024:,} bytes; the limit is "
        f"{MAX_SEED_BYTES:,})",
    ]
    assert [p.name for p in project.content.glob("bai-viet/*.md")] != []
    assert len(line.encode()) >= 1024 * 1024
    print(f"huge seeds: {seconds:.2f} s, peak {peak_kib / 1024:.0f} MiB")  # shown with `pytest -s`
    # Generous bounds for a whole run, Python start-up included, on a shared 2-core machine.
    assert seconds < 20, seconds
    assert peak_kib < 400 * 1024, peak_kib


@pytest.mark.parametrize(
    ("size", "outcome"),
    [(MAX_SEED_BYTES, "published"), (MAX_SEED_BYTES + 1, "rejected")],
    ids=["at-limit", "one-byte-over"],
)
def test_size_limit_is_exact(tmp_path: Path, size: int, outcome: str) -> None:
    path = tmp_path / "seed.txt"
    lines = b"Viet Nam - Lao: hop tac giao duc.\n"  # ASCII, so any cut is still valid UTF-8
    path.write_bytes((lines * (size // len(lines) + 1))[: size - 1] + b"\n")
    assert path.stat().st_size == size
    try:
        read_seed(path, "seed.txt")
    except SeedError as exc:
        assert outcome == "rejected"
        assert exc.reason == f"too large ({size:,} bytes; the limit is {MAX_SEED_BYTES:,})"
    else:
        assert outcome == "published"


class _StaleStat(type(Path())):  # type: ignore[misc]
    """A path whose `stat` gives the size the file had before it grew: 10 bytes."""

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        info = list(super().stat(follow_symlinks=follow_symlinks))
        info[stat.ST_SIZE] = 10
        return os.stat_result(info)


@pytest.mark.parametrize(("size", "outcome"), [(4000, "published"), (MAX_SEED_BYTES + 1, "rejected")])
def test_a_seed_that_grew_after_its_size_was_read_is_read_whole(tmp_path: Path, size: int, outcome: str) -> None:
    path = tmp_path / "seed.txt"
    lines = b"Viet Nam - Lao: hop tac giao duc.\n"
    path.write_bytes((lines * (size // len(lines) + 1))[: size - 1] + b"\n")
    try:
        seed = read_seed(_StaleStat(path), "seed.txt")
    except SeedError as exc:
        assert outcome == "rejected"
        assert exc.reason == f"too large ({size:,} bytes; the limit is {MAX_SEED_BYTES:,})"  # as read, not as stat said
    else:
        assert outcome == "published"
        assert seed.text.encode() == path.read_bytes()


@pytest.mark.parametrize(
    ("length", "outcome"), [(MAX_LINE_CHARS, "published"), (MAX_LINE_CHARS + 1, "rejected")], ids=["at", "over"]
)
def test_line_limit_is_exact(tmp_path: Path, length: int, outcome: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(f"{TITLE}\n\n{('ồ ' * length)[:length]}\n", encoding="utf-8")
    try:
        read_seed(path, "seed.txt")
    except SeedError as exc:
        assert outcome == "rejected"
        assert exc.reason == f"line 3 too long ({length:,} characters; the limit is {MAX_LINE_CHARS:,})"
    else:
        assert outcome == "published"


def test_a_fifo_named_like_a_seed_is_rejected_without_blocking(project: Paths, generate: Generate) -> None:
    os.mkfifo(project.seeds / "pipe.txt")
    report = generate({"good.txt": U8})
    assert [str(d) for d in report.rejected] == [f"{project.seeds / 'pipe.txt'}: not a regular file"]
    assert [a.seed for a in report.articles] == ["good.txt"]


def test_what_is_not_a_seed_is_named_once_and_the_seeds_beside_it_are_published(
    project: Paths, generate: Generate
) -> None:
    """A folder of seeds (e.g. by year) or a stray document would otherwise be passed over in
    silence; dot-files and dot-folders (`.git`, an editor's backup) are skipped without a word."""
    (project.seeds / "2023").mkdir()
    (project.seeds / "2023" / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    (project.seeds / "named-like.txt").mkdir()  # a folder, whatever its name
    (project.seeds / ".git").mkdir()
    (project.seeds / ".draft.txt.swp").write_bytes(b"\0")
    (project.seeds / "ghi-chu.docx").write_bytes(b"PK\3\4")
    report = generate({"good.txt": U8})
    folder = "ignored: a folder (seeds are read only from the seeds folder itself)"
    assert [str(d) for d in report.warnings] == [
        f"{project.seeds / '2023'}: {folder}",
        f"{project.seeds / 'ghi-chu.docx'}: ignored: not a seed (seeds are .txt files)",
        f"{project.seeds / 'named-like.txt'}: {folder}",
    ]
    assert report.rejected == () and report.exit_code == 0
    assert [a.seed for a in report.articles] == ["good.txt"]


# --- duplicates and slugs ------------------------------------------------------------------

TWIN_VARIANTS = {
    "extra-spaces": f"  {TITLE}  \n\n\n VOV.VN -   {LEDE}\n\n{BODY}   \n\n".encode(),
    "crlf": ARTICLE.replace("\n", "\r\n").encode(),
    "nfd": unicodedata.normalize("NFD", ARTICLE).encode(),
    "utf16": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    "tabs-for-spaces": ARTICLE.replace(" ", "\t").encode(),
    "invisible-characters": ARTICLE.replace("Việt", "Vi\u200bệt").replace(" ", " \u00ad", 3).encode(),
}


@pytest.mark.parametrize("variant", sorted(TWIN_VARIANTS))
def test_same_text_twice_is_published_once(project: Paths, generate: Generate, variant: str) -> None:
    report = generate({"a-original.txt": U8, f"b-{variant}.txt": TWIN_VARIANTS[variant]})
    assert [a.seed for a in report.articles] == ["a-original.txt"]
    assert [str(d) for d in report.rejected] == [
        f"{project.seeds / f'b-{variant}.txt'}: duplicate of {project.seeds / 'a-original.txt'} (same text)"
    ]


def test_seeds_of_only_invisible_characters_are_each_empty_not_duplicates(project: Paths, generate: Generate) -> None:
    """Two seeds that show nothing (different invisible characters) are both empty: before, the
    second was "duplicate of" the first, as both clean to the same (empty) text."""
    report = generate({"a.txt": "\u200b\u200b\n\u00ad\n".encode(), "b.txt": "\ufeff\u200c\n".encode(), "c.txt": U8})
    assert [a.seed for a in report.articles] == ["c.txt"]
    assert [str(d) for d in report.rejected] == [f"{project.seeds / n}: {INVISIBLE_ONLY}" for n in ("a.txt", "b.txt")]


def _same_title_and_date(body: str) -> bytes:
    return f"date 2024-03-12 {TITLE}\n\nVOV.VN - {LEDE}\n\n{body}\n".encode()


def test_same_slug_from_different_seeds_stays_distinct_and_stable(project: Paths, generate: Generate) -> None:
    """Two different seeds with the same title and date: both published under distinct slugs, the
    same on every run, and unchanged when a seed sorting after them is added (curators number
    seeds, so new ones sort last)."""
    first = generate({"m-one.txt": _same_title_and_date("Một."), "n-two.txt": _same_title_and_date("Hai.")})
    slugs = {a.seed: a.slug for a in first.articles}
    assert len(set(slugs.values())) == 2
    assert first.rejected == () and first.exit_code == 0
    again = generate()
    assert {a.seed: a.slug for a in again.articles} == slugs
    assert not again.result.changed  # nothing changed: nothing written
    third = generate({"z-three.txt": _same_title_and_date("Ba.")})
    after = {a.seed: a.slug for a in third.articles}
    assert {k: after[k] for k in slugs} == slugs
    assert len(set(after.values())) == 3


def test_a_slug_that_would_replace_the_section_page_gets_a_suffix(project: Paths, generate: Generate) -> None:
    """`index` is reserved (`bai-viet/index.md` would be the section's page), even when no other
    article has that slug."""
    report = generate({"a.txt": U8, "a.yml": "slug: index\n"})
    [article] = report.articles
    assert article.slug.startswith("index-") and (project.content / "bai-viet" / f"{article.slug}.md").is_file()
    assert not (project.content / "bai-viet" / "index.md").exists()


# --- seed file names -----------------------------------------------------------------------

NFC_NAME = "bài viết.txt"
NFD_NAME = unicodedata.normalize("NFD", NFC_NAME)


@pytest.mark.parametrize(
    "name",
    ["with spaces in name.txt", NFC_NAME, NFD_NAME, "UPPER CASE.TXT", "tên <b>đậm<b> & `x`.txt", "x\u202egpj.txt"],
    ids=["spaces", "vietnamese-nfc", "vietnamese-nfd", "uppercase", "markup", "bidi"],
)
def test_odd_seed_names_are_published(project: Paths, generate: Generate, name: str) -> None:
    report = generate({name: U8})
    assert report.rejected == ()
    [article] = report.articles
    assert article.seed == unicodedata.normalize("NFC", name)
    page = (project.content / layout.article(article.slug)).read_text(encoding="utf-8")
    meta, html = to_html(page)
    assert meta["seed"] == article.seed
    assert unexpected_markup(html) == []
    shown = "\n".join(elements(html).blocks)
    assert f"Tệp gốc: {unicodedata.normalize('NFC', name).replace(chr(0x202E), '')}" in shown


def test_names_that_collide_after_slugging_give_distinct_stable_pages(project: Paths, generate: Generate) -> None:
    names = ["Bai Viet.txt", "bai-viet.txt", "BÀI VIẾT.txt", "bài_viết.txt"]
    report = generate({n: _same_title_and_date(f"Thân bài {i}.") for i, n in enumerate(names)})
    assert report.rejected == ()
    slugs = {a.seed: a.slug for a in report.articles}
    assert sorted(slugs) == sorted(names) and len(set(slugs.values())) == len(names)
    assert {a.seed: a.slug for a in generate().articles} == slugs


def test_names_equal_once_normalised_are_reported(project: Paths, generate: Generate) -> None:
    report = generate({NFC_NAME: U8, NFD_NAME: _same_title_and_date("Khác.")})
    first, second = sorted([NFC_NAME, NFD_NAME])  # the generator keeps the first in code-point order
    assert [str(d) for d in report.rejected] == [
        f"{project.seeds / second}: same name as {project.seeds / first} once normalised (NFC)"
    ]
    assert [a.seed for a in report.articles] == [NFC_NAME]


@pytest.mark.parametrize(
    ("raw_name", "reason"),
    [
        (b"bad-\xff-name.txt", "file name is not valid UTF-8; rename the file"),
        (b"line\nbreak.txt", "file name contains a control character; rename the file"),
        (b"escape\x1b[31m.txt", "file name contains a control character; rename the file"),
    ],
    ids=["not-utf8", "newline", "terminal-escape"],
)
def test_unusable_seed_names_are_rejected_on_one_line(
    project: Paths, capsys: pytest.CaptureFixture[str], raw_name: bytes, reason: str
) -> None:
    with open(os.path.join(os.fsencode(project.seeds), raw_name), "wb") as f:
        f.write(U8)
    (project.seeds / "good.txt").write_bytes(_same_title_and_date("Khác."))
    status, [line] = _main(project, capsys)
    assert status == 1
    assert line.startswith("rejected: ") and line.endswith(f": {reason}")
    assert [p.name for p in project.content.glob("bai-viet/*.md")] != []


# --- curation sidecars: each mistake is an error with file, line and reason; nothing written ---

CURATION_ERRORS = [
    ("invalid-yaml", "title: [unclosed\nsource: x\n", 2, "invalid YAML: expected ',' or ']', but got ':'"),
    ("tab-indent", "\tbad: tab\n", 1, "invalid YAML: found character '\\t' that cannot start any token"),
    ("control-character", "author: ok\ntitle: a\x7fb\n", 2, "not text: character U+007F is not allowed in YAML"),
    ("python-tag", "date: !!python/object:os.system x\n", 1, "invalid YAML: could not determine a constructor "
     "for the tag 'tag:yaml.org,2002:python/object:os.system'"),
    ("not-a-mapping", "- a\n- b\n", 1, "expected a mapping, got list"),
    ("unknown-key", "# c\ntitle: X\ncolour: red\n", 3, "unknown key 'colour' (known keys: author, date, people, "
     "slug, source, source_url, summary, themes, title)"),
    ("duplicate-key", "title: a\nsource: b\ntitle: c\n", 3, "duplicate key 'title' (first on line 1)"),
    ("wrong-type-list", "title: X\nthemes: quoc-phong-an-ninh\n", 2, "'themes' must be a list, got str"),
    ("wrong-type-text", "title: 5\n", 1, "'title' must be text, got int"),
    ("wrong-type-bool", "\nauthor: yes\n", 2, "'author' must be text, got True"),
    ("empty-text", "title: '  '\n", 1, "'title' must not be empty"),
    ("slug-dotdot", "slug: ../../etc/passwd\n", 1, "'slug' '../../etc/passwd' must be lower-case ASCII words "
     "joined by '-' (no '/' or '.')"),
    ("slug-slash", "slug: a/b\n", 1, "'slug' 'a/b' must be lower-case ASCII words joined by '-' (no '/' or '.')"),
    ("date-words", "date: tomorrow\n", 1, "'date': not a date: 'tomorrow'"),
    ("date-tag-words", "date: !!timestamp soon\n", 1, "invalid YAML: not a date: 'soon'"),
    ("date-tag-impossible", "date: !!timestamp 2024-02-30\n", 1, "invalid YAML: impossible date '2024-02-30' (day "
     "is out of range for month)"),
    ("date-impossible", "\ndate: 2024-13-45\n", 2, "'date': impossible date '2024-13-45' (month 13 out of range)"),
    ("date-impossible-text", "date: '31/02/2024'\n", 1, "'date': impossible date '31/02/2024' (day is out of range "
     "for month)"),
    ("theme-unknown", "themes:\n  - kinh-te-thuong-mai\n  - khong-co\n", 3, "theme 'khong-co' is not in the taxonomy "
     "(known: chinh-tri-doi-ngoai, quoc-phong-an-ninh, kinh-te-thuong-mai, ha-tang-nang-luong, van-hoa-xa-hoi, "
     "lap-phap, da-phuong)"),
    ("person-unknown", "people:\n  - Ai Đó\n", 2, "person 'Ai Đó' is not in the people registry"),
    ("javascript-url", "source_url: 'javascript:alert(1)'\n", 1, "'source_url' 'javascript:alert(1)' must be an "
     "http(s) address"),
]  # fmt: skip


def _main(project: Paths, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """The CLI's main() in this process (fast): exit status and stderr lines."""
    capsys.readouterr()
    status = main(["--seeds", str(project.seeds), "--content", str(project.content), "--data", str(project.data)])
    return status, capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(("case", "yaml_text", "line", "reason"), CURATION_ERRORS, ids=[c[0] for c in CURATION_ERRORS])
def test_curation_errors_stop_the_run_before_writing(
    project: Paths, capsys: pytest.CaptureFixture[str], case: str, yaml_text: str, line: int, reason: str
) -> None:
    (project.seeds / "a.txt").write_bytes(U8)
    assert _main(project, capsys)[0] == 0
    before = snapshot(project.content)
    (project.seeds / "a.txt").write_bytes(_same_title_and_date("Đổi nội dung."))  # a run would change content/
    (project.seeds / "a.yml").write_text(yaml_text, encoding="utf-8")
    assert _main(project, capsys) == (2, [f"error: {project.seeds / 'a.yml'}:{line}: {reason}"])
    assert snapshot(project.content) == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("site_url: [\n", ":2: invalid YAML: expected the node content, but found '<stream end>'"),
        ("site_url: " + "[" * 100_000 + "]" * 100_000 + "\n", ": invalid YAML: nested too deeply"),
    ],
    ids=["syntax", "deep"],
)
def test_a_broken_mkdocs_yml_is_one_line_naming_it(
    project: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, reason: str
) -> None:
    """The generator reads `site_url` from mkdocs.yml beside seeds/: a broken file is an error
    on one line, not a traceback (nor a crash: LibYAML's parser would crash on the deep one)."""
    monkeypatch.delenv("SITE_URL", raising=False)
    (project.seeds / "a.txt").write_bytes(U8)
    config = project.seeds.parent / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert _main(project, capsys) == (2, [f"error: {config}{reason}"])
    config.write_text("- a list\n", encoding="utf-8")  # not a mapping: no site_url in it
    assert _main(project, capsys)[0] == 0


def test_an_unreadable_mkdocs_yml_is_one_line_naming_it(
    project: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    (project.seeds / "a.txt").write_bytes(U8)
    config = project.seeds.parent / "mkdocs.yml"
    config.write_bytes(b"site_url: \xff\n")  # not UTF-8
    code, lines = _main(project, capsys)
    assert code == 2 and len(lines) == 1 and lines[0].startswith(f"error: {config}: cannot read: 'utf-8' codec")


def test_sidecars_without_seed_are_errors(project: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    (project.seeds / "a.txt").write_bytes(U8)
    (project.seeds / "orphan.yml").write_text("title: Mồ côi\n", encoding="utf-8")
    (project.seeds / "b.yml").write_text("colour: red\n", encoding="utf-8")
    assert _main(project, capsys) == (
        2,
        [
            f"error: {project.seeds / 'b.yml'}: curation file without a seed (no b.txt)",
            f"error: {project.seeds / 'orphan.yml'}: curation file without a seed (no orphan.txt)",
        ],
    )
    assert not (project.content / "bai-viet").exists()

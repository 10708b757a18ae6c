"""A synthetic corpus: N realistic seeds made by recombining the shipped seeds' paragraphs.

Deterministic for a given N and seed number. Every seed is built from paragraphs, captions
and sub-headings of `seeds/` (read with the generator's own parser), with:

- a date over 2000-01-01 … 2026-10-31 written in one of the forms the parser reads (a `date`
  header at day, month or year precision, datelines, dates in the lede, curated dates in a
  sidecar in each form `curation.py` accepts) or, rarely, no date at all;
- a title in one of the forms the parser reads (a first line, on the header line, after a
  source line, in capitals, curated in a sidecar) or none (derived from the lede);
- one main theme whose keyword-rich paragraphs are picked first, so themes vary;
- the registry's people swapped for each other (and their aliases), so people vary;
- bylines, `Theo …` trailers, source prefixes, photo captions, boilerplate, CRLF and BOMs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.classify import keyword_hits
from generator.data import Data, load_data
from generator.dates import find_text_date
from generator.model import BlockKind
from generator.parsing import parse_seed
from generator.reading import read_seed
from generator.text import match_form, sentences

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2026, 10, 31)
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
OUTLETS = ("VOV.VN", "TTXVN", "TPO", "VTV.VN", "QĐND")
PAREN_OUTLETS = ("Chinhphu.vn", "VTC News", "Báo Nhân Dân", "TBTCO")
TRAILERS = ("Theo TTXVN", "Theo VOV", "(Theo Báo Quân đội nhân dân)")
SOURCE_URL = "https://example.vn/tin/{n}.html"

# (form, weight): how the date is written. Weights keep the common forms common.
DATE_FORMS: tuple[tuple[str, int], ...] = (
    ("header-day", 24),  # `date 2025-12-02 <lede>`
    ("header-month", 5),  # `date 2023-01 <title>`
    ("header-year", 3),  # `date 2019 <title>`
    ("header-colon", 3),  # `Date: 2024-02-26` alone on the first line
    ("dateline-weekday", 8),  # `Thứ Sáu, 06/12/2024 14:32 (GMT+7)` under the title
    ("dateline-short", 5),  # `10-07-2024, 18:55` above the title
    ("lede-slash", 14),  # `VOV.VN - Ngày 26/02/2024, …`
    ("lede-words", 8),  # `Ngày 7 tháng 7 năm 2022, …`
    ("lede-dots", 4),  # `Ngày 26.02.2024, …`
    ("lede-iso", 3),  # `Ngày 2024-02-26, …`
    ("curated-date", 6),  # sidecar `date: 2024-02-26` (a YAML date)
    ("curated-year", 2),  # sidecar `date: 2019`
    ("curated-dmy", 3),  # sidecar `date: 26/02/2024`
    ("curated-timestamp", 2),  # sidecar `date: '2024-02-26T08:30:00+07:00'`
    ("undated", 2),
)
TITLE_FORMS: tuple[tuple[str, int], ...] = (
    ("line", 50),  # a short first line
    ("source-line", 8),  # `(VTC News) -` alone, then the title
    ("caps", 4),  # the title in capitals
    ("curated", 12),  # `title:` in a sidecar, none in the text
    ("derived", 3),  # none at all: derived from the lede (a warning)
)


@dataclass(frozen=True)
class Pool:
    """What seeds are recombined from."""

    paragraphs: tuple[str, ...]  # body paragraphs without full dates
    captions: tuple[str, ...]
    headings: tuple[str, ...]
    bylines: tuple[str, ...]
    by_theme: dict[str, tuple[int, ...]]  # theme slug → paragraphs with its keywords


@dataclass(frozen=True)
class SyntheticSeed:
    name: str  # file name, `<stem>.txt`
    text: str
    sidecar: str | None  # YAML of `<stem>.yml`, if any
    crlf: bool = False
    bom: bool = False


def load_pool(seeds_dir: Path, data: Data) -> Pool:
    """Paragraphs, captions and headings of the shipped seeds, as the parser reads them."""
    paragraphs: list[str] = []
    captions: list[str] = []
    headings: list[str] = []
    bylines: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        parsed = parse_seed(read_seed(path, str(path)).text, data.boilerplate)
        if parsed.author:
            bylines.append(parsed.author)
        for block in parsed.blocks:
            target = {BlockKind.CAPTION: captions, BlockKind.HEADING: headings}.get(block.kind, paragraphs)
            if block.text in target:
                continue
            if target is paragraphs:
                date, warnings = find_text_date(block.text)
                if date or warnings or len(sentences(block.text)) < 1:
                    continue  # a full date in a paragraph would override the one we write
            target.append(block.text)
    by_theme = {
        t.slug: tuple(i for i, p in enumerate(paragraphs) if keyword_hits(match_form(p), t.keywords))
        for t in data.themes
    }
    return Pool(tuple(paragraphs), tuple(captions), tuple(headings), tuple(bylines or ["Ngọc Ánh"]), by_theme)


def _pick(rng: random.Random, forms: Sequence[tuple[str, int]]) -> str:
    return rng.choices([f for f, _ in forms], weights=[w for _, w in forms])[0]


def _date(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _title(rng: random.Random, pool: Pool) -> str:
    """The first words of a pool sentence: short, no closing full stop."""
    sentence = rng.choice(sentences(rng.choice(pool.paragraphs)))
    words = sentence.split()[: rng.randint(6, 14)]
    title = " ".join(words).rstrip(" ,;:.…-–")
    return title[0].upper() + title[1:]


def _people_swap(rng: random.Random, data: Data) -> dict[str, str]:
    """Each registry name → another registry person of the same country, sometimes an alias."""
    swap: dict[str, str] = {}
    for country in sorted({p.country for p in data.people}):
        people = [p for p in data.people if p.country == country]
        shuffled = rng.sample(people, len(people))
        for old, new in zip(people, shuffled, strict=True):
            spellings = [new.name, *new.aliases]
            swap[old.name] = spellings[0] if rng.random() < 0.8 else rng.choice(spellings)
    return swap


def _swap_people(text: str, swap: dict[str, str]) -> str:
    if not swap:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(swap, key=len, reverse=True)))
    return pattern.sub(lambda m: swap[m.group(0)], text)


def _body(rng: random.Random, pool: Pool, data: Data) -> list[str]:
    """4–14 paragraphs, keyword-rich ones for one main theme first, a caption or heading now and then."""
    theme = rng.choice(data.themes).slug
    rich = list(pool.by_theme.get(theme, ()))
    count = rng.randint(4, 14)
    chosen = rng.sample(rich, min(len(rich), rng.randint(1, 4)))
    others = [i for i in range(len(pool.paragraphs)) if i not in chosen]
    chosen += rng.sample(others, max(0, count - len(chosen)))
    body = [pool.paragraphs[i] for i in chosen]
    if rng.random() < 0.5:
        body.insert(rng.randint(1, len(body) - 1), rng.choice(pool.captions))
    if len(body) > 4 and rng.random() < 0.4:
        body.insert(rng.randint(2, len(body) - 2), rng.choice(pool.headings))
    return body


def _dmy(d: dt.date, sep: str = "/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def make_seed(rng: random.Random, pool: Pool, data: Data, index: int) -> SyntheticSeed:
    """One synthetic seed (and maybe its curation sidecar)."""
    date_form, title_form = _pick(rng, DATE_FORMS), _pick(rng, TITLE_FORMS)
    date = _date(rng)
    title = _title(rng, pool)
    swap = _people_swap(rng, data)
    body = [_swap_people(p, swap) for p in _body(rng, pool, data)]
    lede = body[0]
    sidecar: dict[str, str] = {}

    if date_form == "lede-slash":
        lede = f"{rng.choice(OUTLETS)} - Ngày {_dmy(date)}, {lede[0].lower()}{lede[1:]}"
    elif date_form == "lede-words":
        lede = f"Ngày {date.day} tháng {date.month} năm {date.year}, {lede[0].lower()}{lede[1:]}"
    elif date_form == "lede-dots":
        lede = f"Ngày {_dmy(date, '.')}, {lede[0].lower()}{lede[1:]}"
    elif date_form == "lede-iso":
        lede = f"Ngày {date.isoformat()}, {lede[0].lower()}{lede[1:]}"
    elif date_form == "curated-date":
        sidecar["date"] = date.isoformat()
    elif date_form == "curated-year":
        sidecar["date"] = str(date.year)
    elif date_form == "curated-dmy":
        sidecar["date"] = f"'{_dmy(date)}'"
    elif date_form == "curated-timestamp":
        sidecar["date"] = f"'{date.isoformat()}T08:30:00+07:00'"
    elif date_form != "lede-slash" and rng.random() < 0.2:
        lede = f"({rng.choice(PAREN_OUTLETS)}) - {lede}"
    body[0] = lede

    top: list[str] = []
    if title_form == "curated":
        sidecar["title"] = title
    elif title_form == "source-line":
        top += [f"({rng.choice(PAREN_OUTLETS)}) -", title]
    elif title_form == "caps":
        top.append(title.upper())
    elif title_form == "line":
        top.append(title)

    if date_form == "dateline-weekday":
        stamp = f"{WEEKDAYS[date.weekday()]}, {_dmy(date)} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d} (GMT+7)"
        top = [*top, stamp] if top else [stamp]
    elif date_form == "dateline-short":
        top.insert(0, f"{_dmy(date, '-')}, {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}")

    header = {
        "header-day": f"date {date.isoformat()}",
        "header-month": f"date {date.year:04d}-{date.month:02d}",
        "header-year": f"date {date.year:04d}",
        "header-colon": f"Date: {date.isoformat()}",
    }.get(date_form)
    lines = [*top, *body]
    if header and date_form == "header-colon":
        lines.insert(0, header)
    elif header:
        lines[0] = f"{header} {lines[0]}"  # the header's rest is the first line (title or lede)

    ending = rng.random()
    if ending < 0.3:
        lines.append(rng.choice(pool.bylines))
    elif ending < 0.5:
        lines.append(rng.choice(TRAILERS))
    if rng.random() < 0.15:
        lines.insert(len(lines) // 2, "Xem thêm: Tin tức Việt Nam – Lào mới nhất")
    if rng.random() < 0.15:
        lines += ["Tin liên quan:", f"{_title(rng, pool)} (ảnh)", _title(rng, pool)]
    if rng.random() < 0.1:
        sidecar["source"] = rng.choice(PAREN_OUTLETS)
        sidecar["source_url"] = SOURCE_URL.format(n=index)
    if rng.random() < 0.03:
        sidecar["themes"] = "[" + rng.choice(data.themes).slug + "]"

    separator = "\n" if rng.random() < 0.25 else "\n\n"  # seed 001 has no blank lines
    text = separator.join(lines) + "\n"
    stem = f"{index:06d}_{rng.getrandbits(64):016x}"
    yml = None
    if sidecar:
        yml = f"# Curation for {stem}.txt (synthetic)\n" + "".join(f"{k}: {v}\n" for k, v in sidecar.items())
    return SyntheticSeed(
        f"{stem}.txt", unicodedata.normalize("NFC", text), yml, crlf=rng.random() < 0.05, bom=rng.random() < 0.05
    )


def generate(
    n: int, seed: int = 0, seeds_dir: Path = ROOT / "seeds", data_dir: Path = ROOT / "data"
) -> list[SyntheticSeed]:
    """N synthetic seeds; the same N and seed number give the same seeds, byte for byte."""
    data = load_data(data_dir)
    pool = load_pool(seeds_dir, data)
    rng = random.Random(f"viet-lao-bench:{n}:{seed}")
    return [make_seed(rng, pool, data, i) for i in range(n)]


def write_corpus(dest: Path, n: int, seed: int = 0, data_dir: Path = ROOT / "data") -> list[Path]:
    """Write N seeds (and sidecars) into an empty or new folder `dest`; the seed paths."""
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    paths = []
    for s in generate(n, seed, data_dir=data_dir):
        text = s.text.replace("\n", "\r\n") if s.crlf else s.text
        raw = ("\ufeff" if s.bom else "").encode("utf-8") + text.encode("utf-8")
        (dest / s.name).write_bytes(raw)
        if s.sidecar is not None:
            (dest / s.name).with_suffix(".yml").write_text(s.sidecar, encoding="utf-8")
        paths.append(dest / s.name)
    return paths


def editable_seed(seeds: Sequence[Path], data: Data, start: int = 0) -> Path:
    """The first seed from `start` on with a title of its own and a lede.

    Editing its lede changes the article's summary, not its title or address: the edit a
    curator makes most. (A seed without a title gets one from its lede: editing that lede
    renames the article, a different and rarer change.)
    """
    for path in [*seeds[start:], *seeds[:start]]:
        parsed = parse_seed(read_seed(path, str(path)).text, data.boilerplate)
        if parsed.title and parsed.lede:
            return path
    raise LookupError("no seed with a title and a lede")


def edit_seed(path: Path, marker: str, data: Data) -> None:
    """Put `marker` at the start of the seed's lede, as a curator fixing the text would.

    The lede becomes the summary, so the edit shows on the article and on its year page.
    """
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    parsed = parse_seed(read_seed(path, str(path)).text, data.boilerplate)
    if parsed.lede is None:
        raise ValueError(f"{path}: no lede to edit")
    at = text.find(parsed.lede[:40])
    if at < 0:
        raise ValueError(f"{path}: lede not found in the text")
    edited = f"{text[:at]}{marker} {text[at:]}"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + edited.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many seeds")
    parser.add_argument("dest", type=Path, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=0, help="seed number (default 0)")
    args = parser.parse_args(argv)
    paths = write_corpus(args.dest, args.n, args.seed)
    print(f"{len(paths)} seeds written to {args.dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

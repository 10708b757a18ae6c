"""Curation sidecars and data files: valid overrides apply; mistakes name file, line and key."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import DATA, TODAY, Generate

from generator.build import Paths, build
from generator.curation import validate
from generator.data import Data, load_data
from generator.errors import ConfigError, ConfigErrors
from generator.model import PartialDate
from generator.yamlfile import parse_yaml

SEED = "Tiêu đề gốc\n\nNgày 26/02/2024, hai bên nhất trí tăng cường hợp tác quốc phòng.\n"


def test_sidecar_overrides_fields(generate: Generate, project: Paths) -> None:
    (project.seeds / "a.yml").write_text(
        "title: Tiêu đề biên tập\ndate: 2023-01\nsource: VOV\nsource_url: https://vov.vn/x\n"
        "author: Ngọc Ánh\nthemes: [lap-phap]\npeople: [Tô Lâm]\nsummary: Tóm tắt.\nslug: bai-da-ghim\n",
        encoding="utf-8",
    )
    report = generate({"a.txt": SEED})
    (a,) = report.articles
    assert (a.title, a.date, a.source, a.source_url, a.author) == (
        "Tiêu đề biên tập",
        PartialDate(2023, 1),
        "VOV",
        "https://vov.vn/x",
        "Ngọc Ánh",
    )
    assert (a.themes, a.people, a.summary, a.slug) == (("lap-phap",), ("Tô Lâm",), "Tóm tắt.", "bai-da-ghim")
    assert (project.content / "bai-viet" / "bai-da-ghim.md").is_file()


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("title: [unclosed\n", "a.yml:2: invalid YAML"),
        ("title: A\ncolour: red\n", "a.yml:2: unknown key 'colour'"),
        ("title: A\ndate: [2024]\n", "a.yml:2: 'date' must be"),
        ("themes: chinh-tri-doi-ngoai\n", "a.yml:1: 'themes' must be a list"),
        ("title: 42\n", "a.yml:1: 'title' must be text, got int"),
        ("slug: ../../etc/passwd\n", "a.yml:1: 'slug' '../../etc/passwd' must be lower-case ASCII"),
        ("slug: a/b\n", "a.yml:1: 'slug' 'a/b' must be"),
        ("date: yesterday\n", "a.yml:1: 'date': not a date"),
        ("date: 2024-02-30\n", "a.yml:1: 'date': impossible date '2024-02-30' (day is out of range for month)"),
        ("date: '31/02/2024'\n", "a.yml:1: 'date': impossible date '31/02/2024' (day is out of range for month)"),
        ("date: 2024-13\n", "a.yml:1: 'date': impossible date '2024-13' (month 13 out of range)"),
        ("date: 0\n", "a.yml:1: 'date': impossible date 0 (year 0 out of range)"),
        ("date: 2024-02-30T10:00\n", "a.yml:1: 'date': not a date: '2024-02-30T10:00' (day is out of range"),
        ("title: A\nthemes:\n  - lap-phap\n  - the-thao\n", "a.yml:4: theme 'the-thao' is not in the taxonomy"),
        ("people: [Ông Ba]\n", "a.yml:1: person 'Ông Ba' is not in the people registry"),
        ("source_url: javascript:alert(1)\n", "a.yml:1: 'source_url' 'javascript:alert(1)' must be an http(s) address"),
        ("- a\n- b\n", "a.yml:1: expected a mapping"),
        ("title: ''\n", "a.yml:1: 'title' must not be empty"),
    ],
)
def test_sidecar_errors(yaml_text: str, message: str, data: Data) -> None:
    with pytest.raises(ConfigError) as info:
        validate(parse_yaml(yaml_text, "a.yml"), data)
    assert str(info.value).startswith(message)


NFD_ALIAS = unicodedata.normalize("NFD", "Xỏn-xay Xi-phăn-đon")


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("[Xỏn-xay Xi-phăn-đon]", ("Sonexay Siphandone",)),  # an alias: the registry's name is kept
        (f"[{NFD_ALIAS}]", ("Sonexay Siphandone",)),  # decomposed, as some editors save it
        ("[XỎN-XAY XI-PHĂN-ĐON, Thoong-lun Xi-su-lít]", ("Sonexay Siphandone", "Thongloun Sisoulith")),
        ("[Sonexay Siphandone, Sonexay Siphandon]", ("Sonexay Siphandone",)),  # one person, listed once
    ],
)
def test_sidecar_people_may_be_aliases(written: str, stored: tuple[str, ...], data: Data) -> None:
    assert validate(parse_yaml(f"people: {written}\n", "a.yml"), data).people == stored


def test_a_curated_title_is_not_also_the_lede(generate: Generate, project: Paths) -> None:
    """The title line ends with a full stop, so the parser takes it for the lede; the curator
    pins it as the title: the page shows it once, as the title."""
    (project.seeds / "a.yml").write_text("title: Hai bên ký 12 văn kiện hợp tác\n", encoding="utf-8")
    report = generate({"a.txt": "Hai bên ký 12 văn kiện hợp tác.\n\n" + SEED.split("\n\n", 1)[1]})
    (a,) = report.articles
    assert a.title == "Hai bên ký 12 văn kiện hợp tác"
    assert a.lede == a.summary == "Ngày 26/02/2024, hai bên nhất trí tăng cường hợp tác quốc phòng."
    page = (project.content / "bai-viet" / f"{a.slug}.md").read_text(encoding="utf-8")
    assert page.count("12 văn kiện") == 2  # the front matter's title and the page's heading only


def test_bad_sidecar_stops_the_run_before_writing(generate: Generate, project: Paths) -> None:
    generate({"a.txt": SEED})
    before = {p: p.read_bytes() for p in project.content.rglob("*") if p.is_file()}
    (project.seeds / "a.yml").write_text("colour: red\n", encoding="utf-8")
    (project.seeds / "orphan.yml").write_text("title: X\n", encoding="utf-8")
    with pytest.raises(ConfigErrors) as info:
        generate()
    messages = [str(e) for e in info.value.errors]
    known = "author, date, people, slug, source, source_url, summary, themes, title"
    assert messages[0].endswith(f"a.yml:1: unknown key 'colour' (known keys: {known})")
    assert messages[1].endswith("orphan.yml: curation file without a seed (no orphan.txt)")
    assert {p: p.read_bytes() for p in project.content.rglob("*") if p.is_file()} == before


NFC_A, NFD_A = "\u00e1", "a\u0301"  # `á` composed and decomposed: two file names, one stem


@pytest.mark.parametrize(
    ("sidecars", "messages"),
    [
        (
            {"a.yml": "title: X\n", "a.yaml": "title: Y\n"},
            ["{seeds}/a.yml: a second curation file for a.txt ({seeds}/a.yaml is the other); keep one"],
        ),
        (
            {"a.yml": "title: X\n", "a.YAML": "title: Y\n"},
            ["{seeds}/a.yml: a second curation file for a.txt ({seeds}/a.YAML is the other); keep one"],
        ),
        (  # each file's own mistakes are reported too, in one run
            {"a.yaml": "colour: red\n", "a.yml": "title: X\n"},
            [
                "{seeds}/a.yaml:1: unknown key 'colour'",
                "{seeds}/a.yml: a second curation file for a.txt ({seeds}/a.yaml is the other); keep one",
            ],
        ),
        (
            {f"{NFC_A}.yml": "title: X\n", f"{NFD_A}.yml": "title: Y\n"},
            ["{seeds}/{nfc}.yml: a second curation file for {nfc}.txt ({seeds}/{nfd}.yml is the other); keep one"],
        ),
        (  # without the seed, each is a file without a seed
            {"b.yml": "title: X\n", "b.yaml": "title: Y\n"},
            [
                "{seeds}/b.yaml: curation file without a seed (no b.txt)",
                "{seeds}/b.yml: curation file without a seed (no b.txt)",
            ],
        ),
    ],
)
def test_one_curation_file_per_seed(
    sidecars: dict[str, str], messages: list[str], generate: Generate, project: Paths
) -> None:
    for name, text in sidecars.items():
        (project.seeds / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigErrors) as info:
        generate({"a.txt": SEED, f"{NFC_A}.txt": SEED.replace("quốc phòng", "kinh tế")})
    expected = [m.format(seeds=project.seeds, nfc=NFC_A, nfd=NFD_A) for m in messages]
    assert [str(e)[: len(m)] for e, m in zip(info.value.errors, expected, strict=True)] == expected
    assert not any(project.content.glob("bai-viet/*.md"))


def test_two_seeds_pinning_one_slug(generate: Generate, project: Paths) -> None:
    for name in ("a", "b"):
        (project.seeds / f"{name}.yml").write_text("slug: cung-mot\n", encoding="utf-8")
    with pytest.raises(ConfigErrors, match=r"curated slug 'cung-mot' is also pinned by a\.txt"):
        generate({"a.txt": SEED, "b.txt": SEED.replace("quốc phòng", "kinh tế")})


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("taxonomy.yml", "themes: []\n", "the taxonomy has no themes"),
        ("taxonomy.yml", "themes:\n  - slug: Bad Slug\n    name: X\n    keywords: [x]\n", ":2: slug 'Bad Slug'"),
        ("taxonomy.yml", "themes:\n  - slug: a\n    name: X\n", "missing required key 'keywords'"),
        ("people.yml", "people:\n  - name: A\n    slug: a\n    country: VN\n    role: x\n", ":5: unknown key 'role'"),
        (
            "people.yml",
            "people:\n  - {name: A B, slug: a, country: VN}\n  - {name: C, slug: c, country: VN, aliases: [a b]}\n",
            ":3: duplicate name or alias 'a b'",
        ),
        ("boilerplate.yml", "drop: ['(unclosed']\n", ":1: pattern '(unclosed' is not a valid regular expression"),
        ("sources.yml", "sources:\n  - name: VOV\n    alias: [VOV.VN]\n", ":3: unknown key 'alias'"),
        ("sources.yml", "sources:\n  - aliases: [VOV.VN]\n", "missing required key 'name'"),
        ("sources.yml", "sources:\n  - {name: VOV}\n  - {name: Đài, aliases: [vov]}\n", ":3: duplicate source"),
    ],
)
def test_data_file_errors(file: str, text: str, message: str, tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / file).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_data(tmp_path / "data")
    assert str(info.value).startswith(str(tmp_path / "data" / file))
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("seed", "sidecar", "shown"),
    [
        # What the parser finds, in each form an outlet is named in, shown by one name.
        ("(QĐND) - Hai bên nhất trí hợp tác quốc phòng.", "", "Báo Quân đội nhân dân"),
        ("QĐND Online - Hai bên nhất trí hợp tác quốc phòng.", "", "Báo Quân đội nhân dân"),
        ("(VOV.VN) - Hai bên nhất trí hợp tác quốc phòng.", "", "VOV"),
        ("(NDO) - Hai bên nhất trí hợp tác quốc phòng.", "", "Báo Nhân Dân"),
        # `&` for `và`: one outlet either way.
        ("(Thế giới & Việt Nam) - Hai bên nhất trí hợp tác quốc phòng.", "", "Báo Thế giới và Việt Nam"),
        ("Hai bên nhất trí hợp tác quốc phòng.", "source: Kinh tế và Đô thị\n", "Báo Kinh tế & Đô thị"),
        # The name itself in another case; an outlet the registry lacks is shown as written.
        ("Hai bên nhất trí hợp tác quốc phòng.\n\nTheo Báo Nhân dân", "", "Báo Nhân Dân"),
        ("(Sài Gòn Giải Phóng) - Hai bên nhất trí hợp tác quốc phòng.", "", "Sài Gòn Giải Phóng"),
        # A curated source goes through the registry too; no source stays none.
        ("Hai bên nhất trí hợp tác quốc phòng.", "source: vov.vn\n", "VOV"),
        ("Hai bên nhất trí hợp tác quốc phòng.", "", None),
    ],
)
def test_sources_are_shown_by_the_registry_name(
    seed: str, sidecar: str, shown: str | None, generate: Generate, project: Paths
) -> None:
    if sidecar:
        (project.seeds / "a.yml").write_text(sidecar, encoding="utf-8")
    (a,) = generate({"a.txt": f"Tiêu đề gốc\n\nNgày 26/02/2024\n\n{seed}\n"}).articles
    assert a.source == shown


def test_missing_seeds_folder(project: Paths) -> None:
    with pytest.raises(ConfigError, match="seeds folder not found"):
        build(Paths(seeds=project.seeds / "nope", content=project.content, data=project.data), today=TODAY)

"""The generator as users run it: exit codes, messages, what gets written and what never does."""

from __future__ import annotations

import hashlib
import shutil
import threading
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS, Generate, copy_hand_written, run_cli

from generator.build import Paths
from generator.errors import ConfigError
from generator.output import write_content

GOOD = "Tiêu đề một\n\nNgày 26/02/2024, hai bên nhất trí tăng cường hợp tác quốc phòng, an ninh, biên giới.\n"
OTHER = "Tiêu đề hai\n\nNgày 27/02/2024, hai bên nhất trí thúc đẩy thương mại, đầu tư, kinh tế.\n"


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file with its inode, mtime and bytes: any rewrite changes inode or mtime."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def cli_project(tmp_path: Path) -> Path:
    """A copy of the repository's seeds, data and hand-written content, as a user's checkout."""
    for name in ("seeds", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    copy_hand_written(ROOT / "content", tmp_path / "content")
    return tmp_path


def test_cli_all_good_exits_0(tmp_path: Path) -> None:
    project = cli_project(tmp_path)
    result = run_cli(cwd=project)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("5 articles, 0 rejected, 0 warnings; content: ")
    assert len(list((project / "content" / "bai-viet").glob("*.md"))) == 5


def test_cli_rejected_seed_exits_1_and_publishes_the_rest(tmp_path: Path) -> None:
    project = cli_project(tmp_path)
    (project / "seeds" / "empty.txt").write_bytes(b"")
    (project / "seeds" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli(cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "rejected: seeds/empty.txt: empty file",
        "rejected: seeds/image.txt: not text (contains NUL bytes)",
    ]
    assert len(list((project / "content" / "bai-viet").glob("*.md"))) == 5


def test_cli_config_error_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    project = cli_project(tmp_path)
    run_cli(cwd=project)
    before = snapshot(project / "content")
    (project / "data" / "taxonomy.yml").write_text("themes:\n  - slug: x\n    nam: X\n", encoding="utf-8")
    (project / "seeds" / "new.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli(cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("error: data/taxonomy.yml:3: unknown key 'nam'")
    assert len(result.stderr.splitlines()) == 1
    assert snapshot(project / "content") == before


def test_cli_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_cli("--no-such-flag", cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: python -m generator" in result.stderr


@pytest.mark.parametrize("option", ["--content", "--cache"])
def test_cli_a_file_where_a_folder_goes_exits_2_in_one_line(option: str, tmp_path: Path) -> None:
    project = cli_project(tmp_path)
    (project / "afile").write_text("x", encoding="utf-8")
    result = run_cli(option, "afile", cwd=project)
    assert (result.returncode, result.stderr) == (2, "error: afile: a file, not a folder\n")


def test_cli_other_folders(tmp_path: Path) -> None:
    project = cli_project(tmp_path)
    shutil.move(project / "seeds", project / "in")
    result = run_cli("--seeds", "in", "--content", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert len(list((project / "out" / "bai-viet").glob("*.md"))) == 5


def test_rerun_with_nothing_changed_writes_no_file(generate: Generate, project: Paths) -> None:
    generate({"a.txt": GOOD, "b.txt": OTHER})
    before = snapshot(project.content)
    report = generate()
    assert not report.result.changed
    assert snapshot(project.content) == before


def test_editing_one_seed_rewrites_only_what_shows_it(generate: Generate, project: Paths) -> None:
    generate({"a.txt": GOOD, "b.txt": OTHER})
    before = snapshot(project.content)
    report = generate({"b.txt": OTHER.replace("kinh tế", "kinh tế, doanh nghiệp")})
    after = snapshot(project.content)
    rewritten = {p for p in after if before.get(p) != after[p]}
    assert rewritten == {*report.result.written, ".generated.json"}
    assert "bai-viet/2024-02-27-tieu-de-hai.md" in rewritten
    assert "bai-viet/2024-02-26-tieu-de-mot.md" not in rewritten
    assert "gioi-thieu.md" not in rewritten


def test_hand_written_pages_are_never_touched(generate: Generate, project: Paths) -> None:
    (project.content / "notes").mkdir()
    (project.content / "notes" / "ghi-chu.md").write_text("# Ghi chú\n", encoding="utf-8")
    hand = {p: snapshot(project.content)[p] for p in ("gioi-thieu.md", "notes/ghi-chu.md")}
    generate({"a.txt": GOOD})
    (project.seeds / "a.txt").unlink()
    generate({"b.txt": OTHER})
    after = snapshot(project.content)
    assert {p: after[p] for p in hand} == hand
    assert "bai-viet/2024-02-26-tieu-de-mot.md" not in after  # the generator removed its own page
    assert "bai-viet/2024-02-27-tieu-de-hai.md" in after


def test_hand_written_file_in_a_generated_path_is_an_error(generate: Generate, project: Paths) -> None:
    (project.content / "nam").mkdir()
    (project.content / "nam" / "2024.md").write_text("# Viết tay\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="a hand-written file is where the generator writes a page"):
        generate({"a.txt": GOOD})
    assert (project.content / "nam" / "2024.md").read_text(encoding="utf-8") == "# Viết tay\n"


def test_duplicates_are_reported_and_published_once(generate: Generate, project: Paths) -> None:
    dup = unicodedata.normalize("NFD", GOOD).replace("\n", "\r\n").replace("hai bên", "hai  bên")
    report = generate({"a.txt": GOOD, "b.txt": dup})
    assert [a.seed for a in report.articles] == ["a.txt"]
    assert [str(d) for d in report.rejected] == [
        f"{project.seeds / 'b.txt'}: duplicate of {project.seeds / 'a.txt'} (same text)"
    ]


def test_colliding_slugs_are_distinct_and_stable(generate: Generate, project: Paths) -> None:
    same = "Cùng tiêu đề\n\nNgày 26/02/2024, hai bên nhất trí hợp tác."
    report = generate({"a.txt": same, "b.txt": same + " Thêm một câu.", "c.txt": OTHER})
    slugs = {a.seed: a.slug for a in report.articles}
    assert slugs["a.txt"] == "2024-02-26-cung-tieu-de"
    assert slugs["b.txt"].startswith("2024-02-26-cung-tieu-de-") and slugs["b.txt"] != slugs["a.txt"]
    (project.seeds / "c.txt").unlink()
    again = {a.seed: a.slug for a in generate().articles}
    assert again == {k: v for k, v in slugs.items() if k != "c.txt"}


def test_front_matter_of_the_real_seeds(tmp_path: Path) -> None:
    project = cli_project(tmp_path)
    assert run_cli(cwd=project).returncode == 0
    pages = {p.name: front_matter(p) for p in (project / "content" / "bai-viet").glob("*.md")}
    vne = pages["2025-12-01-viet-lao-phan-dau-nang-kim-ngach-len-5-ty-usd.md"]
    assert {k: vne[k] for k in ("date", "year", "source", "source_url", "author", "seed")} == {
        "date": "2025-12-01",
        "year": 2025,
        "source": "VnExpress",
        "source_url": "https://vnexpress.net/viet-lao-phan-dau-nang-kim-ngach-len-5-ty-usd-4988378.html",
        "author": "Ngọc Ánh",
        "seed": "001_b7c5c39b900eb3de.txt",
    }
    month = pages["2023-01-nhat-quan-chinh-sach-duy-tri-hop-tac.md"]
    assert (month["date"], month["year"]) == ("2023-01", 2023)
    assert "source" not in month and "author" not in month
    for meta in pages.values():
        assert list(meta)[:2] == ["title", "date"]
        assert {"themes", "people", "description", "words", "reading_time", "seed", "seed_sha256"} <= set(meta)
        assert meta["reading_time"] == max(1, -(-int(str(meta["words"])) // 200))
        assert len(str(meta["description"])) <= 200
        raw = (SEEDS / str(meta["seed"])).read_bytes()
        assert meta["seed_sha256"] == hashlib.sha256(raw).hexdigest()


def test_undated_and_escaped_front_matter(generate: Generate, project: Paths) -> None:
    report = generate({"x.txt": 'Tiêu đề <script>alert("x")</script>\n\nHai bên & nhau nhất trí.'})
    (article,) = report.articles
    meta = front_matter(project.content / "bai-viet" / f"{article.slug}.md")
    assert "date" not in meta and "year" not in meta
    assert meta["title"] == "Tiêu đề &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert meta["description"] == "Hai bên &amp; nhau nhất trí."


def test_two_generators_at_once_take_turns(project: Paths) -> None:
    """`mkdocs serve` and the CLI on one project: the second waits for the first's lock."""
    project.content.mkdir(exist_ok=True)
    files_a = {f"bai-viet/a{i}.md": b"a" * 1000 for i in range(300)}
    files_b = {f"bai-viet/b{i}.md": b"b" * 1000 for i in range(300)}
    errors: list[BaseException] = []

    def run(files: dict[str, bytes]) -> None:
        try:
            write_content(project.content, files)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in (files_a, files_b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    on_disk = {p.relative_to(project.content).as_posix() for p in (project.content / "bai-viet").iterdir()}
    assert on_disk in (set(files_a), set(files_b))  # one complete output, never a mix


def test_a_linked_folder_in_content_survives_a_write(tmp_path: Path) -> None:
    """The staging tree keeps symbolic links as they are, links to folders too."""
    content, elsewhere = tmp_path / "content", tmp_path / "photos"
    elsewhere.mkdir()
    (elsewhere / "a.jpg").write_bytes(b"jpg")
    content.mkdir()
    (content / "anh").symlink_to(elsewhere, target_is_directory=True)
    write_content(content, {"index.md": "# Trang chủ\n".encode()})
    assert (content / "anh").is_symlink() and (content / "anh" / "a.jpg").read_bytes() == b"jpg"
    assert (content / "index.md").read_text(encoding="utf-8") == "# Trang chủ\n"

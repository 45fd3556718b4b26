"""Reading corpus files and folders into documents: formats, ids, titles, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.corpus.ingest import ingest, markdown_title
from factcheck.errors import InputError
from factcheck.sources.markup import html_text

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>  Plant   news </title>
<style>p { color: red; }</style>
<script>var tracking = "SECRET-SCRIPT";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Plant opens</h1>
<p>Acme opened a plant
   in <b>Berlin</b>.</p><p>It builds 450,000 cars a year.</p>
<ul><li>first item</li><li>second<br>line</li></ul>
<script>document.write("SECRET-INLINE")</script><noscript>SECRET-NOSCRIPT</noscript>
<!-- SECRET-COMMENT -->
</body></html>
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_folder_ids_titles_and_texts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "xiaomi-ev-unit.md", "Intro line\n\n# Xiaomi EV registered\n\nText here.\n")
    write(corpus / "wires" / "2021" / "deal.txt", "Zeta bought Omega.\n")
    write(corpus / "page.html", HTML_PAGE)
    write(
        corpus / "feed.jsonl",
        '{"id": "j-1", "text": "One.", "title": "T", "url": "u", "date": "2021-08-25"}\n',
    )
    result = ingest([corpus])
    by_id = {d.id: d for d in result.documents}
    assert set(by_id) == {"xiaomi-ev-unit", "wires/2021/deal", "page", "j-1"}
    assert by_id["xiaomi-ev-unit"].title == "Xiaomi EV registered"
    assert by_id["xiaomi-ev-unit"].text == "Intro line\n\n# Xiaomi EV registered\n\nText here.\n"
    assert by_id["wires/2021/deal"].title is None
    assert by_id["page"].title == "Plant news"
    j = by_id["j-1"]
    assert (j.text, j.title, j.url, j.date) == ("One.", "T", "u", "2021-08-25")
    assert result.warnings == []
    assert set(result.roots.values()) == {str(corpus.resolve())}


def test_single_file_is_known_by_its_stem(tmp_path: Path) -> None:
    file = write(tmp_path / "deep" / "deepmotion-deal.md", "# Deal\n\nXiaomi bought Deepmotion.\n")
    result = ingest([file])
    assert [d.id for d in result.documents] == ["deepmotion-deal"]


def test_html_drops_scripts_styles_and_keeps_blocks_on_their_own_lines() -> None:
    text, title = html_text(HTML_PAGE)
    assert title == "Plant news"
    assert "SECRET" not in text and "tracking" not in text and "color" not in text
    assert "Home" not in text  # navigation is not content
    paragraphs = text.split("\n\n")
    assert paragraphs[:3] == [
        "Plant opens",
        "Acme opened a plant in Berlin.",
        "It builds 450,000 cars a year.",
    ]
    assert "first item" in paragraphs and "second\nline" in paragraphs


def test_markdown_title_variants() -> None:
    assert markdown_title("no heading at all") is None
    assert markdown_title("text\n\n## Second level ##\n") == "Second level"
    assert markdown_title("Setext title\n============\n\nbody") == "Setext title"
    assert markdown_title("#hashtag is not a heading\n# Real one") == "Real one"


def test_malformed_jsonl_names_file_and_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "fine"})
    file = write(tmp_path / "docs.jsonl", f"{good}\n\n{{not json\n")
    with pytest.raises(InputError, match=r"docs\.jsonl:3: not valid JSON"):
        ingest([file])
    write(file, f'{good}\n{{"id": "b"}}\n')
    with pytest.raises(InputError, match=r"docs\.jsonl:2: missing or empty 'text'"):
        ingest([file])
    write(file, '["a", "b"]\n')
    with pytest.raises(InputError, match=r"docs\.jsonl:1: expected a JSON object"):
        ingest([file])


def test_hidden_files_readmes_and_other_types_are_not_indexed(tmp_path: Path) -> None:
    write(tmp_path / "README.md", "# About this corpus\n")
    write(tmp_path / "readme.txt", "about\n")
    write(tmp_path / ".hidden.md", "# Hidden\n")
    write(tmp_path / ".git" / "notes.txt", "internal\n")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "kept.md", "# Kept\n")
    assert [d.id for d in ingest([tmp_path]).documents] == ["kept"]


def test_bad_files_are_skipped_with_warnings_when_others_are_readable(tmp_path: Path) -> None:
    write(tmp_path / "good.md", "# Good\n\nReadable.\n")
    write(tmp_path / "binary.txt", b"abc\x00\x01\x02")
    write(tmp_path / "latin1.txt", "caf\xe9 cr\xe8me".encode("latin-1"))
    write(tmp_path / "empty.md", "  \n")
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.truncate(100_000_000)
    result = ingest([tmp_path], max_bytes=50_000_000)
    assert [d.id for d in result.documents] == ["good"]
    joined = "\n".join(result.warnings)
    assert len(result.warnings) == 4
    assert "binary.txt" in joined and "latin1.txt" in joined and "not valid UTF-8" in joined
    assert "empty.md" in joined and "huge.txt" in joined and "limit" in joined


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "binary.txt", b"\x00\x01")
    with pytest.raises(InputError, match="no readable documents"):
        ingest([tmp_path])
    with pytest.raises(InputError, match="no such file or folder"):
        ingest([tmp_path / "missing"])
    with pytest.raises(InputError, match="unsupported file type"):
        ingest([write(tmp_path / "x.pdf", "%PDF")])
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    with pytest.raises(InputError, match="no .* files found"):
        ingest([empty])


def test_duplicate_ids_keep_the_first_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a" / "same.md", "# First\n")
    write(tmp_path / "b" / "same.txt", "Second\n")
    result = ingest([tmp_path / "a", tmp_path / "b"])
    assert [d.title for d in result.documents] == ["First"]
    assert "already read" in result.warnings[0]


def test_crlf_is_normalised(tmp_path: Path) -> None:
    write(tmp_path / "w.txt", b"One.\r\nTwo.\r\n")
    write(tmp_path / "d.jsonl", json.dumps({"id": 7, "text": "A.\r\nB."}) + "\n")
    docs = {d.id: d for d in ingest([tmp_path]).documents}
    assert docs["w"].text == "One.\nTwo.\n"
    assert docs["7"].text == "A.\nB."

"""Loading articles: every format, every decoding path, and clear errors naming the file."""

from __future__ import annotations

import codecs
import json
import warnings
from pathlib import Path

import pytest

from mediadiff import Article, DecodingError, InputError, load
from mediadiff.errors import EncodingFallbackWarning, InputWarning
from mediadiff.load import decode, html_to_text, load_file

BODY = "The council approved the budget on Monday.\n\nIt passed 5 to 2 after a long debate."


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_txt_title_and_untouched_text(tmp_path: Path) -> None:
    text = "Council passes budget\n\n" + BODY + "\n"
    [a] = load(write(tmp_path / "city_paper.txt", text))
    assert a.outlet == "city_paper"
    assert a.title == "Council passes budget"
    assert a.text == text  # the text keeps everything, title included
    assert a.source_path.endswith("city_paper.txt")


def test_txt_without_blank_line_has_no_title(tmp_path: Path) -> None:
    [a] = load(write(tmp_path / "wire.md", "One paragraph only.\nAnd a second line."))
    assert a.title is None


def test_html_visible_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Budget vote</title><style>p{color:red}</style>"
        "<script>var x = 'hidden';</script></head><body><!-- a comment -->"
        "<h1>Council passes budget</h1><p>The council approved &amp; signed it.</p>"
        "<noscript>Enable JS</noscript><p>It passed 5 to 2.</p></body></html>"
    )
    [a] = load(write(tmp_path / "herald.html", html))
    assert a.title == "Budget vote"
    assert a.text == "Council passes budget\n\nThe council approved & signed it.\n\nIt passed 5 to 2."
    assert "hidden" not in a.text and "color" not in a.text and "comment" not in a.text


def test_html_to_text_falls_back_to_h1_title() -> None:
    text, title = html_to_text("<body><h1>Main</h1><p>Body.</p></body>")
    assert title == "Main" and text == "Main\n\nBody."


def test_json_object_and_list(tmp_path: Path) -> None:
    write(
        tmp_path / "one.json", json.dumps({"outlet": "ledger", "text": BODY, "title": "T", "url": "https://x.test/a"})
    )
    write(tmp_path / "many.json", json.dumps([{"source": "a", "body": BODY}, {"text": BODY, "published": 2024}]))
    arts = load([tmp_path / "one.json", tmp_path / "many.json"])
    assert [a.outlet for a in arts] == ["ledger", "a", "many-2"]
    assert arts[0].url == "https://x.test/a" and arts[0].title == "T"
    assert arts[2].published == "2024"


def test_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"outlet": "a", "text": BODY}), "", json.dumps({"outlet": "b", "text": BODY})]
    arts = load(write(tmp_path / "s.jsonl", "\n".join(lines) + "\n"))
    assert [a.outlet for a in arts] == ["a", "b"]


def test_csv_columns(tmp_path: Path) -> None:
    csv_text = (
        'Outlet,Title,Body\nledger,"Budget, passed","' + BODY.replace('"', '""') + '"\nherald,,Short text here.\n'
    )
    arts = load(write(tmp_path / "s.csv", csv_text))
    assert [(a.outlet, a.title) for a in arts] == [("ledger", "Budget, passed"), ("herald", None)]
    assert arts[0].text == BODY


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.json", "{not json", "invalid JSON at line 1"),
        ("b.json", json.dumps({"outlet": "x"}), "missing the 'text'"),
        ("c.json", json.dumps({"text": 42}), "field 'text' must be a string"),
        ("d.json", json.dumps([{"text": "ok", "title": ["x"]}]), "(item 1): field 'title' must be a string"),
        ("e.jsonl", '{"text": "ok"}\n{"text": ', "(line 2): invalid JSON"),
        ("f.csv", "outlet,headline\na,b\n", "no 'text' or 'body' column"),
        ("g.json", "[]", "holds no article records"),
        ("h.json", json.dumps(["just a string"]), "expected an object"),
    ],
)
def test_bad_records_name_file_and_reason(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as info:
        load(path)
    assert message in str(info.value)
    assert name in str(info.value)


def test_decoding_paths(tmp_path: Path) -> None:
    text = "Café “quoted” — done."
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "u16le.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "u16be.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }
    for name, data in variants.items():
        [a] = load(write(tmp_path / name, data))
        assert a.text == text, name


def test_legacy_cp1252_fallback_warns(tmp_path: Path) -> None:
    data = "He said “no” to the café.".encode("cp1252")
    with pytest.warns(EncodingFallbackWarning, match="cp1252"):
        [a] = load(write(tmp_path / "legacy.txt", data))
    assert a.text == "He said “no” to the café."


def test_latin1_last_resort() -> None:
    with pytest.warns(EncodingFallbackWarning, match="latin-1"):
        assert decode(b"caf\xe9 \x81", source="x.txt") == ("café \x81", "latin-1")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"abc\x00def", "NUL bytes"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid utf-16"),
    ],
)
def test_binary_rejected(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(DecodingError, match=message):
        load(write(tmp_path / "file.txt", data))


def test_empty_and_whitespace(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty.txt: the file is empty"):
        load(write(tmp_path / "empty.txt", ""))
    with pytest.raises(InputError, match="only white space"):
        load(write(tmp_path / "blank.txt", " \n\t\n"))
    with pytest.raises(InputError, match="no visible text"):
        load(write(tmp_path / "blank.html", "<html><script>x()</script></html>"))


def test_directory_sorted_and_skips_reported(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / "notes.docx", b"PK")
    (tmp_path / "sub").mkdir()
    with pytest.warns(InputWarning, match=r"skipped 2 entries .*notes.docx.*sub/"):
        arts = load(tmp_path)
    assert [a.outlet for a in arts] == ["a", "b"]


def test_path_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="unsupported file type '.docx'"):
        load_file(write(tmp_path / "x.docx", "text"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no article files"):
        load(tmp_path / "empty")
    with pytest.raises(InputError, match="no paths"):
        load([])


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "word " * 1000)
    with pytest.raises(InputError, match="over the limit of 100 bytes"):
        load(path, max_bytes=100)
    assert load(path, max_bytes=10_000)


def test_duplicate_outlet_ids(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    write(tmp_path / "x" / "same.txt", BODY)
    write(tmp_path / "y" / "same.txt", BODY)
    with pytest.raises(InputError, match="outlet id 'same' comes twice"):
        load([tmp_path / "x", tmp_path / "y"])


def test_crlf_and_lone_cr_kept(tmp_path: Path) -> None:
    text = "Title\r\n\r\nFirst line.\rSecond line.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    [a] = load(path)
    assert a.text == text and a.title == "Title"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", BODY)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="locked.txt: cannot be read \\(Permission denied\\)"):
        load(path)


def test_article_validation() -> None:
    with pytest.raises(InputError, match="outlet id must be a non-empty string"):
        Article(outlet="  ", text="x")
    with pytest.raises(InputError, match="text must be a string"):
        Article(outlet="a", text=b"x")  # type: ignore[arg-type]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Article(outlet="a", text="x", name="A").display_name == "A"


def test_front_matter_names_the_outlet_and_stays_out_of_the_content(tmp_path: Path) -> None:
    """A plain file may open with a front-matter block: its fields become the article's metadata,
    and the block, kept in the text so that offsets do not move, is boilerplate."""
    from mediadiff.segment import segment

    text = (
        "---\nname: The Example Times\nurl: https://example.org/bridge\ndate: 2026-12-01\n"
        'title: "Bridge closes for repairs"\n---\n\nBridge closes\n\nThe city closed the bridge on Monday.\n'
    )
    path = tmp_path / "example.txt"
    path.write_text(text, encoding="utf-8")
    [article] = load(path)
    assert (article.outlet, article.name, article.url, article.published, article.title) == (
        "example",
        "The Example Times",
        "https://example.org/bridge",
        "2026-12-01",
        "Bridge closes for repairs",
    )
    assert article.text == text
    doc = segment(article)
    assert [s.text for s in doc.content_sentences] == ["Bridge closes", "The city closed the bridge on Monday."]
    assert {b.rule for b in doc.boilerplate} == {"front_matter"}
    assert all(text[b.start : b.end] == b.text for b in doc.boilerplate)


def test_a_file_without_front_matter_and_a_broken_block_keep_their_text(tmp_path: Path) -> None:
    broken = "---\nThis line is no field\n---\nThe mayor spoke.\n"
    path = tmp_path / "b.md"
    path.write_text(broken, encoding="utf-8")
    [article] = load(path)
    assert article.name is None and article.text == broken


def test_records_accept_date_for_published(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"outlet": "a", "name": "Alpha", "date": "2026-12-01", "text": "The mayor spoke."}\n', encoding="utf-8"
    )
    [article] = load(path)
    assert (article.name, article.published) == ("Alpha", "2026-12-01")

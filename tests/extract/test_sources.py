"""Reading articles: every kind of bad input gets its own clear message and the rest is still read."""

from __future__ import annotations

import io
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import BadInput
from workbench.sources import MAX_ARTICLE_BYTES, ArticleInput, html_to_text, read_paths, read_upload

SEED_LINE = '"Saya kecewa," ucap BW.\nKlik Kaltim berusaha mengkonfirmasi Joni Muslim.'


def messages(items) -> list[str]:
    return [str(item) for item in items if isinstance(item, BadInput)]


def articles(items) -> list[ArticleInput]:
    return [item for item in items if isinstance(item, ArticleInput)]


# (file name, bytes, expected text or None, expected message fragment or None)
SINGLE_FILES = [
    ("seed.txt", SEED_LINE.encode(), SEED_LINE, None),
    ("crlf.txt", b"Baris satu.\r\nBaris dua.", "Baris satu.\r\nBaris dua.", None),
    ("bom.txt", b"\xef\xbb\xbfDengan BOM.", "Dengan BOM.", None),
    ("upper.TXT", b"Huruf besar.", "Huruf besar.", None),
    ("latin1.txt", "Kata café.".encode("latin-1"), None, "cannot decode as UTF-8 or UTF-8 with BOM: byte 0xe9"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary content (NUL bytes)"),
    ("controls.txt", bytes(range(1, 9)) * 20 + b"abc", None, "binary content (mostly control characters)"),
    ("utf16.txt", "teks".encode("utf-16"), None, "UTF-16 encoded; save it as UTF-8"),
    ("empty.txt", b"", None, "empty text: nothing to extract"),
    ("blank.txt", b" \n\t\n", None, "empty text: nothing to extract"),
    ("notes.pdf", b"%PDF-1.4", None, "unsupported file type .pdf; expected one of .txt, .html, .htm, .jsonl"),
    ("README", b"hello", None, "unsupported file type (no extension)"),
]


@pytest.mark.parametrize(("name", "data", "text", "message"), SINGLE_FILES, ids=[row[0] for row in SINGLE_FILES])
def test_single_file(tmp_path, name, data, text, message):
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_paths([path]))
    assert len(items) == 1
    if message is None:
        assert items == [ArticleInput(text=text, id=path.stem, source=str(path))]
    else:
        assert isinstance(items[0], BadInput)
        assert message in str(items[0])
        assert str(items[0]).startswith(f"{path}: ")
        assert items[0].source == str(path)


@pytest.mark.parametrize(("name", "data", "text", "message"), SINGLE_FILES, ids=[row[0] for row in SINGLE_FILES])
def test_upload_follows_the_same_rules(name, data, text, message):
    items = list(read_upload(name, data))
    assert len(items) == 1
    if message is None:
        assert items[0] == ArticleInput(text=text, id=name.rsplit(".", 1)[0], source=name)
    else:
        assert message in str(items[0])


# (JSONL line, expected message fragment; None means the line is read)
JSONL_LINES = [
    ('{"id": "a1", "text": "Teks."}', None),
    ("{not json", "not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
    ('["text"]', "expected a JSON object with a 'text' field, got an array"),
    ('"just a string"', "expected a JSON object with a 'text' field, got a string"),
    ('{"id": "a2"}', "the record has no 'text' field"),
    ('{"id": "a3", "text": 42}', "'text' must be a string, got a number"),
    ('{"id": "a4", "text": null}', "'text' must be a string, got null"),
    ('{"id": "a5", "text": "   "}', "empty text: nothing to extract"),
    ('{"id": "a6", "text": "Teks.", "lang": "fr"}', "'lang' is 'fr'; supported: id, en, auto"),
    ('{"id": "a7", "text": "Teks.", "publisher": {"name": "X"}}', "'publisher' must be a string, got an object"),
]


@pytest.mark.parametrize(("line", "message"), JSONL_LINES, ids=[row[0][:30] for row in JSONL_LINES])
def test_jsonl_line(tmp_path, line, message):
    path = tmp_path / "batch.jsonl"
    # The bad line sits between two good ones: both good ones must still be read.
    path.write_text(f'{{"id": "before", "text": "Satu."}}\n{line}\n{{"id": "after", "text": "Tiga."}}\n')
    items = list(read_paths([path]))
    assert [a.id for a in articles(items)][0] == "before"
    assert [a.id for a in articles(items)][-1] == "after"
    if message is None:
        assert messages(items) == []
        assert len(articles(items)) == 3
    else:
        assert messages(items) == [f"{path}:2: {message}"]
        assert items[1].line == 2


def test_jsonl_fields_are_kept_and_numbers_become_strings(tmp_path):
    path = tmp_path / "batch.jsonl"
    record = {
        "id": 7,
        "text": "Teks “kutipan” di sini.",
        "url": "https://example.org/a",
        "title": "Judul",
        "publisher": "Kompas",
        "published": "2024-08-20",
        "lang": "ID",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert list(read_paths([path])) == [
        ArticleInput(
            text="Teks “kutipan” di sini.",
            id="7",
            url="https://example.org/a",
            title="Judul",
            publisher="Kompas",
            published="2024-08-20",
            lang="id",
            source=f"{path}:1",
        )
    ]


def test_jsonl_record_without_id_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "Satu."}\n{"text": "Dua."}\n')
    assert [a.id for a in read_paths([path])] == ["batch:1", "batch:2"]


def test_jsonl_undecodable_line_is_rejected_alone(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "Satu."}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "x"}\n'
    )
    items = list(read_paths([path]))
    assert [a.id for a in articles(items)] == ["a", "c"]
    assert messages(items) == [
        f"{path}:2: cannot decode as UTF-8 or UTF-8 with BOM: byte 0xe9 at offset 24 is not valid UTF-8;"
        " save the file as UTF-8"
    ]


def test_binary_jsonl_file_is_rejected_as_a_whole(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    assert messages(read_paths([path])) == [f"{path}: binary content (NUL bytes), not JSON Lines"]


def test_too_large_article_is_refused_with_its_size(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    lines = tmp_path / "big.jsonl"
    lines.write_text(json.dumps({"id": "big", "text": "b" * (MAX_ARTICLE_BYTES + 1)}) + "\n")
    assert messages(read_paths([big, lines])) == [
        f"{big}: file is 5.0 MiB, over the 5 MiB limit for one article; not read",
        f"{lines}:1: 'text' is 5.0 MiB, over the 5 MiB limit for one article; not read",
    ]


def test_article_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "limit.txt"
    path.write_bytes(b"a" * MAX_ARTICLE_BYTES)
    assert len(articles(read_paths([path]))) == 1


def test_missing_file_is_reported_and_the_next_is_read(tmp_path):
    missing = tmp_path / "missing.txt"
    missing_folder = tmp_path / "arsip"
    present = tmp_path / "present.txt"
    present.write_text("Ada.")
    items = list(read_paths([missing, missing_folder, present]))
    assert messages(items) == [f"{missing}: no such file or folder", f"{missing_folder}: no such file or folder"]
    assert [a.id for a in articles(items)] == ["present"]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Rahasia.")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    # Mode 000 does not stop root, so refuse the read directly.
    monkeypatch.setattr(type(path), "read_bytes", refuse)
    assert messages(read_paths([path])) == [f"{path}: cannot read file: Permission denied"]


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zet.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "C."}\n')
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "notes.md").write_text("# notes")
    items = list(read_paths([tmp_path]))
    assert [a.id for a in articles(items)] == ["a", "z", "c1"]
    assert messages(items) == [
        f"{tmp_path / 'notes.md'}: unsupported file type .md; expected one of .txt, .html, .htm, .jsonl"
    ]


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / ".hidden").write_text("x")
    assert messages(read_paths([tmp_path])) == [f"{tmp_path}: empty folder: no files to read"]


def test_uploaded_jsonl_is_read_line_by_line():
    data = b'{"id": "u1", "text": "Satu."}\n[1]\n{"id": "u2", "text": "Dua."}'
    items = list(read_upload("batch.jsonl", data))
    assert [a.id for a in articles(items)] == ["u1", "u2"]
    assert messages(items) == ["batch.jsonl:2: expected a JSON object with a 'text' field, got an array"]
    assert messages(read_upload("x.jsonl", b"\x00\x01binary")) == [
        "x.jsonl: binary content (NUL bytes), not JSON Lines"
    ]


def test_dash_reads_jsonl_from_stdin(monkeypatch):
    data = b'{"id": "s1", "text": "Satu."}\nnot json\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_paths(["-"]))
    assert articles(items) == [ArticleInput(text="Satu.", id="s1", source="<stdin>:1")]
    assert messages(items) == ["<stdin>:2: not valid JSON (Expecting value at column 1)"]


def test_html_file_gives_main_text_and_title(tmp_path):
    page = tmp_path / "berita.html"
    page.write_text(
        "<html><head><title>Judul Berita</title><script>var x = 1;</script></head><body>"
        "<nav>Beranda | Politik</nav><article><p>Paragraf pertama yang cukup panjang untuk diambil sebagai"
        " teks utama artikel ini oleh pengambil teks.</p><p>“Saya kecewa,” kata BW.</p></article>"
        "<footer>Hak cipta 2024</footer></body></html>",
        encoding="utf-8",
    )
    [article] = list(read_paths([page]))
    assert article.id == "berita"
    assert article.title == "Judul Berita"
    assert "“Saya kecewa,” kata BW." in article.text
    assert "var x" not in article.text
    assert "Hak cipta" not in article.text


# (html, expected (title, text)) for markup too small or broken for trafilatura
BROKEN_HTML = [
    ("<p>Pendek.</p>", (None, "Pendek.")),
    ("<title>T</title><p>Satu.<p>Dua", ("T", "Satu.\nDua")),
    ("<div><script>alert(1)</script>Teks &amp; tanda</div>", (None, "Teks & tanda")),
    ("<<<>>> rusak <p", (None, "<<<>>> rusak <p")),
]


@pytest.mark.parametrize(("html", "expected"), BROKEN_HTML)
def test_html_to_text_falls_back_to_visible_text(html, expected):
    assert html_to_text(html) == expected


def test_html_without_any_text_is_empty(tmp_path):
    page = tmp_path / "kosong.html"
    page.write_text("<html><body><script>x()</script></body></html>")
    assert messages(read_paths([page])) == [f"{page}: empty text: nothing to extract"]


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(["a.txt", "a.html", "a.htm", "a.jsonl", "a.pdf"]),
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(['{"text": "x"}', '{"text": ""}', "{", "[]", '{"id": 1, "text": "“a”"}', ""]))
        .map("\n".join)
        .map(str.encode),
    ),
)
def test_any_upload_gives_articles_or_messages_never_an_exception(name, data):
    for item in read_upload(name, data):
        assert isinstance(item, ArticleInput | BadInput)
        if isinstance(item, ArticleInput):
            assert item.text.strip()
            assert item.source.startswith(name)
        else:
            assert str(item).startswith(f"{name}")

"""Read articles from files, folders, standard input and UI uploads.

Each reader yields an ``ArticleInput`` per article, or a ``BadInput`` for input it cannot use,
and goes on with the rest: one broken line or file never loses the others. Text is kept exactly
as it was given (no newline translation), so extraction offsets point into what the user has.
No Streamlit, no SQLAlchemy here: the CLI, ingest and the upload page all call this module.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from workbench.errors import BadInput

MAX_ARTICLE_BYTES = 5 * 2**20
# A page carries markup, scripts and styles around its text, so allow more before reading it.
MAX_HTML_BYTES = 4 * MAX_ARTICLE_BYTES

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
LANGUAGES = ("id", "en", "auto")
STDIN_NAME = "<stdin>"
# Share of control characters above which decoded text is taken for binary data.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# `SuaraKaltim.id - `, `JAKARTA, KOMPAS.com - ` opening the first line: not part of a headline.
_DATELINE_PREFIX = re.compile(r"\s*(?:[A-Z][A-Za-z .]{1,30},[ \t]*)?[A-Z][\w.\-]*[ \t]*[-\u2013\u2014]+[ \t]+")
MAX_HEADLINE_CHARS = 90


@dataclass(frozen=True, slots=True)
class ArticleInput:
    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # as given in the record; extract() parses it
    lang: str | None = None
    source: str = ""  # where it came from, for messages: "path/file.jsonl:12"


def headline_from_text(text: str) -> str | None:
    """A working title for an article given without one: its first line, shortened at a word.

    Pasted text and `.txt` files rarely carry a title, and "untitled" tells a reviewer nothing
    when choosing among hundreds of articles.
    """
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = _DATELINE_PREFIX.sub("", first_line, count=1) or first_line
    if len(line) <= MAX_HEADLINE_CHARS:
        return line or None
    cut = line.rfind(" ", 0, MAX_HEADLINE_CHARS)
    return line[: cut if cut > MAX_HEADLINE_CHARS // 2 else MAX_HEADLINE_CHARS].rstrip(" ,;:-") + "…"


def read_paths(paths: Iterable[str | Path]) -> Iterator[ArticleInput | BadInput]:
    """Articles from files and folders (recursive, sorted by path); ``-`` is JSON Lines on stdin."""
    for path in paths:
        if str(path) == "-":
            yield from _read_jsonl_stream(sys.stdin.buffer, STDIN_NAME, STDIN_NAME)
            continue
        path = Path(path)
        if path.is_dir():
            yield from _read_folder(path)
        else:
            yield from _read_file(path)


def read_upload(name: str, data: bytes) -> Iterator[ArticleInput | BadInput]:
    """Articles from bytes uploaded in the UI, by the same rules as files of that name."""
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_stream(io.BytesIO(data), name, Path(name).stem)
        return
    yield from _read_single(data, name, Path(name).stem, suffix)


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, main text) of a page: trafilatura's main-text extraction, else all visible text."""
    import trafilatura  # slow to import; only pages need it

    # Its complaints about broken markup would reach stderr as log lines; we fall back instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # noqa: BLE001 - trafilatura fails in many ways on broken markup; fall back
        document = None
    if document is not None and (document.text or "").strip():
        return (document.title or None), document.text
    return _strip_markup(html)


def _read_folder(folder: Path) -> Iterator[ArticleInput | BadInput]:
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not _is_hidden(p, folder))
    except OSError as exc:
        yield BadInput(f"cannot list folder: {exc.strerror or exc}", source=str(folder))
        return
    if not files:
        yield BadInput("empty folder: no files to read", source=str(folder))
    for path in files:
        yield from _read_file(path)


def _is_hidden(path: Path, root: Path) -> bool:
    # .DS_Store, .git/... are not articles the user meant to give.
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path) -> Iterator[ArticleInput | BadInput]:
    source = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        yield BadInput("no such file or folder", source=source)
        return
    if suffix not in SUPPORTED_SUFFIXES:
        yield BadInput(_unsupported(suffix), source=source)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _read_jsonl_stream(handle, source, path.stem)
            return
        limit = MAX_HTML_BYTES if suffix in HTML_SUFFIXES else MAX_ARTICLE_BYTES
        size = path.stat().st_size
        if size > limit:
            yield BadInput(_too_large(size, limit), source=source)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield BadInput("no such file or folder", source=source)
        return
    except OSError as exc:
        yield BadInput(f"cannot read file: {exc.strerror or exc}", source=source)
        return
    yield from _read_single(data, source, path.stem, suffix)


def _read_single(data: bytes, source: str, stem: str, suffix: str) -> Iterator[ArticleInput | BadInput]:
    """One article from the bytes of a .txt or .html file."""
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        yield BadInput(_unsupported(suffix), source=source)
        return
    limit = MAX_HTML_BYTES if suffix in HTML_SUFFIXES else MAX_ARTICLE_BYTES
    if len(data) > limit:
        yield BadInput(_too_large(len(data), limit), source=source)
        return
    try:
        text, title = _decode(data), None
    except _NotText as exc:
        yield BadInput(str(exc), source=source)
        return
    if suffix in HTML_SUFFIXES:
        title, text = html_to_text(text)
        size = len(text.encode("utf-8"))
        if size > MAX_ARTICLE_BYTES:
            yield BadInput(_too_large(size, MAX_ARTICLE_BYTES, what="main text"), source=source)
            return
    if not text.strip():
        yield BadInput("empty text: nothing to extract", source=source)
        return
    yield ArticleInput(text=text, id=stem, title=title, source=source)


def _read_jsonl_stream(handle: BinaryIO, source: str, stem: str) -> Iterator[ArticleInput | BadInput]:
    # The first line decides whether this is a binary file at all (NUL bytes, as git judges).
    first = handle.readline()
    if b"\x00" in first[:8192]:
        yield BadInput("binary content (NUL bytes), not JSON Lines", source=source)
        return
    lines = _chain_first(first, handle)
    yield from _read_jsonl_lines(lines, source, stem)


def _chain_first(first: bytes, handle: BinaryIO) -> Iterator[bytes]:
    if first:
        yield first
    yield from handle


def _read_jsonl_lines(lines: Iterable[bytes], source: str, stem: str) -> Iterator[ArticleInput | BadInput]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue  # blank lines between records are harmless
        try:
            line = _decode(raw)
        except _NotText as exc:
            yield BadInput(str(exc), source=source, line=number)
            continue
        yield _record_to_article(line, source, number, stem)


def _record_to_article(line: str, source: str, number: int, stem: str) -> ArticleInput | BadInput:
    def bad(message: str) -> BadInput:
        return BadInput(message, source=source, line=number)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return bad(f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return bad(f"expected a JSON object with a 'text' field, got {_json_type(record)}")
    if "text" not in record:
        return bad("the record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        return bad(f"'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        return bad("empty text: nothing to extract")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        return bad(_too_large(size, MAX_ARTICLE_BYTES, what="'text'"))
    fields: dict[str, str | None] = {}
    for name in ("id", "url", "title", "publisher", "published", "lang"):
        value = record.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            fields[name] = str(value)
        else:
            return bad(f"'{name}' must be a string, got {_json_type(value)}")
    lang = fields["lang"]
    if lang is not None:
        lang = lang.strip().lower()
        if lang not in LANGUAGES:
            return bad(f"'lang' is {fields['lang']!r}; supported: {', '.join(LANGUAGES)}")
    # Without an id the record is still findable by where it came from.
    article_id = fields["id"] or f"{stem}:{number}"
    return ArticleInput(
        text=text,
        id=article_id,
        url=fields["url"],
        title=fields["title"],
        publisher=fields["publisher"],
        published=fields["published"],
        lang=lang,
        source=f"{source}:{number}",
    )


class _NotText(ValueError):
    """The bytes are not text we can read; the message says why."""


def _decode(data: bytes) -> str:
    """The bytes as text (UTF-8, with or without BOM), or ``_NotText`` saying why not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _NotText("the file is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data:
        raise _NotText("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_byte = data[exc.start : exc.start + 1].hex()
        raise _NotText(
            f"cannot decode as UTF-8 or UTF-8 with BOM: byte 0x{bad_byte} at offset {exc.start}"
            " is not valid UTF-8; save the file as UTF-8"
        ) from None
    if _looks_binary_text(text):
        raise _NotText("binary content (mostly control characters), not text")
    return text


def _looks_binary_text(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    return controls / len(sample) > MAX_CONTROL_SHARE


def _unsupported(suffix: str) -> str:
    shown = suffix or "(no extension)"
    return f"unsupported file type {shown}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"


def _too_large(size: int, limit: int, what: str = "file") -> str:
    return f"{what} is {size / 2**20:.1f} MiB, over the {limit / 2**20:.0f} MiB limit for one article; not read"


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number"


class _VisibleText(HTMLParser):
    """All visible text of a page, one line per block element; for markup trafilatura gives up on."""

    BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header "
        "hr li main nav ol p pre section table td th tr ul".split()
    )
    HIDDEN = frozenset(("script", "style", "noscript", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.hidden_depth = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden_depth:
            self.parts.append(data)


def _strip_markup(html: str) -> tuple[str | None, str]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    title = " ".join("".join(parser.title_parts).split()) or None
    return title, "\n".join(line for line in lines if line)

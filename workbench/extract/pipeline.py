"""``extract()``: the one entry point, chaining cleaning, metadata, quotes, speakers and follow-ups."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date

from workbench.extract.cleaning import clean
from workbench.extract.cues import Cue, cue_after, cue_before
from workbench.extract.follow_ups import follow_ups
from workbench.extract.language import detect_language
from workbench.extract.lexicon import LEXICON, Lexicon
from workbench.extract.metadata import as_date, dateline_publisher, original_source, stated_date
from workbench.extract.models import ExtractedArticle, FollowUp, Quote
from workbench.extract.names import WORD, Mention, bare_word
from workbench.extract.people import (
    People,
    by_role,
    discover,
    honorific_aliases,
    learn_roles,
    place_words,
    private_people,
)
from workbench.extract.reported import reported_speech
from workbench.extract.spans import QuoteSpan, quote_spans, unify_double_apostrophes

# Bump when rules change: ingest compares it to know that stored extractions are due again.
EXTRACTOR_VERSION = "0.4.0"


@dataclass
class _Found:
    """A quote while the article is being read: span, cue, and the person index once resolved."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    open_at: int
    person: int | None = None
    role: str | None = None


_MAX_TITLE_WORDS = 4
_TITLE_JOINERS = frozenset(
    {"with", "of", "the", "a", "an", "and", "for", "in", "on", "to", "dan", "di", "ke", "dari", "yang"}
)


def _word_count(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> int:
    """Words in text[start:end], counting no further than ``limit``."""
    count = 0
    for _ in WORD.finditer(text, start, len(text) if end is None else end):
        count += 1
        if limit is not None and count >= limit:
            break
    return count


def _is_title(text: str, span: QuoteSpan, lex: Lexicon, word_count: int | None = None) -> bool:
    """A named programme, film or slogan: introduced by a title noun, or short and all capitalised."""
    before = text[max(0, span.open_at - 30) : span.open_at].split()
    if before and bare_word(before[-1]) in lex.title_nouns:
        return True
    if word_count is not None and word_count > _MAX_TITLE_WORDS:
        return False
    words = [m.group() for m in WORD.finditer(text, span.start, span.end)]
    # `Fox News Sunday`, `Contract with America`: capitalised words, small joining words allowed inside.
    return (
        0 < len(words) <= _MAX_TITLE_WORDS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_JOINERS for w in words)
    )


def _direct_quotes(text: str, lex: Lexicon, spans: list[QuoteSpan]) -> list[_Found]:
    found: list[_Found] = []
    for span in spans:
        cue = cue_after(text, span.close_at, lex) if span.close_at is not None else None
        if cue is None:
            cue = cue_before(text, span.open_at, lex)
        # Counting stops past the longest title: only "how short" matters here.
        words = _word_count(text, span.start, span.end, _MAX_TITLE_WORDS + 1)
        # A scare quote is a few words with no cue; a short sentence in marks (`"It's anti-reform."`) is not.
        sentence = words >= 2 and text[span.end - 1] in ".?!"
        if cue is None and ((words < 4 and not sentence) or _is_title(text, span, lex, words)):
            continue
        if words < 2 or (cue is not None and words <= _MAX_TITLE_WORDS and _is_title(text, span, lex, words)):
            continue  # one word in marks is a scare quote; a title is not a quote even next to a verb
        found.append(_Found(span.start, span.end, "direct", cue, span.open_at))
    return found


def _register(people: People, found: list[_Found]) -> None:
    for q in found:
        m = q.cue.mention if q.cue else None
        # Initials (`BW`) wait: they are aliases of someone named in full, learnt from the text later.
        if m and m.name and not (m.name.isupper() and " " not in m.name):
            people.add(m.name, m.role)


def _resolve(people: People, found: list[_Found], text: str) -> None:
    for k, q in enumerate(found):
        m = q.cue.mention if q.cue else None
        if m is not None and m.name:
            q.person = people.find(m.name)
            if q.person is None:
                q.person = people.add(m.name, m.role)
            q.role = m.role
        elif m is not None and m.role:
            q.person = by_role(people, m.role, q.open_at)
            if q.person is None:
                q.person = people.current(q.open_at)
        elif m is not None and m.pronoun:
            q.person = people.antecedent(min(q.open_at, m.start), m.text)
        elif q.cue is None:
            q.person = _continued_speaker(found, k, text, people)
        if q.person is not None and m is not None and m.name:
            people.note(m.start, q.person)


def _continued_speaker(found: list[_Found], k: int, text: str, people: People) -> int | None:
    """A quotation with no cue continues the speaker before it: the last quote of its paragraph
    (`"A," said X. "B."`), or else the person named last before it."""
    q = found[k]
    paragraph_start = text.rfind("\n", 0, q.open_at) + 1
    for previous in reversed(found[:k]):
        if previous.end < paragraph_start:
            break
        if previous.person is not None:
            return previous.person
    return people.current(q.open_at)


_CLAUSE_END = " .,;:!?\"'"


def _with_reported(text: str, lex: Lexicon, found: list[_Found], spans: list[QuoteSpan], inside_quote) -> list[_Found]:
    """Add reported clauses, and the quoted words inside them (a mixed quote is two quotes)."""
    direct_starts = {q.start for q in found}
    by_start = {q.start: q for q in found}
    opens = [span.open_at for span in spans]
    added: list[_Found] = []
    for r in reported_speech(text, lex, inside_quote):
        added.append(_Found(r.start, r.end, "indirect", r.cue, r.start))
        # Only the quotations that open inside the clause (spans are in text order).
        for k in range(bisect.bisect_left(opens, r.start), bisect.bisect_left(opens, r.end)):
            span = spans[k]
            if span.end > r.end and text[r.end : span.end].strip(_CLAUSE_END):
                continue  # the quotation runs past the clause (its closing stop may end both)
            inner = by_start.get(span.start)
            if inner is not None and (
                inner.cue is None or inner.cue.mention is None or inner.cue.verb_start == r.cue.verb_start
            ):
                # `..., arguing that Trump "lashed out ..."`: the clause's cue and speaker are the quotation's.
                inner.cue = r.cue
            if span.start not in direct_starts:
                words = _word_count(text, span.start, span.end, _MAX_TITLE_WORDS + 1)
                if words >= 2 and not _is_title(text, span, lex, words):
                    added.append(_Found(span.start, span.end, "direct", r.cue, span.open_at))
                    direct_starts.add(span.start)
    return sorted(found + added, key=lambda q: q.start)


def _inside(spans: list[tuple[int, int]]):
    starts = [s for s, _ in spans]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos)
        return bool(i) and spans[i - 1][0] <= pos < spans[i - 1][1]

    return inside


def _in_any(spans: list[tuple[int, int]]):
    starts = [s for s, _ in spans]

    def outside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos)
        return not (i and spans[i - 1][0] <= pos < spans[i - 1][1])

    return outside


def _public(q: _Found, people: People, private: set[int]) -> bool:
    """Whether a quote is a statement by someone other than a private individual (see ``private_people``)."""
    m = q.cue.mention if q.cue else None
    if m is not None and m.ordinary:
        return False
    return q.person is None or q.person not in private


def _to_quote(text: str, q: _Found, people: People) -> Quote:
    m: Mention | None = q.cue.mention if q.cue else None
    speaker = people.name(q.person) if q.person is not None else None
    role = q.role
    if role is None and q.person is not None and m is not None and m.name and len(people.roles(q.person)) == 1:
        role = people.roles(q.person)[0]
    return Quote(
        text=text[q.start : q.end],
        kind=q.kind,
        speaker=speaker,
        speaker_mention=m.text if m else None,
        speaker_role=role,
        cue=q.cue.verb if q.cue else None,
        start=q.start,
        end=q.end,
    )


def _to_follow_up(f, people: People) -> FollowUp:
    target = role = None
    if f.target is not None:
        index = people.find(f.target.name) if f.target.name else people.current(f.at)
        target = people.name(index) if index is not None else f.target.name
        role = f.target.role
    return FollowUp(target=target, target_role=role, by=f.by, status=f.status, evidence=f.evidence)


def extract(
    text: str,
    *,
    lang: str = "auto",
    article_id: str | None = None,
    publisher: str | None = None,
    published: str | date | None = None,
) -> ExtractedArticle:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    language = lang if lang in LEXICON else detect_language(text)
    cleaned, removed = clean(text)
    lex = replace(LEXICON[language], place_words=place_words(cleaned))
    cleaned = unify_double_apostrophes(cleaned)
    spans = quote_spans(cleaned, text)
    found = _direct_quotes(cleaned, lex, spans)
    inside_quote = _inside([(s.open_at, s.close_at + 1 if s.close_at is not None else s.end) for s in spans])
    found = _with_reported(cleaned, lex, found, spans, inside_quote)
    people = People(lex)
    _register(people, found)
    tries = follow_ups(cleaned, lex)
    for f in tries:
        if f.target is not None and f.target.name:
            people.add(f.target.name, f.target.role)
    outside = _in_any([(q.open_at, q.end + 1) for q in found])
    discover(cleaned, people, outside, lex.speech_verbs)
    people.index_mentions(cleaned, outside)
    aliases_before = sum(len(r.aliases) for r in people.records)
    people.learn_aliases(cleaned)
    if sum(len(r.aliases) for r in people.records) != aliases_before:
        people.index_mentions(cleaned, outside)
    learn_roles(cleaned, people, outside)
    _resolve(people, found, cleaned)
    if lex.public_statements_only:
        private = private_people(cleaned, people)
        found = [q for q in found if q.kind == "indirect" or _public(q, people, private)]
    quotes = tuple(_to_quote(text, q, people) for q in found)
    follow = tuple(_to_follow_up(f, people) for f in tries)
    honorific_aliases(cleaned, people)
    first = [q.person for q in found] + [people.find(f.target) for f in follow if f.target]
    return ExtractedArticle(
        id=article_id,
        lang=language,
        publisher=publisher or dateline_publisher(cleaned),
        original_source=original_source(cleaned),
        published=as_date(published) or stated_date(cleaned, language),
        quotes=quotes,
        follow_ups=follow,
        people=people.to_people(first),
        boilerplate_lines=tuple(removed),
    )

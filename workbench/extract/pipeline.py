"""``extract()``: the one entry point, chaining cleaning, metadata, quotes, speakers and follow-ups."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date

from workbench.extract.cleaning import clean
from workbench.extract.cues import Cue, cue_after, cue_before
from workbench.extract.follow_ups import follow_ups
from workbench.extract.language import detect_language
from workbench.extract.lexicon import LEXICON, TITLE_ABBREVIATIONS, Lexicon
from workbench.extract.metadata import as_date, dateline_publisher, original_source, stated_date
from workbench.extract.models import ExtractedArticle, FollowUp, Quote
from workbench.extract.names import WORD, Mention, bare_word, clean_name, split_mention
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
EXTRACTOR_VERSION = "0.7.0"


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
    words: Mention | None = None  # the cue words that name the speaker (``_mention``), read by ``_register``


_MAX_TITLE_WORDS = 4


def _word_count(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> int:
    """Words in text[start:end], counting no further than ``limit``."""
    count = 0
    for _ in WORD.finditer(text, start, len(text) if end is None else end):
        count += 1
        if limit is not None and count >= limit:
            break
    return count


def _after_title_noun(text: str, span: QuoteSpan, lex: Lexicon) -> bool:
    """The marks follow a title noun (`program "..."`, `webinar bertajuk "..."`) in the same sentence (a title
    noun ending the sentence before, `... secara daring. "..."`, introduces nothing)."""
    before = text[max(0, span.open_at - 30) : span.open_at].split()
    return bool(before) and before[-1][-1] not in ".!?" and bare_word(before[-1]) in lex.title_nouns


def _is_title(text: str, span: QuoteSpan, lex: Lexicon, word_count: int | None = None) -> bool:
    """A named programme, film or slogan: introduced by a title noun, or short and all capitalised."""
    if _after_title_noun(text, span, lex):
        return True
    if word_count is not None and word_count > _MAX_TITLE_WORDS:
        return False
    words = [m.group() for m in WORD.finditer(text, span.start, span.end)]
    # `Fox News Sunday`, `Contract with America`: capitalised words, small joining words allowed inside.
    return (
        0 < len(words) <= _MAX_TITLE_WORDS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in lex.title_joiners for w in words)
    )


# `"WALLACE: Let's start with ...`: a transcript line in quotation marks; its words are read as the speaker
# label's (a reported `NAME:` line), not as a quotation.
_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z'\u2019.\-]+(?:[ \t][A-Z][A-Z'\u2019.\-]+){0,2}:[ \t]")


def _direct_quotes(text: str, lex: Lexicon, spans: list[QuoteSpan]) -> list[_Found]:
    found: list[_Found] = []
    for span in spans:
        if _TRANSCRIPT_LABEL.match(text, span.start):
            continue
        cue = cue_after(text, span.close_at, lex) if span.close_at is not None else None
        if cue is None:
            cue = cue_before(text, span.open_at, lex)
        # Counting stops past the longest title: only "how short" matters here.
        words = _word_count(text, span.start, span.end, _MAX_TITLE_WORDS + 1)
        # A scare quote is a few words with no cue; a short sentence in marks (`"It's anti-reform."`) is not.
        sentence = words >= 2 and text[span.end - 1] in ".?!"
        if cue is None and ((words < 4 and not sentence) or _is_title(text, span, lex, words)):
            continue
        if words < 2:
            continue  # one word in marks is a scare quote
        if cue is not None and (
            (words <= _MAX_TITLE_WORDS and _is_title(text, span, lex, words))
            or (lex.long_titles_after_title_nouns and _after_title_noun(text, span, lex))
        ):
            continue  # a title is not a quote even next to a verb
        found.append(_Found(span.start, span.end, "direct", cue, span.open_at))
    return found


def _mention(q: _Found, text: str) -> Mention | None:
    """The words at a quote's cue that name its speaker, unless they name someone else: a possessive
    (`Mr. Obama's remarks "..."`), or the object before a participle (`attacked Clinton over Libya, saying`)."""
    m = q.cue.mention if q.cue else None
    if m is None or not m.name or m.end <= 0:
        return m
    if text.startswith(("'s", "\u2019s"), m.end):
        return None
    verb = q.cue.verb_start
    if m.end <= verb and q.cue.verb.endswith("ing") and text[m.end : verb].strip() == ",":
        return None
    written = text[m.start : m.end]
    mark = max(written.rfind(c) for c in _QUOTE_MARKS)
    if mark >= 0:
        # `Mills "got an immunity agreement," Jordan said`: words on both sides of a quotation are not one
        # name; the speaker is named after it.
        tail = written[mark + 1 :].strip(" ,")
        if not tail[:1].isupper() or len(tail.split()) > _MAX_TITLE_WORDS:
            return None
        start = m.end - len(written[mark + 1 :].lstrip(" ,"))
        return replace(m, text=tail, start=start, name=tail, role=None)
    return m


def _register(people: People, found: list[_Found], text: str) -> None:
    for q in found:
        m = q.words = _mention(q, text)
        # Initials (`BW`) wait: they are aliases of someone named in full, learnt from the text later.
        if m and m.name and not (m.name.isupper() and " " not in m.name):
            people.add(m.name, m.role)


def _resolve(people: People, found: list[_Found], text: str, lex: Lexicon) -> None:
    for k, q in enumerate(found):
        m = q.words
        if m is not None and m.name:
            q.person = people.find(m.name)
            if q.person is None:
                q.person = people.add(m.name, m.role)
            q.role = m.role
        elif m is not None and m.role:
            q.person = by_role(people, m.role, q.open_at)
            if q.person is None:
                q.person = people.current(q.open_at)
        elif m is not None and m.pronoun and m.text:
            q.person = people.antecedent(min(q.open_at, m.start), m.text)
        elif q.cue is None:
            q.person = _continued_speaker(found, k, text, people, lex)
        elif m is not None and m.ordinary:
            pass  # `kata siswi asal Desa ...`: an unnamed private individual, named nowhere
        else:
            # A cue with no words for its speaker (`..., saying "..."`, `X is warning voters that ...`):
            # the subject of the sentence speaks.
            at = min(q.open_at, q.cue.verb_start)
            if q.cue.verb.lower() in lex.according_to and q.cue.verb_start < q.open_at:
                # `According to conservative talk radio host Rush Limbaugh, ...`: the name after the frame.
                named = people.mentions_between(q.cue.verb_start + len(q.cue.verb), q.open_at)
                if named and _names_only(text[q.cue.verb_start + len(q.cue.verb) : named[0][0]], lex, False):
                    q.person = _run_head(text, named, 0, lex)[1]
            elif q.cue.verb_start >= q.end:
                q.person = _named_at_cue(text, q, people, lex)
            else:
                q.person = _sentence_subject(text, at, people, lex)
                if q.person is None:
                    q.person = _subject_after(text, q, people, lex)
            if q.person is None and m is not None:
                q.person = people.antecedent(at, m.text)
        if q.person is not None and m is not None and m.name:
            people.note(m.start, q.person)


# Where a sentence starts: after . ! ? and a space, or a line break (abbreviations are checked by the caller).
# (`'' ` became `" ` before this: a space may follow an opening mark.)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018]? ?[A-Z])|\n")
_SENTENCE_LOOKBACK = 400
_SENTENCE_NEAR = 120
_PRONOUN_REACH = 60
_ADVERBIAL_REACH = 50
_QUOTE_MARKS = frozenset('"\u201c\u201d')
_ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s(])(?:[A-Z]|" + "|".join(TITLE_ABBREVIATIONS) + r"|U\.S|D\.C)$")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (read back at most ``_SENTENCE_LOOKBACK`` characters; most
    sentences start within the first, shorter stretch)."""
    for lookback in (_SENTENCE_NEAR, _SENTENCE_LOOKBACK):
        base = max(0, at - lookback)
        start = None
        for match in _SENTENCE_END.finditer(text, base, at + 4):  # (the lookahead reads past ``at``)
            if match.end() > at:
                break
            if match.group() != "\n" and _ABBREVIATION_BEFORE.search(text, max(0, match.start() - 5), match.start()):
                continue
            start = match.end()
        if start is not None:
            return start
        if not base:
            return 0
    return base


def _sentence_subject(text: str, at: int, people: People, lex: Lexicon) -> int | None:
    """The person a sentence is about, up to ``at``: the first one named in it (not after a preposition,
    `footage of Trump`, when another is named), or the one a leading pronoun stands for."""
    start = _sentence_start(text, at)
    mentions = people.mentions_between(start, at)
    # `However, he characterized ... Sen. Tim Kaine ... as "..."`: a pronoun before any name is the subject.
    for word in WORD.finditer(text, start, min(mentions[0][0] if mentions else at, start + _PRONOUN_REACH)):
        if bare_word(word.group()) in lex.pronouns:
            if _QUOTE_MARKS.isdisjoint(text[start : word.start()]):
                return people.antecedent(word.start(), word.group())
            break
    opening = _opening_name(text, start, at, people, lex)
    if opening is None:
        # `In July, the NAACP called for ...`, `In 1986, the Supreme Court blocked ...`: after a short opening
        # adverbial, the clause opens at its comma.
        comma = text.find(",", start, min(at, start + _ADVERBIAL_REACH))
        lead = WORD.search(text, start, comma) if comma > start else None
        if (
            lead is not None
            and bare_word(lead.group()) in lex.not_names  # `In`, `After`, `On` (not `Kerr Putney, the ...`)
            and "\n" not in text[start:comma]
            and not _QUOTE_MARKS & set(text[start:comma])
            and not people.mentions_between(start, comma)
        ):
            opening = _opening_name(text, comma + 1, at, people, lex)
    if opening is not None:
        return opening
    object_of = None  # the person named after a preposition, whose further name words are skipped too
    for k, (position, index) in enumerate(mentions):
        before = text[max(start, position - 12) : position].split()
        if index == object_of and before and before[-1][:1].isupper():
            continue  # `with Barack Obama`: `Obama` is still the object
        if not before or bare_word(before[-1]) not in lex.prepositions:
            return _run_head(text, mentions, k, lex)[1]
        object_of = index
    return mentions[0][1] if mentions else None


# Capitalised words that open a sentence, up to the lower-case word after them (`Rakeyia Scott can be`).
_OPENING_RUN = re.compile(r"[ \t\"\u201c]*((?:[A-Z][\w'\u2019.\-]*[ \t]+){1,6})(?=[a-z])")


def _opening_name(text: str, start: int, at: int, people: People, lex: Lexicon) -> int | None:
    """A name that opens the sentence before ``at`` and that nobody in the register covers (`Rakeyia Scott
    can be heard yelling ...` where only Keith Lamont Scott is known): registered, and the subject."""
    first = WORD.search(text, start, at)
    if first is not None and first.group() in lex.determiners and not text[start : first.start()].strip():
        # `In July, the NAACP called ...`: a lower-case determiner where a clause opens mid-sentence.
        match = _OPENING_RUN.match(text, first.end(), at + 1)
        if match is None:
            return None
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, match.start(1), match.end(1))]
        return _opening_body(text, words, at, people, lex) if words else None
    match = _OPENING_RUN.match(text, start, at + 1)  # (the lookahead reads the word after the run)
    if match is None:
        return None
    words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, match.start(1), match.end(1))]
    if len(words) < 2:
        return None
    if bare_word(words[0][0]) in lex.determiners:
        return _opening_body(text, words[1:], at, people, lex)
    if bare_word(words[0][0]) in lex.not_names:
        return None
    parts = split_mention(words, lex)
    if parts is None or parts != (0, 0, len(words)):
        return None  # a title or an organisation before the name: `discover` reads those
    _, name_start, name_end = parts
    if name_end - name_start < 2 or words[name_end - 1][0].endswith(("'s", "\u2019s")):
        return None
    name = clean_name([w[0] for w in words[name_start:name_end]], lex, text)
    if people.find(name) is not None:
        return None  # known: its mentions say who it is
    index = people.add(name)
    people.note(words[name_start][1], index)
    return index


_MAX_BODY_WORDS = 5


def _opening_body(text: str, words: list[tuple[str, int, int]], at: int, people: People, lex: Lexicon) -> int | None:
    """`The White House is saying that ...`, `The Republican National Committee is filing ...`: an
    organisation that opens the sentence of a cue (its words name no known person)."""
    if len(words) > _MAX_BODY_WORDS or people.mentions_between(words[0][1], words[-1][2]):
        return None
    if any(w[0].endswith(("'s", "\u2019s")) or bare_word(w[0]) in lex.office_words for w in words):
        return None  # `The White House's ...`, `The Senate Majority Leader ...`
    after = WORD.match(text, words[-1][2] + 1)
    if after is None or bare_word(after.group()) in lex.office_words:
        return None  # `The White House spokesman said`: the spokesman speaks
    name = " ".join(w[0] for w in words)
    index = people.find(name)
    if index is None:
        index = people.add(name)
    people.note(words[0][1], index)
    return index


def _run_head(text: str, mentions: list[tuple[int, int]], k: int, lex: Lexicon) -> tuple[int, int]:
    """The mention a run of names and titles ends at, from mention ``k`` on: `Interim DNC Chairwoman Donna
    Brazile` is Brazile, not the DNC; `House Speaker Paul Ryan` is Ryan; `Hillary Clinton's campaign manager
    Robby Mook` is Mook."""
    while k + 1 < len(mentions):
        stretch = text[mentions[k][0] : mentions[k + 1][0]].split()
        between = stretch[1:]
        possessive = bool(stretch) and stretch[0].endswith(("'s", "\u2019s"))
        if len(between) > 4 or not all(
            w[:1].isupper() or bare_word(w) in lex.office_words or possessive and w.isalpha() for w in between
        ):
            break
        if any(c in text[mentions[k][0] : mentions[k + 1][0]] for c in ',;:"\n\u201c\u201d'):
            break
        k += 1
    return mentions[k]


# Words that may stand between a quote or a speech verb and the name (`," retired Air Force general`).
_VERB_TO_NAME = 5


def _subject_after(text: str, q: _Found, people: People, lex: Lexicon) -> int | None:
    """The subject of the main clause right after a quote that closes an opening clause (`After saying her
    foot was "so swollen ...," she was "whisked ..."`): a pronoun or a person named after the comma."""
    lead = _AFTER_CLOSE.match(text, q.end)
    if "," not in lead.group():
        return None
    word = WORD.match(text, lead.end())
    if word is None:
        return None
    if bare_word(word.group()) in lex.pronouns:
        return people.antecedent(word.start(), word.group())
    named = people.mentions_between(word.start(), word.end())
    return named[0][1] if named else None


def _named_at_cue(text: str, q: _Found, people: People, lex: Lexicon) -> int | None:
    """For a cue after its quote whose speaker words were not read: the person named between the quote and
    the verb (`"...," retired Air Force general Lloyd Newton said`), or right after the verb (`"...," said
    the Rev. Peter Wherry`, `said 9/11 widow Terry Strada`), else the subject of the sentence."""
    verb_start = q.cue.verb_start
    before = people.mentions_between(q.end, verb_start)
    closed = _AFTER_CLOSE.match(text, q.end).end()
    if before and _names_only(text[closed : before[0][0]], lex):
        return before[-1][1]
    verb_end = verb_start + len(q.cue.verb)
    after = people.mentions_between(verb_end, verb_end + _AFTER_REACH)
    if (
        after
        and not WORD.search(text, closed, verb_start)  # `"...," said X`, not `"...," but stopped short of calling X`
        and _names_only(text[verb_end : after[0][0]], lex, capitals=False)
    ):
        return after[0][1]
    return _sentence_subject(text, min(q.open_at, verb_start), people, lex)


def _names_only(between: str, lex: Lexicon, capitals: bool = True) -> bool:
    """Whether words between a quote or verb and a name can only lead up to that name (`," retired Air Force
    general`, `the Rev.`, `9/11 widow`), not start a clause (`," when`, `and encourage ... what he called`).
    Without ``capitals``, capitalised words other than titles may not stand there (`kata pengelola Gang Hijau
    ... RT`: the name is part of a longer one)."""
    if any(c in between for c in _QUOTE_MARKS) or "\n" in between:
        return False
    written = WORD.findall(between)
    words = [bare_word(w) for w in written]
    if not capitals and any(
        w[:1].isupper() and b not in lex.office_words and b not in lex.honorifics
        for w, b in zip(written, words, strict=True)
    ):
        return False
    return len(words) <= _VERB_TO_NAME and not any(
        w in lex.prepositions or w in lex.clause_words or w in lex.pronouns for w in words
    )


def _continued_speaker(found: list[_Found], k: int, text: str, people: People, lex: Lexicon) -> int | None:
    """The speaker of a quotation with no cue: a person named right after it (`"A," Blige sings`, `"A" ― X`);
    the subject of the sentence it closes (`X poked at Trump, tweeting, "A"`); else it continues the speaker
    before it, the last quote of its paragraph (`"A," said X. "B."`), or else the person named last."""
    q = found[k]
    after = _named_after(text, q, people, lex)
    if after is not None:
        return after
    paragraph_start = text.rfind("\n", 0, q.open_at) + 1
    sentence_start = _sentence_start(text, q.open_at)
    if sentence_start < q.open_at and WORD.search(text, sentence_start, q.open_at):
        subject = _sentence_subject(text, q.open_at, people, lex)
        if subject is not None:
            return subject
    for previous in reversed(found[:k]):
        if previous.end < paragraph_start:
            break
        if previous.person is not None:
            return previous.person
    return people.current(q.open_at)


# After a quotation: the closing punctuation and mark, then a comma or a dash (`,"`, `?"`, `" ―`).
_AFTER_CLOSE = re.compile(r"[,?!\u2014\u2013-]?[\"'\u201d\u2019]*[ \t\u00a0]*(?:[,\u2015\u2014\u2013][ \t\u00a0]*)?")
_AFTER_REACH = 60


def _named_after(text: str, q: _Found, people: People, lex: Lexicon) -> int | None:
    """A person named right after a quotation that does not end its sentence, maybe after a title
    (`"...," Senate Majority Leader Mitch McConnell, R-Ky., said`, `"..." ― Karen Bobadilla`)."""
    lead = _AFTER_CLOSE.match(text, q.end)
    dash = any(c in lead.group() for c in "\u2015\u2014\u2013")
    if text[q.end - 1 : q.end] == "." and not dash:
        return None  # `"... here." Trump then went on`: a new sentence
    mentions = people.mentions_between(lead.end(), lead.end() + _AFTER_REACH)
    if not mentions:
        return None
    position, index = mentions[0]
    between = text[lead.end() : position]
    if "\n" in between or any(not (w[:1].isupper() or bare_word(w) in lex.office_words) for w in between.split()):
        return None
    return index


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


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position lies in the last of ``spans`` (sorted by start) that starts at or before it; for
    spans that do not overlap, in any of them."""
    starts = [s for s, _ in spans]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos)
        return bool(i) and spans[i - 1][0] <= pos < spans[i - 1][1]

    return inside


def _outside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """The negation of ``_inside``."""
    inside = _inside(spans)
    return lambda pos: not inside(pos)


def _public(q: _Found, people: People, private: set[int]) -> bool:
    """Whether a quote is a statement by someone other than a private individual (see ``private_people``)."""
    m = q.cue.mention if q.cue else None
    if m is not None and m.ordinary:
        return False
    return q.person is None or q.person not in private


def _to_quote(text: str, q: _Found, people: People) -> Quote:
    m = q.words
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


# Each language's Lexicon as keyword arguments, place words left out: the article's are added per article.
_LEXICON_FIELDS = {
    language: {f.name: getattr(lex, f.name) for f in fields(Lexicon) if f.name != "place_words"}
    for language, lex in LEXICON.items()
}


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
    lexicon_fields = _LEXICON_FIELDS[language]
    places = place_words(cleaned) - lexicon_fields["given_names"]
    lex = Lexicon(**lexicon_fields, place_words=places)  # replace(), without its checks
    cleaned = unify_double_apostrophes(cleaned)
    spans = quote_spans(cleaned, text)
    found = _direct_quotes(cleaned, lex, spans)
    inside_quote = _inside([(s.open_at, s.close_at + 1 if s.close_at is not None else s.end) for s in spans])
    found = _with_reported(cleaned, lex, found, spans, inside_quote)
    people = People(lex)
    _register(people, found, cleaned)
    tries = follow_ups(cleaned, lex)
    for f in tries:
        if f.target is not None and f.target.name:
            people.add(f.target.name, f.target.role)
    outside = _outside([(q.open_at, q.end + 1) for q in found])
    unquoted = _outside([(q.open_at, q.end + 1) for q in found if q.kind == "direct"])
    discover(cleaned, people, outside, lex.speech_verbs, unquoted)
    people.index_mentions(cleaned, outside)
    if people.learn_aliases(cleaned):
        people.index_mentions(cleaned, outside)
    learn_roles(cleaned, people, outside)
    _resolve(people, found, cleaned, lex)
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

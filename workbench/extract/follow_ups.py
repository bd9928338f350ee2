"""Follow-ups: a reporter's attempt to reach someone for comment, and how it went.

`Klik Kaltim berusaha mengkonfirmasi Ketua DPD X Joni Muslim. Namun ... belum mendapatkan respon.` ->
target Joni Muslim, role Ketua DPD X, by Klik Kaltim, status no_response. The outcome may sit in the
attempt's sentence or the next one; both are the evidence.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from workbench.extract.casing import lower
from workbench.extract.cues import mention_from_words, subject_words
from workbench.extract.lexicon import FOLLOW_UP_ATTEMPTS, FOLLOW_UP_OUTCOMES, FOLLOW_UP_PASSIVE_ATTEMPTS, Lexicon
from workbench.extract.names import WORD, Mention, is_capitalised

_SENTENCE = re.compile(r"[^\n.!?]+[.!?]*")


@dataclass(frozen=True, slots=True)
class _Phrases:
    """The follow-up phrase patterns: attempts (`berusaha mengkonfirmasi`), passive attempts (`saat dihubungi`)
    and (status, outcome) pairs, first match wins."""

    attempt: re.Pattern[str]
    passive: re.Pattern[str]
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def compiled(cls, flags: int = 0) -> _Phrases:
        return cls(
            re.compile("|".join(FOLLOW_UP_ATTEMPTS), flags),
            re.compile("|".join(FOLLOW_UP_PASSIVE_ATTEMPTS), flags),
            tuple((status, re.compile(pattern, flags)) for status, pattern in FOLLOW_UP_OUTCOMES),
        )


_PHRASES = _Phrases.compiled(re.IGNORECASE)
# The same phrases (all written in lower case) for an ASCII sentence lower-cased: there a case-sensitive match
# is the IGNORECASE one at the same positions, and several times cheaper (the engine skips ahead to the
# phrases' first letters instead of trying every character both ways).
_PHRASES_LOWER = _Phrases.compiled()
# Cheap test before the regexes: every follow-up phrase contains one of these stems. (`respon` also finds
# `respond`; each stem is one more pass over the text.)
_STEMS = (
    "onfirmasi", "hubungi", "respon", "tanggap", "komentar", "comment", "reach", "contact", "jawab",
    "balas", "membenar", "unavailable", "aktif", "return",
)  # fmt: skip
_TERMINATORS = "\n.!?"
_SENTENCE_REST = re.compile(r"[^\n.!?]*[.!?]*")


_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "in", "at", "from"})


@dataclass(frozen=True, slots=True)
class FoundFollowUp:
    target: Mention | None
    by: str | None
    status: str
    evidence: str
    at: int


def _readable(sentence: str) -> tuple[str, _Phrases]:
    """The sentence as the phrase patterns read it, with the patterns to read it with."""
    return (sentence.lower(), _PHRASES_LOWER) if sentence.isascii() else (sentence, _PHRASES)


def _status(sentence: str, phrases: _Phrases) -> str | None:
    """The status of the first outcome phrase in a sentence (as ``_readable`` gives it)."""
    for status, pattern in phrases.outcomes:
        if pattern.search(sentence):
            return status
    return None


def _stem_positions(lowered: str):
    """Where a follow-up phrase may be: every occurrence of a stem (plain string search, linear)."""
    for stem in _STEMS:
        at = lowered.find(stem)
        while at >= 0:
            yield at
            at = lowered.find(stem, at + 1)


def _sentences_with_stems(text: str):
    """(start, end, next) of each sentence (a non-blank ``_SENTENCE`` match) holding a stem, in order;
    ``next()`` is the (start, end) of the sentence after it, or None."""
    lowered = lower(text)
    hits = sorted(_stem_positions(lowered))
    if not hits:
        return
    if len(lowered) != len(text):  # `İ` lower-cases to two characters: positions differ, read as before
        yield from _listed_sentences_with_hits(text, hits)
        return
    # Only the sentences around the stems are read, not every sentence of the text. A stem is letters, so
    # it lies inside a sentence's run of non-terminators (`[^\n.!?]+`, greedy), which starts right after
    # the last terminator before it.
    end = 0
    for at in hits:
        if at < end:
            continue  # the same sentence as the hit before
        last = max(text.rfind(c, end, at) for c in _TERMINATORS)
        start = last + 1 if last >= 0 else end
        end = _SENTENCE_REST.match(text, at).end()
        yield start, end, functools.partial(_next_sentence, text, end)


def _next_sentence(text: str, after: int) -> tuple[int, int] | None:
    for m in _SENTENCE.finditer(text, after):
        if m.group().strip():
            return m.start(), m.end()
    return None


def _listed_sentences_with_hits(text: str, hits: list[int]):
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    # Only sentences holding a stem are read: each hit names its sentence (sentences do not overlap).
    starts = [s for s, _ in sentences]
    with_hits = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit) - 1
        if i >= 0 and hit < sentences[i][1] and (not with_hits or with_hits[-1] != i):
            with_hits.append(i)
    for i in with_hits:
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        yield sentences[i][0], sentences[i][1], lambda following=following: following


def follow_ups(text: str, lex: Lexicon) -> list[FoundFollowUp]:
    found: list[FoundFollowUp] = []
    used_until = -1
    for start, end, following in _sentences_with_stems(text):
        if start < used_until:
            continue
        sentence = text[start:end]
        readable, phrases = _readable(sentence)
        attempt = phrases.attempt.search(readable)
        passive = None if attempt else phrases.passive.search(readable)
        status = _status(readable, phrases)
        if attempt is None and passive is None:
            # An outcome alone (`belum mendapatkan jawaban`) is a follow-up only when it says "comment"
            # or refuses one; otherwise it may be about anything.
            if status is None or (status in ("no_response", "responded") and "comment" not in sentence.lower()):
                continue
        evidence_end = end
        if status is None:
            after = following()
            if after is not None:
                status = _status(*_readable(text[after[0] : after[1]]))
                if status is not None:
                    evidence_end = after[1]
        if status is None:
            continue
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]
        if passive is not None:
            target, by = _passive_target(text, words, start + passive.start(), lex), None
            if target is None:
                # `Dihubungi terpisah, Ketua ... Robikin Emhas mengatakan`: the person after; the reporter who
                # reached him goes unnamed in the passive (the capitalised word opening the sentence is no one).
                target = _target_and_by(text, words, start + passive.end(), start, lex, status)[0]
        else:
            target, by = _target_and_by(text, words, start + attempt.end() if attempt else None, start, lex, status)
        if target is None:
            continue
        found.append(FoundFollowUp(target, by, status, text[start:evidence_end].strip(), start))
        used_until = evidence_end
    return found


def _passive_target(text: str, words, attempt_start: int, lex: Lexicon):
    """`kata Eka saat dihubungi`, `Marullah Matali, Wali Kota ..., yang dihubungi`: the person before."""
    before = [w for w in words if w[2] <= attempt_start]
    for k in range(len(before) - 1, -1, -1):
        if before[k][0].lower() in lex.speech_verbs:
            return mention_from_words(text, before[k + 1 :], lex)
    return mention_from_words(text, before, lex) if before else None


def _target_and_by(text: str, words, attempt_end: int | None, start: int, lex: Lexicon, status: str):
    """The person tried (object of the attempt, or subject of the outcome) and who tried (attempt subject)."""
    if attempt_end is not None:
        after = [w for w in words if w[1] >= attempt_end]
        run = []
        previous = ""
        for w in after:
            if not (is_capitalised(w[0]) or w[0].lower() in lex.office_words or w[0].startswith("(")):
                if run:
                    break
                previous = w[0].lower()
                continue
            if not run and previous in _PLACE_PREPOSITIONS:
                continue  # `dihubungi di Bandar Lampung`: a place, not the person tried
            run.append(w)
            if text.startswith((".", ","), w[2]):
                break
        target = mention_from_words(text, run, lex)
        before = [w for w in words if w[2] <= attempt_end]
        by_words = []
        for w in before:
            if not is_capitalised(w[0]):
                break
            by_words.append(w[0])
        by = " ".join(by_words) or None
        if target is not None:
            return target, by
    # `X enggan berkomentar`, `X did not respond`: the subject of the outcome.
    for status_name, pattern in _PHRASES.outcomes:
        if status_name != status:
            continue
        match = pattern.search(text, start, words[-1][2] if words else start)
        if match:
            subject = subject_words([w for w in words if w[2] <= match.start()], lex, text)
            target = mention_from_words(text, subject, lex, nearest_last=True)
            if target is not None:
                return target, None
    return None, None

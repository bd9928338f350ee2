"""Finding the speech cue of a quotation and the words that name its speaker.

After the closing mark (``"...," ucap BW``, ``"...," said Caddell``, ``"...," he said``) or before the
opening one (``Ia mengatakan, "..."``, ``X said: "..."``). Returns a ``Cue`` whose mention is still
unresolved: names, pronouns and ``-nya`` are resolved later, against the whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.extract.casing import marks_only
from workbench.extract.lexicon import TITLE_ABBREVIATIONS, Lexicon
from workbench.extract.names import (
    NAME_PARTICLES,
    WORD,
    Mention,
    bare_word,
    clean_name,
    is_capitalised,
    is_ordinary,
    split_mention,
    strip_word,
)

_WINDOW = 260
# How many words back from an opening mark a cue may sit: `X said in a statement: "` vs `X said that "`.
_REACH_CLAUSE = 8
_REACH_PLAIN = 5
_REACH_AFTER = 12
_REACH_NAME_FIRST = 24
# `"..." ― Carla Sanchez`: a dash and a name after a quotation, as in lists of reader comments.
_DASH_NAME = re.compile(r"[ \t\u00a0]*[\u2015\u2014][ \t\u00a0]*(?=[A-Z])")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.)*[A-Z]|" + "|".join(TITLE_ABBREVIATIONS) + r")\.$")
# A stop and the spaces after it, a line break or a quotation mark, written to open with one character class
# (its plain form is in tests/extract/test_fast_paths_reported.py), so the scan jumps between those characters
# instead of trying a match at every one.
_SENTENCE_END_BEFORE = re.compile(r"[.!?\n\"](?:(?<=[.!?])\s+|(?<=[\n\"]))")

# ``WORD`` with its classes spelt out in ASCII (`[^\W\d_]` as `[A-Za-z]`, `\w` as `[A-Za-z0-9_]`): the same matches
# in a text whose only characters other than ASCII ones are common marks, with a bitmap test per character instead
# of a Unicode lookup.
_ASCII_WORD_CHARS = "A-Za-z0-9_'\u2019."
ASCII_WORD = re.compile(
    rf"\([^()\n]{{1,40}}\)|[A-Za-z][{_ASCII_WORD_CHARS}]*+(?:-(?!-)[{_ASCII_WORD_CHARS}]*+)*+|[0-9][A-Za-z0-9_\-/]*+"
)


# The word pattern of the text last asked about, with the text (all cues of an article are looked for in one text):
# replaced as a whole, so a thread reading another article keeps its own pair.
_LAST_WORD_PATTERN: list[tuple[str | None, re.Pattern[str]]] = [(None, WORD)]


def word_pattern(text: str) -> re.Pattern[str]:
    """``ASCII_WORD`` where ``marks_only(text)``, else ``WORD``: the same matches either way."""
    last, pattern = _LAST_WORD_PATTERN[0]
    if last is not text:
        pattern = ASCII_WORD if marks_only(text) else WORD
        _LAST_WORD_PATTERN[0] = (text, pattern)
    return pattern


@dataclass(frozen=True, slots=True)
class Cue:
    verb: str
    verb_start: int
    mention: Mention | None


Word = tuple[str, int, int]


def _words(text: str, start: int, end: int) -> list[Word]:
    return [(m.group(), m.start(), m.end()) for m in word_pattern(text).finditer(text, start, end)]


def _ends_sentence(word: str) -> bool:
    return word.endswith((".", "!", "?")) and not _ABBREVIATION.match(word)


_COMMAS = (",", " ,")


def _comma_after(text: str, word: Word) -> bool:
    return text.startswith(_COMMAS, word[2])


def _is_verb(word: str, lex: Lexicon) -> bool:
    bare = bare_word(word)
    return bare in lex.speech_verbs or bare in lex.nya_cues


def _segments(text: str, words: list[Word]) -> list[list[Word]]:
    """Words split at commas: `Leonard E. Burman | director of the center`."""
    if text.find(",", words[0][1], words[-1][2] + 2) < 0:
        return [words]  # the common case: no comma after any of the words (one search, not one per word)
    segments: list[list[Word]] = [[]]
    for w in words:
        segments[-1].append(w)
        if _comma_after(text, w):
            segments.append([])
    return [seg for seg in segments if seg]


def _naming_segment(seg: list[Word], lex: Lexicon, text: str) -> bool:
    """Whether a comma segment can hold a name: not a description (`director of ...`), relative clause
    (`who watched ...`), place (`of Springfield`), age (`59`) or abbreviation (`Va.`)."""
    first = seg[0][0]
    bare = bare_word(first)
    if not is_capitalised(first) and bare not in lex.office_words and bare not in lex.honorifics:
        return bare in lex.pronouns or (bare in lex.determiners and len(seg) > 1 and is_capitalised(seg[1][0]))
    return not (len(seg) == 1 and first.endswith(".") and len(first) <= 4 and _comma_after(text, seg[0]))


def mention_from_words(text: str, words: list[Word], lex: Lexicon, nearest_last: bool = False) -> Mention | None:
    """A mention from the words that name a speaker: ``Ketua X Muhammad Sahib``, ``dia``, ``Caddell, an aide``.

    Comma segments are tried in order (after a verb: `kata Candrakumara, warga Karah`) or from the last
    (before a verb: `Speaking in Toledo, Clinton says`); the others describe the person.
    """
    if not words:
        return None
    segments = _segments(text, words)
    if not nearest_last:
        # After a verb, a segment that opens with a preposition or a day (`dari Istana ...`, `Senin (1/2)`)
        # starts the setting: no later segment names the speaker.
        for k, seg in enumerate(segments):
            bare = bare_word(seg[0][0])
            if k and (bare in lex.days or (bare in _SETTING_WORDS)):
                segments = segments[:k]
                break
    ordered = list(reversed(segments)) if nearest_last else segments
    if nearest_last and len(segments) > 1:
        # `Kerr Putney, the Charlotte-Mecklenburg police chief, said`: a segment opening with an article
        # describes the person another segment names.
        ordered.sort(key=lambda seg: bare_word(seg[0][0]) in lex.determiners)
    for head in ordered:
        if not _naming_segment(head, lex, text):
            continue
        first = bare_word(head[0][0])
        if _pronoun(first, lex):
            w = head[0]
            written = _PRONOUN_CONTRACTION.sub("", w[0].rstrip("."))
            return Mention(written, w[1], w[1] + len(written), pronoun=True)
        parts = split_mention(head, lex)
        if parts is None:
            continue
        segment = head
        if not nearest_last and parts[0] < parts[1] and parts[2] - parts[1] == 1:
            segment, head, parts = _name_after_place(segments, head, parts, lex)
        others = [w for seg in segments if seg is not segment for w in seg]
        return _named(text, head, others, parts, lex)
    for head in segments:
        if any(bare_word(w[0]) in lex.office_words for w in head) and _naming_segment(head, lex, text):
            # A bare title (`kata Presiden`): resolved later to the person holding it.
            span = text[head[0][1] : head[-1][2]].strip(" ,.")
            return Mention(span, head[0][1], head[0][1] + len(span), role=span)
    for head in reversed(segments) if nearest_last else segments:
        if 1 < len(head) <= 5 and all(is_capitalised(w[0]) for w in head[1:]) and head[0][0].lower() in lex.determiners:
            # `the Tax Foundation said`: an organisation speaks.
            name = " ".join(strip_word(w[0]) if i == len(head) - 2 else w[0] for i, w in enumerate(head[1:]))
            return Mention(name, head[1][1], head[1][1] + len(name), name=name)
    return None


def _name_after_place(segments: list[list[Word]], head: list[Word], parts, lex: Lexicon):
    """`kata Kepala Puskesmas Cilincing, Jakarta Utara, Edison Sahputra`, `kata peneliti senior Centropolis,
    Suryono Herlambang`: after a role whose "name" is one word, a later segment that is a full name alone (two
    or more capitalised words, no office word) is the speaker, and the one word ends the role. Returns the
    segment holding the name, the name's words and their split."""
    for seg in segments[segments.index(head) + 1 :]:
        capitalised = 0  # the name is the segment's leading capitalised words (`Edison Sahputra ketika dihubungi`)
        while capitalised < len(seg) and is_capitalised(seg[capitalised][0]):
            capitalised += 1
        name = seg[:capitalised]
        later = split_mention(name, lex) if capitalised >= 2 else None
        if (
            later is not None
            and later == (0, 0, capitalised)
            and all(bare_word(w[0]) not in lex.office_words for w in name)
        ):
            return seg, name, later
    return head, head, parts


def _named(text: str, head: list[Word], others: list[Word], parts, lex: Lexicon) -> Mention | None:
    role_start, name_start, name_end = parts
    name_words = [w[0] for w in head[name_start:name_end]]
    name = clean_name(name_words, lex, text)
    if not name or bare_word(name_words[0]) in lex.not_names:
        return None
    role = None
    role_end = name_start
    if role_end > role_start and bare_word(head[role_end - 1][0]) in lex.honorifics:
        role_end -= 1  # `Kepala Dinas Kesehatan dr Algazali`: the honorific is the name's, not the role's
    if role_start < role_end:
        role = text[head[role_start][1] : head[role_end - 1][2]].strip(" ,")
    role_words = [w[0] for w in head[:name_start]] + [w[0] for w in others]
    if role is None and others and any(bare_word(w[0]) in lex.office_words for w in others):
        role = text[others[0][1] : others[-1][2]].strip(" ,.")
    mention_words = head[name_start:name_end]
    m_start = mention_words[0][1]
    m_end = mention_words[-1][1] + len(strip_word(mention_words[-1][0]))
    # The honorific stays in the mention as written (`pak Nasrullah`) but not in the name.
    if name_start > 0 and bare_word(head[name_start - 1][0]) in lex.honorifics:
        m_start = head[name_start - 1][1]
    return Mention(text[m_start:m_end], m_start, m_end, name=name, role=role, ordinary=is_ordinary(role_words, lex))


def _mention_run(text: str, words: list[Word], lex: Lexicon) -> list[Word]:
    """The words right after a verb-first cue that name the speaker (stops at `dalam`, `saat`, a date...),
    with the apposition after the name (`Mato, salah satu sopir angkutan`)."""
    run: list[Word] = []
    named = False
    in_role = False  # an office word has been read: `dan`, a number may join its parts
    apposition = 0  # words taken after the comma that follows the name
    appositions = 0
    for k, w in enumerate(words):
        bare = bare_word(w[0])
        if apposition:
            run.append(w)
            apposition += 1
            if _ends_sentence(w[0]) or apposition > _MAX_APPOSITION:
                break
            if _comma_after(text, w):
                appositions += 1
                segment = run[-(apposition - 1) :]
                if (
                    appositions < _MAX_APPOSITIONS
                    and all(is_capitalised(x[0]) for x in segment)
                    and k + 1 < len(words)
                    and is_capitalised(words[k + 1][0])
                ):
                    # `kata Camat Neglasari, Kabupaten Tangerang, Ubaidillah Ansar`: after an office and a place
                    # (capitalised words only), the name may come last.
                    apposition = 1
                    continue
                break
            continue
        if bare in lex.days or bare in lex.months:
            break
        if bare in lex.pronouns and not run:
            return [w]
        wordish = (
            is_capitalised(w[0])
            or w[0].startswith("(")
            or bare in lex.office_words
            or bare in lex.ordinary_people
            # `Juru Bicara ... Kendari dr Algazali`: a lower-case honorific between a role and its name.
            or (bare in lex.honorifics and in_role and k + 1 < len(words) and is_capitalised(words[k + 1][0]))
            or (bare in NAME_PARTICLES and named)
        )
        if (
            not wordish
            and in_role
            and (bare in _ROLE_JOINERS or w[0][:1].isdigit())
            and not _comma_after(text, run[-1])
            and k + 1 < len(words)
            and is_capitalised(words[k + 1][0])
            and bare_word(words[k + 1][0]) not in lex.office_words
        ):
            # `Menteri Riset dan Teknologi ...`, `Kepala Humas Daop 1 Eva Chairunisa`: one role, its name after.
            run.append(w)
            continue
        if not wordish and not named and bare in _ROLE_ENDS:
            break  # `kata Presiden dalam acara peresmian BIY`, `ujar Presiden yang ...`: the title alone names him
        if not wordish and (named or not run or len(run) > 8):
            # Lower-case words may continue a role before any name (`ahli epidemiologi dari ...`) but not after.
            break
        run.append(w)
        if bare in lex.office_words:
            in_role = True
        if is_capitalised(w[0]) and bare not in lex.office_words and bare not in lex.honorifics:
            named = True
        if _ends_sentence(w[0]):
            break
        if named and _comma_after(text, w):
            apposition = 1
    return run


_MAX_APPOSITION = 8
# Words that end a role read before any name: the setting or a relative clause follows, not the name.
_ROLE_ENDS = frozenset({"dalam", "saat", "ketika", "pada", "yang"})
_MAX_APPOSITIONS = 2
_ROLE_JOINERS = frozenset({"dan", "and", "&"})


def cue_after(text: str, close_at: int, lex: Lexicon) -> Cue | None:
    """The cue following a closing mark: verb first (`kata X`, `said X`, `ujarnya`) or name first (`X said`)."""
    stop = min(len(text), close_at + _WINDOW)
    newline = text.find("\n", close_at + 1, stop)
    if newline >= 0:
        stop = newline
    mark = text.find('"', close_at + 1, stop)
    if mark >= 0:
        stop = mark
    dash = _DASH_NAME.match(text, close_at + 1)
    if dash:
        run = _mention_run(text, _words(text, dash.end(), stop), lex)
        return Cue(dash.group().strip(), dash.start(), mention_from_words(text, run, lex))
    sentence: list[Word] = []
    matches = word_pattern(text).finditer(text, close_at + 1, stop)
    # Words are read up to the first verb, not across the whole window: within the first sentence (and 40
    # words), and within reach (name first, `Leonard E. Burman, director of ..., said`, allows a long apposition).
    reach = _REACH_AFTER
    verb_found = sentence_over = False
    for m in matches:
        sentence.append((m[0], m.start(), m.end()))
        if len(sentence) == 1 and is_capitalised(m[0]):
            reach = _REACH_NAME_FIRST
        verb_found = _is_verb(m[0], lex)
        sentence_over = _ends_sentence(m[0]) or len(sentence) >= 40
        if verb_found or sentence_over or len(sentence) >= reach:
            break
    if not verb_found:
        return None
    v = len(sentence) - 1
    w = sentence[v]
    if not sentence_over:
        # After the verb: the rest of the sentence when the speaker follows it (`said X`), else one word.
        for m in matches:
            sentence.append((m[0], m.start(), m.end()))
            if v or _ends_sentence(m[0]) or len(sentence) >= 40:
                break
    verb = strip_word(w[0])
    if verb.lower() in lex.nya_cues:
        at = w[1] + len(verb) - 3
        return Cue(verb, w[1], Mention("nya", at, at + 3, pronoun=True))
    if v == 0:
        mention = mention_from_words(text, _mention_run(text, sentence[1:], lex), lex)
        if mention is None and len(sentence) > 1 and bare_word(sentence[1][0]) in lex.ordinary_people:
            # `kata sopir yang ...`, `ujar perempuan ini`: an unnamed private individual.
            following = sentence[1]
            mention = Mention(following[0], following[1], following[2], ordinary=True)
        return Cue(verb, w[1], mention)
    ended = text[close_at - 1 : close_at] in (".", "?", "!")
    if ended and v + 1 < len(sentence) and starts_clause(sentence[v + 1][0], lex):
        # `"...?" Clinton says there needs to be a law`: a new sentence reporting something else.
        return None
    return Cue(verb, w[1], mention_from_words(text, sentence[:v], lex, nearest_last=True))


def starts_clause(word: str, lex: Lexicon) -> bool:
    """Whether a word after a speech verb opens what is said (`says there ...`, `said the nation ...`)."""
    bare = bare_word(word)
    return bare in lex.clause_openers or (is_capitalised(word) and bare not in lex.days and bare not in lex.months)


def cue_before(text: str, open_at: int, lex: Lexicon) -> Cue | None:
    """The cue before an opening mark: `Ia mengatakan, "`, `X said: "`, `Menurut dia, "`, `Said Ellis: "`."""
    base = max(0, open_at - _WINDOW)
    lead = text[base:open_at]
    start = _sentence_start_before(lead)
    words = _words(text, base + start, open_at)
    if not words:
        return None
    for prefix in lex.according_to:
        n = len(prefix.split())
        if " ".join(bare_word(w[0]) for w in words[:n]) == prefix:
            return Cue(" ".join(w[0] for w in words[:n]), words[0][1], mention_from_words(text, words[n:], lex))
    ends_clause = lead.rstrip()[-1:] in (",", ":")
    reach = _REACH_CLAUSE if ends_clause else _REACH_PLAIN
    for v in range(len(words) - 1, max(-1, len(words) - 1 - reach), -1):
        if not _is_verb(words[v][0], lex):
            continue
        subject = subject_words(words[:v], lex, text)
        mention = mention_from_words(text, subject, lex, nearest_last=True)
        if mention is None and not subject:
            # `Said Ellis: "`: the name follows the verb.
            mention = mention_from_words(text, _mention_run(text, words[v + 1 :], lex), lex)
        return Cue(strip_word(words[v][0]), words[v][1], mention)
    return None


def _sentence_start_before(lead: str) -> int:
    """Where the last sentence of ``lead`` starts: after its last stop (not an abbreviation's), line break or
    quotation mark."""
    start = 0
    for m in _SENTENCE_END_BEFORE.finditer(lead):
        if lead[m.start()] == ".":
            # Only a full stop can end an abbreviation: the word before it is looked at then, read from the
            # right (`rsplit`, not a split of the whole lead at every stop).
            word_before = (lead[: m.start() + 1].rsplit(None, 1) or [""])[-1]
            if _ABBREVIATION.match(word_before):
                continue
        start = m.end()
    return start


# `He's claiming`, `she’s said`: a pronoun with a contracted auxiliary.
_PRONOUN_CONTRACTION = re.compile(r"['\u2019]s$")


def _pronoun(bare: str, lex: Lexicon) -> bool:
    return bare in lex.pronouns or (bare[-2:] in ("'s", "\u2019s") and bare[:-2] in lex.pronouns)


def subject_words(words: list[Word], lex: Lexicon, text: str | None = None) -> list[Word]:
    """The trailing words before a verb that can name its subject (role, name, pronoun). After an
    apposition (`Donna Rawlings, 59, of Ashton, who watched ..., said`) the whole stretch is kept."""
    if text is not None and words and _comma_after(text, words[-1]):
        return words[-_MAX_SUBJECT_WORDS:]
    adverbs = 0
    while adverbs < len(words) and bare_word(words[-1 - adverbs][0]) in lex.between_subject_and_verb:
        adverbs += 1
    if text is not None and adverbs and adverbs < len(words) and _comma_after(text, words[-1 - adverbs]):
        # `Hillary Clinton, like Obama, has encouraged`: the apposition ends before the auxiliary.
        return words[: len(words) - adverbs][-_MAX_SUBJECT_WORDS:]
    if words and bare_word(words[-1][0]) in lex.relative_pronouns:
        # `Loretta Lynch, who said ...`: the name before the relative pronoun.
        return subject_words(words[:-1], lex)
    run: list[Word] = []
    for w in reversed(words):
        bare = bare_word(w[0])
        if not run and _pronoun(bare, lex):
            return [w]
        if is_capitalised(w[0]) or w[0].startswith("(") or bare in lex.office_words or bare in NAME_PARTICLES:
            run.append(w)
            continue
        if bare in lex.between_subject_and_verb and not run:
            continue
        break
    run.reverse()
    return run


_MAX_SUBJECT_WORDS = 24
# Words that open the setting of a statement rather than a description of its speaker.
_SETTING_WORDS = frozenset({"dari", "di", "ke", "dalam", "saat", "ketika", "pada", "at", "in", "on", "during", "from"})

"""A stand-in extractor: storage tests decide exactly what extraction returns."""

from __future__ import annotations

from workbench.extract.models import ExtractedArticle, FollowUp, Person, Quote


def quote_at(text: str, words: str, speaker: str | None, kind: str = "direct") -> Quote:
    start = text.index(words)
    return Quote(words, kind, speaker, speaker, None, "kata", start, start + len(words))


def article(quotes=(), follow_ups=(), people=()) -> ExtractedArticle:
    return ExtractedArticle(
        id=None,
        lang="id",
        publisher=None,
        original_source=None,
        published=None,
        quotes=tuple(quotes),
        follow_ups=tuple(follow_ups),
        people=tuple(people),
    )


def follow_up(target: str, status: str, evidence: str) -> FollowUp:
    return FollowUp(target, None, "Klik Kaltim", status, evidence)


def person(name: str, aliases=(), roles=()) -> Person:
    return Person(name, tuple(aliases), tuple(roles))


class FakeExtractor:
    """``run_extraction`` replacement: returns what ``outputs[text]`` says, or raises it."""

    def __init__(self, monkeypatch, version: str = "test-1"):
        self.outputs: dict[str, ExtractedArticle | Exception] = {}
        self.calls = 0
        self.version = version
        monkeypatch.setattr("workbench.ingest.run_extraction", self)
        monkeypatch.setattr("workbench.ingest.extractor_version", lambda: self.version)

    def __call__(self, item):
        self.calls += 1
        output = self.outputs.get(item.text, article())
        if isinstance(output, Exception):
            raise output
        return output

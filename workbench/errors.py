"""Errors the use cases raise; the CLI and the UI turn each into one clear message.

Deep code raises something specific; only the edges (``workbench.cli``, the pages) catch
``WorkbenchError`` and show ``str(error)``. Nothing here imports Streamlit.
"""


class WorkbenchError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing sentence."""


class BadInput(WorkbenchError):
    """Input that cannot be processed (binary file, undecodable bytes, malformed JSONL line...)."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = ""
        if source:
            where = f"{source}:{line}: " if line else f"{source}: "
        super().__init__(f"{where}{message}")


class NotFound(WorkbenchError):
    """A row asked for by id does not exist."""


class InvalidValue(WorkbenchError):
    """A value outside its allowed set (unknown attribution status, verdict label...)."""


class StaleEdit(WorkbenchError):
    """A save made against an old version of a row; carries who changed it since, and what."""

    def __init__(self, message: str, *, current_version: int, changes: list | None = None):
        self.current_version = current_version
        self.changes = changes or []
        super().__init__(message)


class DatabaseUnavailable(WorkbenchError):
    """The configured database cannot be reached or opened."""

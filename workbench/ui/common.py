"""What every page shares: the database (opened once), one transaction per action, the
reviewer's name, paging, and the one place where errors become messages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import StaleEdit, WorkbenchError
from workbench.ui.text import md

log = logging.getLogger(__name__)
T = TypeVar("T")

REVIEWER_KEY = "reviewer"
NAME_FIRST = "Enter your name in the sidebar first: every change is recorded under it."
MAX_REVIEWER_NAME = 200  # review_events.reviewer is String(200)
FLASH_KEY = "flash"


@st.cache_resource(show_spinner="Opening the database...")
def session_factory() -> sessionmaker[Session]:
    """Migrate (and load the demo article into an empty database) once per server process."""
    from workbench.startup import open_database

    return open_database()


def transaction(use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one use case in its own transaction: committed if it returns, rolled back if it raises."""
    with session_factory().begin() as session:
        return use_case(session, *args, **kwargs)


def act(use_case: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[bool, T | None]:
    """One user action in its own transaction; a refusal is shown right where the user is.

    Returns (done, result). A StaleEdit is left to the caller, which shows both versions.
    """
    try:
        return True, transaction(use_case, *args, **kwargs)
    except StaleEdit:
        raise
    except WorkbenchError as exc:
        st.error(md(str(exc)))
        return False, None


@contextmanager
def shown_errors() -> Iterator[None]:
    """The page edge: a workbench error is one message; anything else is logged, never a traceback."""
    try:
        yield
    except WorkbenchError as exc:
        st.error(md(str(exc)))
    except SQLAlchemyError as exc:
        log.exception("database error")
        st.error(f"The database refused the request ({md(type(exc).__name__)}). Nothing was saved; try again.")
    except Exception:  # noqa: BLE001 - the last line of defence: users see a sentence, the log the details
        log.exception("unexpected error in a page")
        st.error("Something went wrong while showing this page. The details are in the server log.")


def flash(message: str) -> None:
    """A confirmation shown on the next run: saves end with st.rerun(), which would drop a toast."""
    st.session_state[FLASH_KEY] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def reviewer() -> str | None:
    return st.session_state.get(REVIEWER_KEY)


def reviewer_sidebar() -> None:
    """Ask the reviewer's name once per browser session; every change is recorded under it."""
    with st.sidebar:
        name = reviewer()
        if name:
            st.markdown(f"Reviewing as **{md(name)}**")
            if st.button("Change name", key="reviewer_change"):
                del st.session_state[REVIEWER_KEY]
                st.rerun()
            return
        with st.form("reviewer_form", border=False):
            typed = st.text_input("Your name", placeholder="recorded with every change", key="reviewer_input")
            if st.form_submit_button("Start reviewing", type="primary"):
                name = " ".join(typed.split())
                if not name:
                    st.error("Type your name first: every change is recorded under it.")
                elif len(name) > MAX_REVIEWER_NAME:
                    st.error(f"That name is longer than {MAX_REVIEWER_NAME} characters; shorten it.")
                else:
                    st.session_state[REVIEWER_KEY] = name
                    st.rerun()


def need_reviewer() -> str | None:
    """The reviewer's name, or a hint where to give it (editing is disabled meanwhile)."""
    name = reviewer()
    if not name:
        st.info("Enter your name in the sidebar to make changes; until then you can look around.")
    return name


def page_offset(key: str, page_size: int) -> int:
    """The offset of the page chosen in the pager ``key`` (rendered later by ``pager``)."""
    return (int(st.session_state.get(key, 1)) - 1) * page_size


def pager(key: str, page_count: int, total: int, nouns: tuple[str, str]) -> None:
    """How many rows match, and the page buttons when there is more than one page."""
    left, right = st.columns([3, 2], vertical_alignment="center")
    left.caption(f"{total:,} {nouns[0] if total == 1 else nouns[1]}")
    if page_count > 1:
        with right:
            st.pagination(page_count, key=key, width="content")


def filter_key(prefix: str, *parts: object) -> str:
    """A widget key that changes with the filter, so a new filter starts again at page 1."""
    return f"{prefix}_{abs(hash(tuple(str(p) for p in parts)))}"

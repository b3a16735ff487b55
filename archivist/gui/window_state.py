"""What the main window remembers: geometry, toolbar/dock state, splitters and the last
search in the settings; and, across a language switch (a new window), selection and sort."""
from __future__ import annotations

from PySide6.QtCore import QByteArray

SPLITTERS = (("window/mainSplitter", "main_splitter"), ("window/contentSplitter", "content_splitter"))


def restore(w) -> None:
    s = w.settings
    geometry = s.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        w.restoreGeometry(geometry)
    else:
        w.resize(1400, 860)
    state = s.value("window/state")
    if isinstance(state, QByteArray):
        w.restoreState(state)
    w.search_bar.blockSignals(True)
    w.search_bar.set_query(s.value("search/last", "", type=str))
    w.search_bar.blockSignals(False)


def restore_splitters(w) -> None:
    """Once the window has its real size (first shown), or the sizes are squeezed."""
    for key, name in SPLITTERS:
        state = w.settings.value(key)
        if isinstance(state, QByteArray):
            getattr(w, name).restoreState(state)


def save(w) -> None:
    s = w.settings
    s.setValue("window/geometry", w.saveGeometry())
    s.setValue("window/state", w.saveState())
    for key, name in SPLITTERS:
        s.setValue(key, getattr(w, name).saveState())
    s.setValue("search/last", w.search_bar.query)
    s.sync()


def view(w) -> dict:
    """What a rebuilt window (another language) takes over: selection and sort."""
    return {"selected": w.selected_ids(), "sort": w.model.sort_state}


def restore_view(w, state: dict) -> None:
    column, order = state["sort"]
    w.select_when_listed(state["selected"])  # selected again once listed
    w.model.sort(column, order)
    w._sync_sort_indicator()
    w.select_ids(state["selected"])

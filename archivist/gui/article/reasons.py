"""Fix reasons in the interface language. The cleaner (Qt-free) writes them in English
into the library, where they stay; the Review tab shows them through these templates."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

RESTORED = re.compile(r"^(.*) \(in text brought back by reverting fix #(\d+)\)$", re.S)


def tr(text: str) -> str:
    return QCoreApplication.translate("reasons", text)


def _templates() -> list[tuple[re.Pattern, str]]:
    """(what the cleaner writes, the shown text with %1 for its one variable part)."""
    return [
        (re.compile(r"^same as the paragraph “(.*)”$", re.S), tr("same as the paragraph “%1”")),
        (re.compile(r"^contained in “(.*)”$", re.S), tr("contained in “%1”")),
        (re.compile(r"^nearly the same as “(.*)”$", re.S), tr("nearly the same as “%1”")),
        (re.compile(r"^English '(.*)' between Chinese words$"), tr("English '%1' between Chinese words")),
        (re.compile(r"^space inside the name (.*)$"), tr("space inside the name %1")),
        (re.compile(r"^every sentence of it stands in other paragraphs$()"),
         tr("every sentence of it stands in other paragraphs")),
        (re.compile(r"^sentence also in another paragraph$()"), tr("sentence also in another paragraph")),
        (re.compile(r"^repeated at a column break$()"), tr("repeated at a column break")),
        (re.compile(r"^paragraph broken mid-sentence$()"), tr("paragraph broken mid-sentence")),
        (re.compile(r"^half-width mark in Chinese text$()"), tr("half-width mark in Chinese text")),
        (re.compile(r"^half-width parenthesis in Chinese text$()"), tr("half-width parenthesis in Chinese text")),
    ]


def reason_text(reason: str) -> str:
    restored = RESTORED.match(reason or "")
    if restored:
        return tr("%1 (in text brought back by reverting fix #%2)").replace(
            "%1", reason_text(restored[1])).replace("%2", restored[2])
    for pattern, shown in _templates():
        m = pattern.match(reason or "")
        if m:
            return shown.replace("%1", m[1])
    return reason or ""

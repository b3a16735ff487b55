"""First start (offer the bundled sample pages) and choosing a library folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from archivist.gui.resources import SAMPLES


def tr(text: str) -> str:
    return QCoreApplication.translate("libraries", text)


def sample_pages() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def offer_samples(parent) -> bool:
    """Ask whether to import the sample pages into an empty library."""
    if not sample_pages():
        return False
    box = QMessageBox(QMessageBox.Icon.Question, tr("Welcome to archivist"),
                      tr("Your library is empty. Import the %1 sample newspaper pages that come with "
                                "archivist, to see real articles at once?").replace("%1", str(len(sample_pages()))),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("firstStartOffer")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def choose_library(parent, new: bool) -> Path | None:
    title = tr("New Library — choose an empty folder") if new else tr("Open Library")
    folder = QFileDialog.getExistingDirectory(parent, title)
    return Path(folder) if folder else None

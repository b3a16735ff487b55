"""The Scan tab: the page image of a scanned article beside its text, with each block's
line boxes drawn on the image."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

SCAN_KINDS = {"ocr", "pdf-ocr", "pdf-text"}


def has_scan(library, article: dict) -> bool:
    return False


class ScanView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        QVBoxLayout(self).addWidget(QLabel("No scan for this article."))

    def load(self, library, article: dict) -> None:
        pass

"""The bar above the table while the Trash is shown: restore the selection, empty the trash."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class TrashBar(QWidget):
    restoreClicked = Signal()
    emptyClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self.tr("Trash: articles here are out of every list and search until restored."), self)
        self.label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore selected"), self)
        self.restore_button.setObjectName("restoreButton")
        self.empty_button = QPushButton(self.tr("Empty trash…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.empty_button)
        self.restore_button.clicked.connect(self.restoreClicked)
        self.empty_button.clicked.connect(self.emptyClicked)

"""The bar above the table while the library is damaged: it was opened read-only, and
why, once (not a dialog per refused edit); Check Library… is one click away."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class DamageBar(QWidget):
    checkClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("damageBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("#damageBar { background: #fde68a; } #damageBar QLabel { color: #7c2d12; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("Check Library…"), self)
        self.check_button.setObjectName("damageCheckButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.check_button)
        self.check_button.clicked.connect(self.checkClicked)
        self.hide()

    def set_damage(self, damage: str) -> None:
        head = self.tr("This library is damaged and was opened read-only: nothing can be changed in it.")
        self.label.setText(f"{head}\n{damage}" if damage else "")
        self.setVisible(bool(damage))

"""Preferences: the interface language (system, English, Simplified Chinese)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout

LANGUAGES = [("", "System language"), ("en", "English"), ("zh_CN", "简体中文")]


class PreferencesDialog(QDialog):
    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_combo.addItem(self.tr("System language") if code == "" else name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Language"), self.language_combo)
        layout.addRow(buttons)
        # The window manager clips a title wider than the dialog (as "首选项" was): room for
        # it beside the title bar's buttons.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.windowTitle()) + 200)

    @property
    def language(self) -> str:
        return self.language_combo.currentData()

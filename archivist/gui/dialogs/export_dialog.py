"""File → Export Bundle… (Export Review… in a review library): what to export (the
selected articles, the articles shown, the whole library), in which format (a bundle or
one of the plain exports), and whether a bundle carries the original files. The export
itself runs as a Job (archivist.gui.bundle_actions)."""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QRadioButton, QVBoxLayout, QWidget)

SELECTION, VIEW, EVERYTHING, CHANGED = "selection", "view", "all", "changed"


class ExportDialog(QDialog):
    def __init__(self, selected: int, shown: int, total: int, review: bool, parent=None, changed: int = 0):
        """`changed`: in a review, how many articles the review changed (the default then)."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Review") if review else self.tr("Export Bundle"))
        self.scope_buttons = QButtonGroup(self)
        scope_box = QWidget(self)
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scopes = [(CHANGED, self.tr("Changed in this review (%1)"), changed)] if review else []
        for key, text, count in (*scopes, (SELECTION, self.tr("Selected articles (%1)"), selected),
                                 (VIEW, self.tr("Articles shown (%1)"), shown),
                                 (EVERYTHING, self.tr("Whole library (%1)"), total)):
            button = QRadioButton(text.replace("%1", str(count)), scope_box)
            button.setObjectName(f"scope-{key}")
            button.setProperty("scope", key)
            button.setEnabled(count > 0)
            self.scope_buttons.addButton(button)
            scope_layout.addWidget(button)
        default = CHANGED if review and changed else SELECTION if selected else VIEW if shown else EVERYTHING
        self._scope_button(default).setChecked(True)

        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportFormat")
        bundle_text = self.tr("Review bundle for merging back (.zip)") if review else self.tr("Bundle (.zip)")
        for key, text in (("bundle", bundle_text), ("markdown", self.tr("Markdown folder")),
                          ("jsonl", self.tr("JSON Lines (.jsonl)")), ("csv", self.tr("CSV of metadata (.csv)"))):
            self.format_box.addItem(text, key)
        self.with_sources = QCheckBox(self.tr("Include the original files"), self)
        self.with_sources.setObjectName("withSources")
        self.format_box.currentIndexChanged.connect(
            lambda _i: self.with_sources.setEnabled(self.format == "bundle"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Articles:"), scope_box)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow("", self.with_sources)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _scope_button(self, key: str) -> QRadioButton:
        return next(b for b in self.scope_buttons.buttons() if b.property("scope") == key)

    @property
    def scope(self) -> str:
        return self.scope_buttons.checkedButton().property("scope")

    def set_scope(self, key: str) -> None:
        self._scope_button(key).setChecked(True)

    @property
    def format(self) -> str:
        return self.format_box.currentData()

    def set_format(self, key: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(key))

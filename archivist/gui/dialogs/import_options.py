"""Before an import: what the pages are, as the user knows it (the "Paper" field, like
`archivist import --paper`). Optional: empty leaves the paper to the pages' own masthead,
file names and folders. The last paper given is offered again next time."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

PAPER_KEY = "import/paper"


class ImportOptionsDialog(QDialog):
    def __init__(self, settings, what: str, papers=(), parent=None):
        super().__init__(parent)
        self.setObjectName("importOptionsDialog")
        self.setWindowTitle(self.tr("Import"))
        self.settings = settings
        self.paper = QComboBox(self)
        self.paper.setObjectName("importPaper")
        self.paper.setEditable(True)
        self.paper.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.paper.addItems(sorted({p for p in papers if p}))
        self.paper.setCurrentText(str(settings.value(PAPER_KEY, "") or ""))
        self.paper.lineEdit().setPlaceholderText(self.tr("(from the pages: masthead, file name, folder)"))
        self.paper.setMinimumContentsLength(24)
        hint = QLabel(self.tr("Every page of this import is catalogued under this paper; leave it empty "
                              "to take the paper from each page."), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Paper:"), self.paper)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(what, self))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def chosen_paper(self) -> str | None:
        return self.paper.currentText().strip() or None

    def accept(self) -> None:
        self.settings.setValue(PAPER_KEY, self.chosen_paper() or "")  # remembered, empty too
        super().accept()


def ask_paper(parent, settings, what: str, papers=()) -> tuple[bool, str | None]:
    """(go on?, the paper or None)."""
    dialog = ImportOptionsDialog(settings, what, papers, parent)
    try:
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return ok, dialog.chosen_paper() if ok else None
    finally:
        dialog.deleteLater()

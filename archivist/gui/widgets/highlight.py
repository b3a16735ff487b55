"""Item delegate that paints a cell's text with its search hits highlighted.

The model gives the spans (HIGHLIGHTS_ROLE, character offsets into the cell text, the
store's find_matches); the text is laid out with QTextLayout formats, so no HTML is
built from article text.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from archivist.gui.models import HIGHLIGHTS_ROLE

HIT_BACKGROUND = QColor("#fde68a")


class HighlightDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:
        spans = index.data(HIGHLIGHTS_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(3, 0, -3, 0)
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        layout = QTextLayout(elided, opt.font)
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        ranges = []
        for start, end in spans:
            if start >= len(elided):
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(HIT_BACKGROUND)
            fmt.setForeground(QColor("black"))
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, min(end, len(elided)) - start, fmt
            ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(rect.width())
        layout.endLayout()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        y = rect.top() + (rect.height() - layout.boundingRect().height()) / 2
        layout.draw(painter, QPointF(rect.left(), y))
        painter.restore()

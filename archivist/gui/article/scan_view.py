"""The Scan tab: for an article read from a scan or PDF, the page image with the line boxes
each of its elements came from, beside the list of elements. Picking an element shows
its page and marks its boxes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QGraphicsScene, QGraphicsView, QLabel, QListWidget, QListWidgetItem, QSplitter,
                               QVBoxLayout, QWidget)

from archivist.gui.article.render import LABELS

SCAN_KINDS = {"ocr", "pdf-ocr", "pdf-text"}
BOX = QColor(40, 110, 220, 50)
BOX_EDGE = QColor(40, 110, 220, 160)
PICKED = QColor(255, 140, 0, 90)
PICKED_EDGE = QColor(230, 100, 0, 230)


def has_scan(library, article: dict) -> bool:
    if not article or library is None:
        return False
    try:
        return library.source(article["source_id"])["kind"] in SCAN_KINDS and bool(
            library.source_layout(article["source_id"]))
    except Exception:  # noqa: BLE001 - no scan to show is the safe answer
        return False


def page_image(path: str, kind: str, page: int) -> QImage:
    """Page `page` (1-based) of the stored scan, rendered in the pixels the layout's boxes
    are given in (PDFs at archivist.scan.pdf's resolution)."""
    data = Path(path).read_bytes()
    if kind.startswith("pdf"):
        from archivist.scan.pdf import SCALE, open_pdf  # noqa: PLC0415

        doc = open_pdf(data)
        try:
            pil = doc[page - 1].render(scale=SCALE).to_pil()
        finally:
            doc.close()
    else:
        from archivist.scan.images import frames, open_image  # noqa: PLC0415

        pil = next(f for i, f in enumerate(frames(open_image(data)), 1) if i == page)
    pil = pil.convert("RGBA")
    return QImage(pil.tobytes("raw", "RGBA"), pil.width, pil.height, QImage.Format.Format_RGBA8888).copy()


class _PageView(QGraphicsView):
    """Keeps the whole page in view when resized."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.scene() is not None and not self.scene().sceneRect().isEmpty():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class ScanView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.view = _PageView(self.scene)
        self.view.setObjectName("scan_page")
        self.view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.elements = QListWidget()
        self.elements.setObjectName("scan_elements")
        self.elements.setWordWrap(True)
        self.elements.currentRowChanged.connect(self._picked)
        self.info = QLabel()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.elements)
        split.setSizes([650, 350])
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(split, 1)
        self._source: dict = {}
        self._regions: list[list[dict]] = []  # per element, in list order
        self._images: dict[int, QImage] = {}
        self._page = 0
        self.box_items: list = []

    def load(self, library, article: dict) -> None:
        from archivist.scan import regions_for_article  # noqa: PLC0415 - loads rapidfuzz

        source = library.source(article["source_id"])
        if source["id"] != self._source.get("id"):
            self._images = {}
        self._source = source
        found = regions_for_article(article, library.source_layout(source["id"]))
        self._regions = []
        self.elements.blockSignals(True)
        self.elements.clear()
        entries = [(LABELS[k], article.get(k), found[k]) for k in ("kicker", "headline", "subtitle")]
        entries += [(LABELS["subhead" if b.get("kind") == "subhead" else "paragraph"], b.get("text"), found["blocks"][i])
                    for i, b in enumerate(article.get("blocks") or [])]
        entries += [(LABELS["caption"], t, found["captions"][i]) for i, t in enumerate(article.get("captions") or [])]
        for label, text, boxes in entries:
            if not text:
                continue
            shown = text if len(text) <= 60 else text[:60] + "…"
            missing = "" if boxes else self.tr("(not found)")
            item = QListWidgetItem(f"{label}{missing}\n{shown}")
            if not boxes:
                item.setForeground(QColor("#888"))
            self.elements.addItem(item)
            self._regions.append(boxes)
        self.elements.blockSignals(False)
        pages = sorted({r["page"] for boxes in self._regions for r in boxes})
        self.info.setText(f"{source['filename']} · {source['kind']} · "
                          + self.tr("page %1").replace("%1", ", ".join(map(str, pages)) or "?"))
        self._show_page(pages[0] if pages else 1)
        self._draw(-1)

    def _show_page(self, page: int) -> None:
        if page == self._page and self.scene.items():
            return
        if page not in self._images:
            self._images[page] = page_image(self._source["file"], self._source["kind"], page)
        self._page = page
        self.scene.clear()
        self.box_items = []
        image = self._images[page]
        self.scene.addPixmap(QPixmap.fromImage(image))
        self.scene.setSceneRect(QRectF(image.rect()))
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _picked(self, row: int) -> None:
        boxes = self._regions[row] if 0 <= row < len(self._regions) else []
        if boxes:
            self._show_page(boxes[0]["page"])
        self._draw(row)

    def _draw(self, picked: int) -> None:
        for item in self.box_items:
            self.scene.removeItem(item)
        self.box_items = []
        image = self._images.get(self._page)
        for row, boxes in enumerate(self._regions):
            for r in boxes:
                if r["page"] != self._page:
                    continue
                sx, sy = _scale(r, image)
                x0, y0, x1, y1 = r["bbox"]
                chosen = row == picked
                rect = self.scene.addRect(QRectF(x0 * sx, y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy),
                                          QPen(PICKED_EDGE if chosen else BOX_EDGE, 2),
                                          QBrush(PICKED if chosen else BOX))
                self.box_items.append(rect)


def _scale(record: dict, image: QImage | None) -> tuple[float, float]:
    # Boxes are in the pixels of the image the layout was read from; ours may differ.
    size = record.get("size") or []
    if image is None or len(size) != 2 or not size[0] or not size[1]:
        return 1.0, 1.0
    return image.width() / size[0], image.height() / size[1]

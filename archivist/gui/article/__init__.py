"""The article panels: ArticlePanel (read, edit, review fixes, history, scan) and
SplitEditor (one page's articles: merge, split, move, change kinds)."""
from archivist.gui.article.panel import ArticlePanel
from archivist.gui.article.split_editor import SplitEditor

__all__ = ["ArticlePanel", "SplitEditor"]

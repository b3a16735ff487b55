"""Update resources/translations/archivist_zh_CN.ts from the GUI sources and compile it.

    .venv/bin/python tools/translations.py        (make translations)

pyside6-lupdate extracts every tr()/translate() string. Strings of module-level `tr()`
helpers (actions.py, undo.py, dialogs/libraries.py) come out without a context; they are
put in the context their helper passes to QCoreApplication.translate (the module name).
Chinese texts come from ZH below; a string missing there stays "unfinished" and is
listed, and the English text shows in the app. pyside6-lrelease then builds the .qm
(committed too, so the app runs where the Qt tools are missing).
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations" / "archivist_zh_CN.ts"
# Part B's panels (archivist/gui/article) keep their own strings; they are included when present.
SOURCES = sorted(p for p in (ROOT / "archivist" / "gui").rglob("*.py"))
MODULE_CONTEXT = {"actions.py": "actions", "undo.py": "undo", "libraries.py": "libraries",
                  "bundle_actions.py": "bundle_actions", "opening.py": "opening", "reasons.py": "reasons",
                  "edition_actions.py": "undo"}

ZH = {
    # Opening: a re-index that can be stopped and goes on next time (issue 18)
    "Stop (goes on next time)": "停止（下次继续）", "(about %1 left)": "（约剩 %1）",
    "%1 min": "%1 分钟", "%1 h %2 min": "%1 小时 %2 分钟", "Stopping after this batch…": "完成这一批后停止…",
    "Opening stopped": "已停止打开", "… and %1 more": "……另有 %1 个",
    "The search index was being updated; it goes on from where it stopped the next time this library is opened.":
        "正在更新搜索索引；下次打开这个资料库时会从停下的地方继续。",
    # Tools → Improve Splitting…, Re-split Pages… (issue 15)
    "&Improve Splitting…": "改进分稿(&I)…", "Improve Splitting": "改进分稿", "Improve splitting": "改进分稿",
    "Reset to the &Shipped Model": "恢复内置模型(&S)", "Reset to the shipped model": "恢复内置模型",
    "&Re-split Pages…": "重新分稿(&R)…", "Re-split Pages": "重新分稿",
    "No corrected pages yet. Correct a page in the split editor (merge, split, move, change a kind) or a headline or byline in the article editor, then try again.":
        "还没有纠正过的版面。请先在分稿编辑器中纠正一个版面（合并、拆分、移动、改类型），或在文章编辑器中改正标题或署名，再试一次。",
    "Learning from %1 corrected page(s)": "正在从 %1 个纠正过的版面学习",
    "This library now splits pages of %1 with its own model: %2": "本资料库现在用自己的模型为 %1 的版面分稿：%2",
    "Select the articles whose pages to re-split.": "请选择要重新分稿的版面上的文章。",
    "Re-split %1 page(s) with the line model? Pages with articles edited by hand are left alone; the re-split can be undone.":
        "用行模型重新分稿 %1 个版面？有人工编辑过的文章的版面保持不动；重新分稿可以撤销。",
    "Re-splitting %1 page(s)": "正在重新分稿 %1 个版面", "Re-split %1 page(s)": "重新分稿 %1 个版面",
    "Re-split %1 page(s).": "已重新分稿 %1 个版面。", "nothing was re-split": "没有重新分稿",
    "Page %1 with %2": "第 %1 个版面，%2", "Left alone (articles edited by hand):": "保持不动（文章经人工编辑）：",
    "Page split by %1": "版面分稿：%1",
    # Tools → Check Library…, a damaged library (issue 19)
    "&Tools": "工具(&T)", "&Check Library…": "检查资料库(&C)…", "Check Library…": "检查资料库…",
    "Check Library": "检查资料库", "Checking the library": "正在检查资料库", "Recovering the library": "正在恢复资料库",
    "Checking every page and index of the library…": "正在检查资料库的每一页和每个索引…",
    "Checking every page and index of the library… (%1 s)": "正在检查资料库的每一页和每个索引…（%1 秒）",
    "Recover into a New Folder…": "恢复到新文件夹…", "Restore Latest Backup into a New Folder…": "将最新备份还原到新文件夹…",
    "Open the New Library": "打开新资料库", "Backup: %1": "备份：%1",
    "The library is sound: SQLite's integrity check found nothing wrong.": "资料库完好：SQLite 完整性检查未发现问题。",
    "The library is damaged. It stays open read-only; copy what can be read into a new folder, or start again "
    "from the latest backup there.": "资料库已损坏，仍以只读方式打开；可将能读出的内容复制到新文件夹，或从其中的最新备份重新开始。",
    "Cancelled: nothing is known of the damage.": "已取消：损坏情况未知。", "That could not be done: %1": "无法完成：%1",
    "An empty folder for the new library": "为新资料库选择一个空文件夹",
    "Restored %1 into %2; what changed after it is not there.": "已将 %1 还原到 %2；此后的更改不在其中。",
    "Copied what could be read into %1 (%2).": "已将能读出的内容复制到 %1（%2）。",
    "The library is read-only": "资料库为只读", "The library was opened read-only.": "资料库以只读方式打开。",
    "This library is damaged and was opened read-only: nothing can be changed in it.":
        "此资料库已损坏，已以只读方式打开：其中的内容无法更改。",
    " (damaged, read-only)": "（已损坏，只读）", "Read-only: the library is damaged": "只读：资料库已损坏",
    "Opening the library…": "正在打开资料库…", "Opening the library": "打开资料库",
    "Updating the search index for this version of archivist…": "正在为此版本的 archivist 更新检索索引…",
    "%1 of %2 articles": "%1 / %2 篇文章",
    "&File": "文件(&F)", "&New Library…": "新建资料库(&N)…", "&Open Library…": "打开资料库(&O)…",
    "Recent Libraries": "最近的资料库", "&Import Files…": "导入文件(&I)…", "Import &Folder…": "导入文件夹(&F)…",
    "&Preferences…": "首选项(&P)…", "&Quit": "退出(&Q)", "&Edit": "编辑(&E)", "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)", "&Find": "查找(&F)", "Add &Tag…": "添加标签(&T)…", "Mar&k Reviewed": "标为已审(&K)",
    "Mark &New": "标为新稿(&N)", "&Move to Trash": "移到回收站(&M)", "R&estore from Trash": "从回收站恢复(&E)",
    "Empty Trash…": "清空回收站…", "&View": "视图(&V)", "Page &Split Editor": "版面拆分编辑器(&S)",
    "&All Articles": "全部文章(&A)", "T&rash": "回收站(&R)", "&Help": "帮助(&H)", "&About archivist": "关于 archivist(&A)",
    "Main toolbar": "主工具栏", "Could not do that": "无法完成此操作", "Add Tag": "添加标签",
    "Tag (use / for levels, e.g. 地区/青岛):": "标签（用 / 分级，例如 地区/青岛）：",
    "Mark %1 article(s) reviewed": "将 %1 篇文章标为已审", "Mark %1 article(s) new": "将 %1 篇文章标为新稿",
    "Empty Trash": "清空回收站",
    "Delete the %1 article(s) in the trash for good? This cannot be undone.": "永久删除回收站中的 %1 篇文章？此操作无法撤销。",
    "Rename Tag": "重命名标签", "New name for “%1”:": "“%1”的新名称：", "Rename tag “%1” to “%2”": "将标签“%1”重命名为“%2”",
    "Merge Tag": "合并标签", "Merge “%1” into:": "将“%1”合并到：", "Merge tag “%1” into “%2”": "将标签“%1”合并到“%2”",
    "Delete tag “%1”": "删除标签“%1”", "Import Pages": "导入版面", "Pages (%1)": "版面文件 (%1)",
    "Import a Folder of Pages": "导入版面文件夹", "Importing %1": "正在导入 %1", "About archivist": "关于 archivist",
    "archivist: import, split, clean, review, tag and search Chinese newspaper pages.":
        "archivist：导入、拆分、清理、审校、标注和检索中文报纸版面。",
    "Welcome to archivist": "欢迎使用 archivist",
    "Your library is empty. Import the %1 sample newspaper pages that come with archivist, to see real articles at once?":
        "资料库还是空的。要导入 archivist 自带的 %1 个示例报纸版面，马上看到真实文章吗？",
    "New Library — choose an empty folder": "新建资料库——请选择一个空文件夹", "Open Library": "打开资料库",
    "Tag %1 article(s) “%2”": "为 %1 篇文章添加标签“%2”", "Untag %1 article(s) “%2”": "移除 %1 篇文章的标签“%2”",
    "Restore %1 article(s)": "恢复 %1 篇文章", "Move %1 article(s) to the trash": "将 %1 篇文章移到回收站",
    "Mark %1 article(s) %2": "将 %1 篇文章标为 %2", "Import %1 file(s)": "导入 %1 个文件",
    "Import": "导入", "Preparing…": "准备中…", "File %1 of %2": "第 %1 个文件，共 %2 个",
    "Cancelling… (the file in progress is rolled back)": "正在取消…（正在导入的文件将回滚）",
    "Imported: %1 file(s), %2 article(s), %3 flagged as near-duplicates": "已导入：%1 个文件，%2 篇文章，其中 %3 篇标记为近似重复",
    "Cancelled: the files not reached were not imported.": "已取消：尚未处理的文件没有导入。",
    "Skipped (already in the library): %1": "已跳过（资料库中已有）：%1", "Failed: %1": "失败：%1",
    "The import stopped: %1": "导入中止：%1", "Import finished": "导入完成",
    "No library": "未打开资料库", "%1 articles · %2 in trash · %3": "%1 篇文章 · 回收站 %2 篇 · %3",
    "%1 shown": "显示 %1 篇", "Ready": "就绪",
    "Headline": "标题", "Source": "来源", "Date": "日期", "Tags": "标签", "Status": "状态", "Duplicate": "重复",
    "Match": "命中", "new": "新稿", "reviewed": "已审", "Article": "文章", "Page split": "版面拆分",
    "The article view is not installed.": "文章视图未安装。", "The split editor is not installed.": "拆分编辑器未安装。",
    "Cannot open the library": "无法打开资料库", "no library": "无资料库", "Import in progress": "正在导入",
    "An import is running. Cancel it and quit?": "导入正在进行。要取消并退出吗？",
    "Preferences": "首选项", "Language": "界面语言", "System language": "跟随系统",
    "Search (Simplified or Traditional)…": "搜索（简体或繁体）…", "Any status": "任意状态", "New": "新稿",
    "Reviewed": "已审", "Tag": "标签", "From": "从", "To": "至", "any": "不限", "Any tag": "任意标签",
    "Any source": "任意来源", "All articles (%1)": "全部文章 (%1)", "Trash (%1)": "回收站 (%1)",
    "Rename…": "重命名…", "Merge into…": "合并到…", "Delete": "删除",
    "Trash: articles here are out of every list and search until restored.": "回收站：这里的文章在恢复之前不会出现在列表和搜索中。",
    "Restore selected": "恢复所选", "Empty trash…": "清空回收站…",
    # Review bundles (bundle_actions.py, dialogs/export_dialog.py, job_dialog.py, bundle_conflicts.py)
    "&Export Bundle…": "导出资料包(&E)…", "&Export Review…": "导出审校包(&E)…", "Open &Bundle…": "打开资料包(&B)…",
    "&Merge Review…": "合并审校(&M)…", "Resolve &Conflicts…": "解决冲突(&C)…",
    "Export Bundle": "导出资料包", "Export Review": "导出审校包", "Open Bundle": "打开资料包", "Merge Review": "合并审校",
    "archivist — review of %1": "archivist — 审校：%1", "Please wait": "请稍候",
    "Another job is running: %1": "另一项任务正在进行：%1", "Bundles (*.zip)": "资料包 (*.zip)",
    "JSON Lines (*.jsonl)": "JSON Lines 文件 (*.jsonl)", "CSV files (*.csv)": "CSV 文件 (*.csv)",
    "Name of the new folder for the Markdown files": "存放 Markdown 文件的新文件夹名称",
    "Exporting to %1": "正在导出到 %1", "review bundle": "审校包", "bundle": "资料包",
    "Wrote %1 (%2): %3 article(s), %4 original file(s), %5 KB": "已写入 %1（%2）：%3 篇文章，%4 个原始文件，%5 KB",
    "Left out %1 article(s) made during the review (no desk version to merge onto).":
        "未包含审校期间新建的 %1 篇文章（编辑部资料库中没有可合并的版本）。",
    "Wrote %1: %2 article(s)": "已写入 %1：%2 篇文章", "Opening %1": "正在打开 %1", "Merging %1": "正在合并 %1",
    "%1 open conflict(s): compare, then take one side or save an edited version.":
        "%1 个未解决的冲突：比较后选用一方，或保存编辑后的版本。",
    "Could not resolve the conflict": "无法解决冲突", "Resolve conflict %1": "解决冲突 %1",
    "Selected articles (%1)": "所选文章 (%1)", "Articles shown (%1)": "当前显示的文章 (%1)",
    "Whole library (%1)": "整个资料库 (%1)", "Review bundle for merging back (.zip)": "供合并回去的审校包 (.zip)",
    "Bundle (.zip)": "资料包 (.zip)", "Markdown folder": "Markdown 文件夹", "JSON Lines (.jsonl)": "JSON Lines (.jsonl)",
    "CSV of metadata (.csv)": "元数据 CSV (.csv)", "Include the original files": "包含原始文件", "Export…": "导出…",
    "Articles:": "文章：", "Format:": "格式：", "%1 of %2": "第 %1 项，共 %2 项",
    "Cancelling… (nothing half-done is kept)": "正在取消…（不会留下做了一半的结果）", "Cancelled: %1": "已取消：%1",
    "Done": "完成", "Merge review: conflicts": "合并审校：冲突", "Take mine (library)": "采用我的（资料库）",
    "Take theirs (review)": "采用对方的（审校）", "Save edited": "保存编辑结果",
    "Mine — the library now": "我的——资料库当前版本", "Theirs — the review (edit here to combine)": "对方的——审校版本（可在此编辑以合并两者）",
    "Pick a date": "选择日期", "Not a date: type 2024-11-01, 2024/11/1 or 20241101": "不是日期：请输入 2024-11-01、2024/11/1 或 20241101",
    "Merging clears the undo history (%1 step(s)): what the merge changes is in each article's History instead. Merge now?":
        "合并会清空撤销记录（%1 步）：合并带来的改动记在每篇文章的修订历史中。现在合并吗？",
    "%1 is a desk export, not a review: nothing was merged. Open it with File → Open Bundle…, review it there, then merge the review it exports.":
        "%1 是编辑部导出的资料包，不是审校结果：未合并任何内容。请用 文件 → 打开资料包… 打开并审校，再合并审校导出的资料包。",
    "Changed in this review (%1)": "本次审校改动的文章 (%1)",
    # Fix reasons (archivist/gui/article/reasons.py): the cleaner's English, shown translated
    "same as the paragraph “%1”": "与段落“%1”相同", "contained in “%1”": "已包含在“%1”中",
    "nearly the same as “%1”": "与“%1”几乎相同", "English '%1' between Chinese words": "中文词语之间的英文“%1”",
    "space inside the name %1": "姓名“%1”中间的空格",
    "every sentence of it stands in other paragraphs": "每一句都已出现在其他段落中",
    "sentence also in another paragraph": "这句话也出现在另一段中", "repeated at a column break": "在分栏处重复",
    "paragraph broken mid-sentence": "段落在句中被断开", "half-width mark in Chinese text": "中文里的半角标点",
    "half-width parenthesis in Chinese text": "中文里的半角括号",
    "%1 (in text brought back by reverting fix #%2)": "%1（还原修正 #%2 时恢复的文字）",
    "&User Guide": "用户指南(&U)", "&Keyboard Shortcuts": "键盘快捷键(&K)", "archivist User Guide": "archivist 用户指南",
    "Keyboard Shortcuts": "键盘快捷键", "Keys": "按键", "Action": "操作",
    "&Group Near-Duplicates": "合并近似重复(&G)", "%1 copies": "%1 份副本", "original": "原稿",
    "(untitled)": "（无标题）", "No open conflicts.": "没有未解决的冲突。",
    # The article panels (archivist/gui/article): Read/Edit/Review/History, the split editor
    "引题 Kicker": "引题", "主题 Headline": "主题", "副题 Subtitle": "副题", "电头 Dateline": "电头",
    "提要 Deck\n(one item a line)": "提要\n（每行一条）", "署名 Byline\n(one name a line)": "署名\n（每行一人）",
    "图片说明 Captions\n(one a line)": "图片说明\n（每行一条）", "正文 Body": "正文",
    "Paragraphs separated by a blank line; “## ” starts a subhead.": "段落之间空一行；以“## ”开头的一行是小标题。",
    "Save revision": "保存修订", "Discard changes": "放弃修改",
    "Read": "阅读", "Edit": "编辑", "Review": "审校", "History": "修订历史", "Scan": "原版扫描",
    "No article selected.": "未选择文章。", "Unsaved changes": "未保存的修改",
    "Save changes to “%1”?": "保存对“%1”的修改吗？", "revision #%1": "修订 #%1", "tags: %1": "标签：%1",
    "Undo %1": "撤销%1", "kicker": "引题", "headline": "主题", "subtitle": "副题", "deck": "提要",
    "byline": "署名", "dateline": "电头", "body": "正文", "captions": "图片说明", "%1 and %2": "%1和%2",
    "%1 parts": "%1 处", "Edit %1": "编辑%1", "Revert fix %1": "还原修正 %1", "Re-apply fix %1": "重新应用修正 %1",
    "Accept all fixes": "接受全部修正", "Mark reviewed": "标记为已审", "Restore revision #%1": "恢复修订 #%1",
    "Side by side": "并排对照", "Inline": "行内对照", "Restore this revision": "恢复此修订", "Compare": "比较",
    "with": "与", "(current)": "（当前）", "A job is running": "任务正在进行",
    "%1 is running. Cancel it and quit?": "“%1”正在进行。要取消并退出吗？",
    "As split, before cleaning": "拆分后、清理前", "Cleaned (current)": "清理后（当前）", "Rule": "规则",
    "Before → after": "修正前 → 修正后", "Reason": "原因", "State": "状态", "Revert fix": "还原修正",
    "Re-apply fix": "重新应用修正", "Accept all": "全部接受",
    "Keep every automatic fix (re-apply the reverted ones) and mark the article reviewed":
        "保留全部自动修正（重新应用已还原的修正），并将文章标记为已审",
    "Mark the article reviewed, keeping the fixes as they are now": "将文章标记为已审，修正保持现状",
    "reverted": "已还原", "applied": "已应用", "%1 fixes, %2 applied · status: %3": "%1 处修正，已应用 %2 处 · 状态：%3",
    "page %1": "第 %1 页", "(not found)": "（未找到）", "Kind": "类型", "Text": "文字", "Merge with next": "与下一篇合并",
    "Append the next article to this one (its headline becomes a subhead)": "把下一篇文章接在这篇后面（其主题变为小标题）",
    "Split here": "从此处拆分", "This paragraph and those after it become a new article": "本段及其后各段成为一篇新文章",
    "Move to previous article": "移到上一篇", "Move to next article": "移到下一篇", "Change kind": "更改类型",
    "%1 articles": "%1 篇文章", "Article %1": "第 %1 篇", "Merge articles %1 and %2": "合并第 %1 篇和第 %2 篇",
    "Split article %1 at paragraph %2": "在第 %2 段拆分第 %1 篇", "Move paragraph to the previous article": "把段落移到上一篇",
    "Move paragraph to the next article": "把段落移到下一篇", "Change %1 to %2": "把%1改为%2",
    "Redoing “%1” failed: %2": "重做“%1”失败：%2", "Undoing “%1” failed: %2": "撤销“%1”失败：%2",
    # Edition metadata (issue 16): paper 报名, edition date 出版日期, page 版次, section 版名,
    # edition 版别 (A/B 叠, 早版); the whole record is 出版信息.
    "Paper": "报名", "Page": "版次", "Section": "版名", "Edition date": "出版日期", "Notes": "备注",
    "Article's own date": "文章自身日期", "Apply": "应用", "Revert": "还原", "none: the page's date": "无：沿用版面日期",
    "missing": "缺失", "Applies to the pages of %1 selected article(s)": "应用于所选 %1 篇文章所在的版面",
    "Set E&dition of Selected…": "设置所选文章的出版信息(&D)…", "Edition of %1 article(s)": "%1 篇文章的出版信息",
    "Set %1 of %2 article(s)": "设置 %2 篇文章的%1", "All editions (%1)": "全部报纸（%1）",
    "(no paper)": "（无报名）", "(no date)": "（无日期）", "(no page)": "（无版次）", "edition: %1": "出版信息：%1",
    "paper": "报名", "date": "日期", "page": "版次", "section": "版名", "edition": "版别", "notes": "备注",
    "own date": "文章自身日期", "Paper:": "报名：", "Import %1": "导入 %1", "%1 files": "%1 个文件",
    "(from the pages: masthead, file name, folder)": "（取自版面：报头、文件名、文件夹）",
    "Every page of this import is catalogued under this paper; leave it empty to take the paper from each page.":
        "本次导入的每个版面都归入此报纸；留空则从各版面自身识别报名。",
    # Why a value is what it is (the Edition tab; the library stores the English)
    "from the import's paper field": "来自导入时填写的报名", "set by hand": "手工设置", "guessed, unconfirmed": "推测，未确认",
    "from masthead line %1": "来自报头行 %1", "from folio line %1": "来自版头行 %1",
    "from the web page's date line %1": "来自网页的日期行 %1", "from file name %1": "来自文件名 %1",
    "from folder %1": "来自文件夹 %1", "from PDF metadata %1 %2": "来自 PDF 元数据 %1 %2",
    "from PDF page label %1": "来自 PDF 页码标签 %1", "from %1 page %2 of %3": "来自 %1 第 %2 页（共 %3 页）",
    "%2 (on page %1)": "%2（第 %1 页）", "from review %1": "来自审校包 %1",
    "merge conflict #%1: %2": "合并冲突 #%1：%2",
}
# The same English in two places, meaning two things.
ZH_IN = {("ArticlePanel", "Edition"): "出版信息", ("EditionForm", "Edition"): "版别"}


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-ts", str(TS)],
                   check=True, capture_output=True)
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "zh_CN")
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    missing = []
    for context in list(root.findall("context")):
        for message in list(context.findall("message")):
            if context.findtext("name") == "":
                where = Path(message.find("location").get("filename")).name
                name = MODULE_CONTEXT.get(where)
                if name is not None:
                    if name not in contexts:
                        contexts[name] = ET.SubElement(root, "context")
                        ET.SubElement(contexts[name], "name").text = name
                    context.remove(message)
                    contexts[name].append(message)
            source, translation = message.findtext("source"), message.find("translation")
            key = (context.findtext("name") if context.findtext("name") else MODULE_CONTEXT.get(
                Path(message.find("location").get("filename")).name), source)
            if key in ZH_IN or source in ZH:
                translation.text = ZH_IN.get(key, ZH.get(source))
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" and not translation.text:
                missing.append(source)
    for context in root.findall("context"):
        if not context.findall("message"):
            root.remove(context)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True, capture_output=True)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated", *missing[:20], sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())

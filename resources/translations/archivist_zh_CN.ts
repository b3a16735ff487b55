<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>BundleConflictsDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="27" />
      <source>Merge review: conflicts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="36" />
      <source>Take mine (library)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="37" />
      <source>Take theirs (review)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="38" />
      <source>Save edited</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="45" />
      <source>Mine — the library now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="46" />
      <source>Theirs — the review (edit here to combine)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="90" />
      <source>No open conflicts.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="17" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="22" />
      <source>Preparing…</source>
      <translation>准备中…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="47" />
      <source>File %1 of %2</source>
      <translation>第 %1 个文件，共 %2 个</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="55" />
      <source>Cancelling… (the file in progress is rolled back)</source>
      <translation>正在取消…（正在导入的文件将回滚）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="63" />
      <source>Imported: %1 file(s), %2 article(s), %3 flagged as near-duplicates</source>
      <translation>已导入：%1 个文件，%2 篇文章，其中 %3 篇标记为近似重复</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="67" />
      <source>Cancelled: the files not reached were not imported.</source>
      <translation>已取消：尚未处理的文件没有导入。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="68" />
      <source>Skipped (already in the library): %1</source>
      <translation>已跳过（资料库中已有）：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="70" />
      <source>Failed: %1</source>
      <translation>失败：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="76" />
      <source>The import stopped: %1</source>
      <translation>导入中止：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="80" />
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="81" />
      <source>Import finished</source>
      <translation>导入完成</translation>
    </message>
  </context>
  <context>
    <name>LibraryStatusBar</name>
    <message>
      <location filename="../../archivist/gui/widgets/statusbar.py" line="31" />
      <source>No library</source>
      <translation>未打开资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/statusbar.py" line="33" />
      <source>%1 articles · %2 in trash · %3</source>
      <translation>%1 篇文章 · 回收站 %2 篇 · %3</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/statusbar.py" line="36" />
      <source>%1 shown</source>
      <translation>显示 %1 篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/statusbar.py" line="41" />
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="53" />
      <source>Headline</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="53" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="53" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="54" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="54" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="54" />
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="55" />
      <source>Match</source>
      <translation>命中</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="55" />
      <source>new</source>
      <translation>新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="55" />
      <source>reviewed</source>
      <translation>已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="91" />
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="92" />
      <source>Page split</source>
      <translation>版面拆分</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="124" />
      <source>The article view is not installed.</source>
      <translation>文章视图未安装。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="124" />
      <source>The split editor is not installed.</source>
      <translation>拆分编辑器未安装。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="138" />
      <source>Cannot open the library</source>
      <translation>无法打开资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="184" />
      <source>no library</source>
      <translation>无资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="219" />
      <source>Could not do that</source>
      <translation>无法完成此操作</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="323" />
      <source>Import in progress</source>
      <translation>正在导入</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="324" />
      <source>An import is running. Cancel it and quit?</source>
      <translation>导入正在进行。要取消并退出吗？</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/preferences.py" line="12" />
      <source>Preferences</source>
      <translation>首选项</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/preferences.py" line="15" />
      <source>System language</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/preferences.py" line="21" />
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="44" />
      <source>Search (Simplified or Traditional)…</source>
      <translation>搜索（简体或繁体）…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="49" />
      <source>Any status</source>
      <translation>任意状态</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="50" />
      <source>New</source>
      <translation>新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="51" />
      <source>Reviewed</source>
      <translation>已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="62" />
      <source>Tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="62" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="63" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="63" />
      <source>To</source>
      <translation>至</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="81" />
      <source>any</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="98" />
      <source>Any tag</source>
      <translation>任意标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="103" />
      <location filename="../../archivist/gui/widgets/searchbar.py" line="115" />
      <source>Any source</source>
      <translation>任意来源</translation>
    </message>
  </context>
  <context>
    <name>TagSidebar</name>
    <message>
      <location filename="../../archivist/gui/widgets/tagtree.py" line="49" />
      <source>All articles (%1)</source>
      <translation>全部文章 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/tagtree.py" line="52" />
      <source>Trash (%1)</source>
      <translation>回收站 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/tagtree.py" line="137" />
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/tagtree.py" line="138" />
      <source>Merge into…</source>
      <translation>合并到…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/tagtree.py" line="139" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>TrashBar</name>
    <message>
      <location filename="../../archivist/gui/widgets/trashbar.py" line="14" />
      <source>Trash: articles here are out of every list and search until restored.</source>
      <translation>回收站：这里的文章在恢复之前不会出现在列表和搜索中。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/trashbar.py" line="16" />
      <source>Restore selected</source>
      <translation>恢复所选</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/trashbar.py" line="18" />
      <source>Empty trash…</source>
      <translation>清空回收站…</translation>
    </message>
  </context>
  <context>
    <name>actions</name>
    <message>
      <location filename="../../archivist/gui/actions.py" line="45" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="46" />
      <source>&amp;New Library…</source>
      <translation>新建资料库(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="47" />
      <source>&amp;Open Library…</source>
      <translation>打开资料库(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="49" />
      <source>Recent Libraries</source>
      <translation>最近的资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="51" />
      <source>&amp;Import Files…</source>
      <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="52" />
      <source>Import &amp;Folder…</source>
      <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="54" />
      <source>&amp;Preferences…</source>
      <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="56" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="58" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="59" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="63" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="71" />
      <source>&amp;Find</source>
      <translation>查找(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="73" />
      <source>Add &amp;Tag…</source>
      <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="74" />
      <source>Mark &amp;Reviewed</source>
      <translation>标为已审(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="76" />
      <source>Mark &amp;New</source>
      <translation>标为新稿(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="78" />
      <source>Move to &amp;Trash</source>
      <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="79" />
      <source>R&amp;estore from Trash</source>
      <translation>从回收站恢复(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="81" />
      <source>Empty Trash…</source>
      <translation>清空回收站…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="83" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="84" />
      <source>Page &amp;Split Editor</source>
      <translation>版面拆分编辑器(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="85" />
      <source>&amp;All Articles</source>
      <translation>全部文章(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="86" />
      <source>T&amp;rash</source>
      <translation>回收站(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="87" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="88" />
      <source>&amp;About archivist</source>
      <translation>关于 archivist(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="90" />
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="135" />
      <source>Could not do that</source>
      <translation>无法完成此操作</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="148" />
      <source>Add Tag</source>
      <translation>添加标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="148" />
      <source>Tag (use / for levels, e.g. 地区/青岛):</source>
      <translation>标签（用 / 分级，例如 地区/青岛）：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="157" />
      <source>Mark %1 article(s) reviewed</source>
      <translation>将 %1 篇文章标为已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="157" />
      <source>Mark %1 article(s) new</source>
      <translation>将 %1 篇文章标为新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="177" />
      <location filename="../../archivist/gui/actions.py" line="180" />
      <source>Empty Trash</source>
      <translation>清空回收站</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="177" />
      <source>Delete the %1 article(s) in the trash for good? This cannot be undone.</source>
      <translation>永久删除回收站中的 %1 篇文章？此操作无法撤销。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="193" />
      <source>Rename Tag</source>
      <translation>重命名标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="193" />
      <source>New name for “%1”:</source>
      <translation>“%1”的新名称：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="195" />
      <source>Rename tag “%1” to “%2”</source>
      <translation>将标签“%1”重命名为“%2”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="203" />
      <source>Merge Tag</source>
      <translation>合并标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="203" />
      <source>Merge “%1” into:</source>
      <translation>将“%1”合并到：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="205" />
      <source>Merge tag “%1” into “%2”</source>
      <translation>将标签“%1”合并到“%2”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="210" />
      <source>Delete tag “%1”</source>
      <translation>删除标签“%1”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="216" />
      <source>Import Pages</source>
      <translation>导入版面</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="216" />
      <source>Pages (%1)</source>
      <translation>版面文件 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="222" />
      <source>Import a Folder of Pages</source>
      <translation>导入版面文件夹</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="233" />
      <source>Importing %1</source>
      <translation>正在导入 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="266" />
      <source>About archivist</source>
      <translation>关于 archivist</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="267" />
      <source>archivist: import, split, clean, review, tag and search Chinese newspaper pages.</source>
      <translation>archivist：导入、拆分、清理、审校、标注和检索中文报纸版面。</translation>
    </message>
  </context>
  <context>
    <name>libraries</name>
    <message>
      <location filename="../../archivist/gui/dialogs/libraries.py" line="24" />
      <source>Welcome to archivist</source>
      <translation>欢迎使用 archivist</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/libraries.py" line="25" />
      <source>Your library is empty. Import the %1 sample newspaper pages that come with archivist, to see real articles at once?</source>
      <translation>资料库还是空的。要导入 archivist 自带的 %1 个示例报纸版面，马上看到真实文章吗？</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/libraries.py" line="34" />
      <source>New Library — choose an empty folder</source>
      <translation>新建资料库——请选择一个空文件夹</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/libraries.py" line="34" />
      <source>Open Library</source>
      <translation>打开资料库</translation>
    </message>
  </context>
  <context>
    <name>undo</name>
    <message>
      <location filename="../../archivist/gui/undo.py" line="87" />
      <source>Tag %1 article(s) “%2”</source>
      <translation>为 %1 篇文章添加标签“%2”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/undo.py" line="87" />
      <source>Untag %1 article(s) “%2”</source>
      <translation>移除 %1 篇文章的标签“%2”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/undo.py" line="106" />
      <source>Restore %1 article(s)</source>
      <translation>恢复 %1 篇文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/undo.py" line="106" />
      <source>Move %1 article(s) to the trash</source>
      <translation>将 %1 篇文章移到回收站</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/undo.py" line="119" />
      <source>Mark %1 article(s) %2</source>
      <translation>将 %1 篇文章标为 %2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/undo.py" line="176" />
      <source>Import %1 file(s)</source>
      <translation>导入 %1 个文件</translation>
    </message>
  </context>
</TS>
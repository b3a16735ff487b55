<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="174" />
      <source>The library is read-only</source>
      <translation>资料库为只读</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="174" />
      <source>The library was opened read-only.</source>
      <translation>资料库以只读方式打开。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="43" />
      <source>Re-split %1 page(s)</source>
      <translation>重新分稿 %1 个版面</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="86" />
      <location filename="../../archivist/gui/split_actions.py" line="96" />
      <source>Improve Splitting</source>
      <translation>改进分稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="87" />
      <source>No corrected pages yet. Correct a page in the split editor (merge, split, move, change a kind) or a headline or byline in the article editor, then try again.</source>
      <translation>还没有纠正过的版面。请先在分稿编辑器中纠正一个版面（合并、拆分、移动、改类型），或在文章编辑器中改正标题或署名，再试一次。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="97" />
      <source>Learning from %1 corrected page(s)</source>
      <translation>正在从 %1 个纠正过的版面学习</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="102" />
      <source>Improve splitting</source>
      <translation>改进分稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="105" />
      <source>This library now splits pages of %1 with its own model: %2</source>
      <translation>本资料库现在用自己的模型为 %1 的版面分稿：%2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="106" />
      <source>(no paper)</source>
      <translation>（无报名）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="114" />
      <source>Reset to the shipped model</source>
      <translation>恢复内置模型</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="130" />
      <location filename="../../archivist/gui/split_actions.py" line="132" />
      <location filename="../../archivist/gui/split_actions.py" line="149" />
      <source>Re-split Pages</source>
      <translation>重新分稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="130" />
      <source>Select the articles whose pages to re-split.</source>
      <translation>请选择要重新分稿的版面上的文章。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="133" />
      <source>Re-split %1 page(s) with the line model? Pages with articles edited by hand are left alone; the re-split can be undone.</source>
      <translation>用行模型重新分稿 %1 个版面？有人工编辑过的文章的版面保持不动；重新分稿可以撤销。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="140" />
      <source>Re-splitting %1 page(s)</source>
      <translation>正在重新分稿 %1 个版面</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="157" />
      <source>nothing was re-split</source>
      <translation>没有重新分稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="162" />
      <source>Re-split %1 page(s).</source>
      <translation>已重新分稿 %1 个版面。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="163" />
      <source>Page %1 with %2</source>
      <translation>第 %1 个版面，%2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="166" />
      <source>Left alone (articles edited by hand):</source>
      <translation>保持不动（文章经人工编辑）：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="178" />
      <source>&amp;Improve Splitting…</source>
      <translation>改进分稿(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="179" />
      <source>Reset to the &amp;Shipped Model</source>
      <translation>恢复内置模型(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="180" />
      <source>&amp;Re-split Pages…</source>
      <translation>重新分稿(&amp;R)…</translation>
    </message>
  </context>
  <context>
    <name>ArticleEditor</name>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="49" />
      <source>引题 Kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="49" />
      <source>主题 Headline</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="50" />
      <source>副题 Subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="50" />
      <source>电头 Dateline</source>
      <translation>电头</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="51" />
      <source>提要 Deck
(one item a line)</source>
      <translation>提要
（每行一条）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="51" />
      <source>署名 Byline
(one name a line)</source>
      <translation>署名
（每行一人）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="52" />
      <source>图片说明 Captions
(one a line)</source>
      <translation>图片说明
（每行一条）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="52" />
      <source>正文 Body</source>
      <translation>正文</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="73" />
      <source>Paragraphs separated by a blank line; “## ” starts a subhead.</source>
      <translation>段落之间空一行；以“## ”开头的一行是小标题。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="77" />
      <source>Save revision</source>
      <translation>保存修订</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/editor.py" line="84" />
      <source>Discard changes</source>
      <translation>放弃修改</translation>
    </message>
  </context>
  <context>
    <name>ArticlePanel</name>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="73" />
      <source>Read</source>
      <translation>阅读</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="74" />
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="75" />
      <source>Review</source>
      <translation>审校</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="76" />
      <source>History</source>
      <translation>修订历史</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="78" />
      <source>Edition</source>
      <translation>出版信息</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="82" />
      <source>No article selected.</source>
      <translation>未选择文章。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="118" />
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="119" />
      <source>Save changes to “%1”?</source>
      <translation>保存对“%1”的修改吗？</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="143" />
      <source>new</source>
      <translation>新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="143" />
      <source>reviewed</source>
      <translation>已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="145" />
      <source>revision #%1</source>
      <translation>修订 #%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="147" />
      <source>tags: %1</source>
      <translation>标签：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="186" />
      <source>Scan</source>
      <translation>原版扫描</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="207" />
      <source>Undo %1</source>
      <translation>撤销%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="211" />
      <source>kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="211" />
      <source>headline</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="211" />
      <source>subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="212" />
      <source>deck</source>
      <translation>提要</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="212" />
      <source>byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="212" />
      <source>dateline</source>
      <translation>电头</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="213" />
      <source>body</source>
      <translation>正文</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="213" />
      <source>captions</source>
      <translation>图片说明</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="225" />
      <source>%1 and %2</source>
      <translation>%1和%2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="226" />
      <source>%1 parts</source>
      <translation>%1 处</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="235" />
      <source>Edit %1</source>
      <translation>编辑%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="247" />
      <source>Revert fix %1</source>
      <translation>还原修正 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="247" />
      <source>Re-apply fix %1</source>
      <translation>重新应用修正 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="266" />
      <source>Accept all fixes</source>
      <translation>接受全部修正</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="270" />
      <source>Mark reviewed</source>
      <translation>标记为已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/panel.py" line="276" />
      <source>Restore revision #%1</source>
      <translation>恢复修订 #%1</translation>
    </message>
  </context>
  <context>
    <name>BrowseTree</name>
    <message>
      <location filename="../../archivist/gui/widgets/browsetree.py" line="41" />
      <source>All editions (%1)</source>
      <translation>全部报纸（%1）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/browsetree.py" line="70" />
      <source>(no paper)</source>
      <translation>（无报名）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/browsetree.py" line="72" />
      <source>(no date)</source>
      <translation>（无日期）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/browsetree.py" line="74" />
      <source>page %1</source>
      <translation>第 %1 页</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/browsetree.py" line="74" />
      <source>(no page)</source>
      <translation>（无版次）</translation>
    </message>
  </context>
  <context>
    <name>BundleConflictsDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="64" />
      <source>Merge review: conflicts</source>
      <translation>合并审校：冲突</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="73" />
      <source>Take mine (library)</source>
      <translation>采用我的（资料库）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="74" />
      <source>Take theirs (review)</source>
      <translation>采用对方的（审校）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="75" />
      <source>Save edited</source>
      <translation>保存编辑结果</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="83" />
      <source>Mine — the library now</source>
      <translation>我的——资料库当前版本</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="84" />
      <source>Theirs — the review (edit here to combine)</source>
      <translation>对方的——审校版本（可在此编辑以合并两者）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="113" />
      <source>paper</source>
      <translation>报名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="113" />
      <source>date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="113" />
      <source>page</source>
      <translation>版次</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="114" />
      <source>section</source>
      <translation>版名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="114" />
      <source>edition</source>
      <translation>版别</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="114" />
      <source>notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="115" />
      <source>own date</source>
      <translation>文章自身日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="116" />
      <source>edition: %1</source>
      <translation>出版信息：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/bundle_conflicts.py" line="134" />
      <source>No open conflicts.</source>
      <translation>没有未解决的冲突。</translation>
    </message>
  </context>
  <context>
    <name>CheckDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="38" />
      <source>Check Library</source>
      <translation>检查资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="44" />
      <source>Checking every page and index of the library…</source>
      <translation>正在检查资料库的每一页和每个索引…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="51" />
      <source>Recover into a New Folder…</source>
      <translation>恢复到新文件夹…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="53" />
      <source>Restore Latest Backup into a New Folder…</source>
      <translation>将最新备份还原到新文件夹…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="55" />
      <source>Open the New Library</source>
      <translation>打开新资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="68" />
      <source>Checking the library</source>
      <translation>正在检查资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="71" />
      <source>Checking every page and index of the library… (%1 s)</source>
      <translation>正在检查资料库的每一页和每个索引…（%1 秒）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="83" />
      <source>The library is sound: SQLite's integrity check found nothing wrong.</source>
      <translation>资料库完好：SQLite 完整性检查未发现问题。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="85" />
      <source>The library is damaged. It stays open read-only; copy what can be read into a new folder, or start again from the latest backup there.</source>
      <translation>资料库已损坏，仍以只读方式打开；可将能读出的内容复制到新文件夹，或从其中的最新备份重新开始。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="88" />
      <source>Backup: %1</source>
      <translation>备份：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="98" />
      <source>Cancelled: nothing is known of the damage.</source>
      <translation>已取消：损坏情况未知。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="99" />
      <source>That could not be done: %1</source>
      <translation>无法完成：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="118" />
      <source>An empty folder for the new library</source>
      <translation>为新资料库选择一个空文件夹</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="126" />
      <source>Restored %1 into %2; what changed after it is not there.</source>
      <translation>已将 %1 还原到 %2；此后的更改不在其中。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="129" />
      <source>Copied what could be read into %1 (%2).</source>
      <translation>已将能读出的内容复制到 %1（%2）。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/check_dialog.py" line="134" />
      <source>Recovering the library</source>
      <translation>正在恢复资料库</translation>
    </message>
  </context>
  <context>
    <name>DamageBar</name>
    <message>
      <location filename="../../archivist/gui/widgets/damagebar.py" line="20" />
      <source>Check Library…</source>
      <translation>检查资料库…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/damagebar.py" line="30" />
      <source>This library is damaged and was opened read-only: nothing can be changed in it.</source>
      <translation>此资料库已损坏，已以只读方式打开：其中的内容无法更改。</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../archivist/gui/widgets/datefield.py" line="35" />
      <source>any</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/datefield.py" line="45" />
      <source>Pick a date</source>
      <translation>选择日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/datefield.py" line="90" />
      <source>Not a date: type 2024-11-01, 2024/11/1 or 20241101</source>
      <translation>不是日期：请输入 2024-11-01、2024/11/1 或 20241101</translation>
    </message>
  </context>
  <context>
    <name>EditionForm</name>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="33" />
      <source>Paper</source>
      <translation>报名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="33" />
      <source>Edition date</source>
      <translation>出版日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="33" />
      <source>Page</source>
      <translation>版次</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="34" />
      <source>Section</source>
      <translation>版名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="34" />
      <source>Edition</source>
      <translation>版别</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="34" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="35" />
      <source>Article's own date</source>
      <translation>文章自身日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="54" />
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="57" />
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="78" />
      <source>none: the page's date</source>
      <translation>无：沿用版面日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="82" />
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="89" />
      <source>from the import's paper field</source>
      <translation>来自导入时填写的报名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="90" />
      <source>set by hand</source>
      <translation>手工设置</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="90" />
      <source>guessed, unconfirmed</source>
      <translation>推测，未确认</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="94" />
      <source>%2 (on page %1)</source>
      <translation>%2（第 %1 页）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="95" />
      <source>from PDF metadata %1 %2</source>
      <translation>来自 PDF 元数据 %1 %2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="96" />
      <source>from %1 page %2 of %3</source>
      <translation>来自 %1 第 %2 页（共 %3 页）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="96" />
      <source>from review %1</source>
      <translation>来自审校包 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="97" />
      <source>merge conflict #%1: %2</source>
      <translation>合并冲突 #%1：%2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="101" />
      <source>from masthead line %1</source>
      <translation>来自报头行 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="101" />
      <source>from folio line %1</source>
      <translation>来自版头行 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="102" />
      <source>from the web page's date line %1</source>
      <translation>来自网页的日期行 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="103" />
      <source>from file name %1</source>
      <translation>来自文件名 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="103" />
      <source>from folder %1</source>
      <translation>来自文件夹 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="104" />
      <source>from PDF page label %1</source>
      <translation>来自 PDF 页码标签 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/editionform.py" line="130" />
      <source>Applies to the pages of %1 selected article(s)</source>
      <translation>应用于所选 %1 篇文章所在的版面</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="18" />
      <source>Export Review</source>
      <translation>导出审校包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="18" />
      <source>Export Bundle</source>
      <translation>导出资料包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="23" />
      <source>Changed in this review (%1)</source>
      <translation>本次审校改动的文章 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="24" />
      <source>Selected articles (%1)</source>
      <translation>所选文章 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="25" />
      <source>Articles shown (%1)</source>
      <translation>当前显示的文章 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="26" />
      <source>Whole library (%1)</source>
      <translation>整个资料库 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="38" />
      <source>Review bundle for merging back (.zip)</source>
      <translation>供合并回去的审校包 (.zip)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="38" />
      <source>Bundle (.zip)</source>
      <translation>资料包 (.zip)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="39" />
      <source>Markdown folder</source>
      <translation>Markdown 文件夹</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="40" />
      <source>JSON Lines (.jsonl)</source>
      <translation>JSON Lines (.jsonl)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="40" />
      <source>CSV of metadata (.csv)</source>
      <translation>元数据 CSV (.csv)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="42" />
      <source>Include the original files</source>
      <translation>包含原始文件</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="48" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="52" />
      <source>Articles:</source>
      <translation>文章：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/export_dialog.py" line="53" />
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/help.py" line="52" />
      <source>archivist User Guide</source>
      <translation>archivist 用户指南</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="98" />
      <source>Side by side</source>
      <translation>并排对照</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="99" />
      <source>Inline</source>
      <translation>行内对照</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="105" />
      <source>Restore this revision</source>
      <translation>恢复此修订</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="108" />
      <source>Compare</source>
      <translation>比较</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="108" />
      <source>with</source>
      <translation>与</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="151" />
      <source>Page split by %1</source>
      <translation>版面分稿：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/history.py" line="160" />
      <source>(current)</source>
      <translation>（当前）</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="19" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="24" />
      <source>Preparing…</source>
      <translation>准备中…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="55" />
      <source>File %1 of %2</source>
      <translation>第 %1 个文件，共 %2 个</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="63" />
      <source>Cancelling… (the file in progress is rolled back)</source>
      <translation>正在取消…（正在导入的文件将回滚）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="71" />
      <source>Imported: %1 file(s), %2 article(s), %3 flagged as near-duplicates</source>
      <translation>已导入：%1 个文件，%2 篇文章，其中 %3 篇标记为近似重复</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="75" />
      <source>Cancelled: the files not reached were not imported.</source>
      <translation>已取消：尚未处理的文件没有导入。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="76" />
      <source>Skipped (already in the library): %1</source>
      <translation>已跳过（资料库中已有）：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="79" />
      <source>… and %1 more</source>
      <translation>……另有 %1 个</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="80" />
      <source>Failed: %1</source>
      <translation>失败：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="86" />
      <source>The import stopped: %1</source>
      <translation>导入中止：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="90" />
      <location filename="../../archivist/gui/dialogs/importdialog.py" line="91" />
      <source>Import finished</source>
      <translation>导入完成</translation>
    </message>
  </context>
  <context>
    <name>ImportOptionsDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/import_options.py" line="15" />
      <location filename="../../archivist/gui/dialogs/import_options.py" line="31" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/import_options.py" line="23" />
      <source>(from the pages: masthead, file name, folder)</source>
      <translation>（取自版面：报头、文件名、文件夹）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/import_options.py" line="25" />
      <source>Every page of this import is catalogued under this paper; leave it empty to take the paper from each page.</source>
      <translation>本次导入的每个版面都归入此报纸；留空则从各版面自身识别报名。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/import_options.py" line="29" />
      <source>Paper:</source>
      <translation>报名：</translation>
    </message>
  </context>
  <context>
    <name>JobDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/job_dialog.py" line="28" />
      <source>%1 of %2</source>
      <translation>第 %1 项，共 %2 项</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/job_dialog.py" line="34" />
      <source>Cancelling… (nothing half-done is kept)</source>
      <translation>正在取消…（不会留下做了一半的结果）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/job_dialog.py" line="46" />
      <source>Cancelled: %1</source>
      <translation>已取消：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/job_dialog.py" line="55" />
      <source>Done</source>
      <translation>完成</translation>
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
      <location filename="../../archivist/gui/widgets/statusbar.py" line="38" />
      <source>Read-only: the library is damaged</source>
      <translation>只读：资料库已损坏</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/statusbar.py" line="43" />
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="68" />
      <source>Headline</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="68" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="68" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="69" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="69" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="69" />
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="70" />
      <source>Match</source>
      <translation>命中</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="70" />
      <source>Paper</source>
      <translation>报名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="70" />
      <source>Page</source>
      <translation>版次</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="71" />
      <source>Section</source>
      <translation>版名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="72" />
      <source>new</source>
      <translation>新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="72" />
      <source>reviewed</source>
      <translation>已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="73" />
      <source>%1 copies</source>
      <translation>%1 份副本</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="73" />
      <source>original</source>
      <translation>原稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="110" />
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="111" />
      <source>Page split</source>
      <translation>版面拆分</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="150" />
      <source>The article view is not installed.</source>
      <translation>文章视图未安装。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="150" />
      <source>The split editor is not installed.</source>
      <translation>拆分编辑器未安装。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="166" />
      <source>Opening stopped</source>
      <translation>已停止打开</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="167" />
      <source>The search index was being updated; it goes on from where it stopped the next time this library is opened.</source>
      <translation>正在更新搜索索引；下次打开这个资料库时会从停下的地方继续。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="171" />
      <source>Cannot open the library</source>
      <translation>无法打开资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="225" />
      <source>no library</source>
      <translation>无资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="227" />
      <source> (damaged, read-only)</source>
      <translation>（已损坏，只读）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="273" />
      <source>Could not do that</source>
      <translation>无法完成此操作</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="379" />
      <source>A job is running</source>
      <translation>任务正在进行</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/mainwindow.py" line="380" />
      <source>%1 is running. Cancel it and quit?</source>
      <translation>“%1”正在进行。要取消并退出吗？</translation>
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
    <name>ReviewView</name>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="53" />
      <source>As split, before cleaning</source>
      <translation>拆分后、清理前</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="53" />
      <source>Cleaned (current)</source>
      <translation>清理后（当前）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="63" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="63" />
      <source>Before → after</source>
      <translation>修正前 → 修正后</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="63" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="63" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="74" />
      <source>Revert fix</source>
      <translation>还原修正</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="77" />
      <source>Re-apply fix</source>
      <translation>重新应用修正</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="80" />
      <source>Accept all</source>
      <translation>全部接受</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="81" />
      <source>Keep every automatic fix (re-apply the reverted ones) and mark the article reviewed</source>
      <translation>保留全部自动修正（重新应用已还原的修正），并将文章标记为已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="83" />
      <source>Mark reviewed</source>
      <translation>标记为已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="84" />
      <source>Mark the article reviewed, keeping the fixes as they are now</source>
      <translation>将文章标记为已审，修正保持现状</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="118" />
      <source>reverted</source>
      <translation>已还原</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="118" />
      <source>applied</source>
      <translation>已应用</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="131" />
      <source>new</source>
      <translation>新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="131" />
      <source>reviewed</source>
      <translation>已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/review.py" line="132" />
      <source>%1 fixes, %2 applied · status: %3</source>
      <translation>%1 处修正，已应用 %2 处 · 状态：%3</translation>
    </message>
  </context>
  <context>
    <name>ScanView</name>
    <message>
      <location filename="../../archivist/gui/article/scan_view.py" line="105" />
      <source>(not found)</source>
      <translation>（未找到）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/scan_view.py" line="114" />
      <source>page %1</source>
      <translation>第 %1 页</translation>
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
      <location filename="../../archivist/gui/widgets/searchbar.py" line="71" />
      <source>Tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="71" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="72" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="72" />
      <source>To</source>
      <translation>至</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="101" />
      <source>Any tag</source>
      <translation>任意标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/widgets/searchbar.py" line="106" />
      <location filename="../../archivist/gui/widgets/searchbar.py" line="118" />
      <source>Any source</source>
      <translation>任意来源</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../archivist/gui/dialogs/help.py" line="64" />
      <source>Keyboard Shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/help.py" line="67" />
      <source>Keys</source>
      <translation>按键</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/dialogs/help.py" line="67" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
  </context>
  <context>
    <name>SplitEditor</name>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="40" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="40" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="46" />
      <source>Merge with next</source>
      <translation>与下一篇合并</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="47" />
      <source>Append the next article to this one (its headline becomes a subhead)</source>
      <translation>把下一篇文章接在这篇后面（其主题变为小标题）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="50" />
      <source>Split here</source>
      <translation>从此处拆分</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="51" />
      <source>This paragraph and those after it become a new article</source>
      <translation>本段及其后各段成为一篇新文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="53" />
      <source>Move to previous article</source>
      <translation>移到上一篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="55" />
      <source>Move to next article</source>
      <translation>移到下一篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="61" />
      <source>Change kind</source>
      <translation>更改类型</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="93" />
      <source>%1 articles</source>
      <translation>%1 篇文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="96" />
      <source>Article %1</source>
      <translation>第 %1 篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="159" />
      <source>Merge articles %1 and %2</source>
      <translation>合并第 %1 篇和第 %2 篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="166" />
      <source>Split article %1 at paragraph %2</source>
      <translation>在第 %2 段拆分第 %1 篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="179" />
      <source>Move paragraph to the previous article</source>
      <translation>把段落移到上一篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="180" />
      <source>Move paragraph to the next article</source>
      <translation>把段落移到下一篇</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="194" />
      <source>Change %1 to %2</source>
      <translation>把%1改为%2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/split_editor.py" line="225" />
      <source>Undo %1</source>
      <translation>撤销%1</translation>
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
      <location filename="../../archivist/gui/edition_actions.py" line="89" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/split_actions.py" line="174" />
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="55" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="56" />
      <source>&amp;New Library…</source>
      <translation>新建资料库(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="57" />
      <source>&amp;Open Library…</source>
      <translation>打开资料库(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="59" />
      <source>Recent Libraries</source>
      <translation>最近的资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="61" />
      <source>&amp;Import Files…</source>
      <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="62" />
      <source>Import &amp;Folder…</source>
      <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="65" />
      <source>&amp;Preferences…</source>
      <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="67" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="69" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="70" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="74" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="82" />
      <source>&amp;Find</source>
      <translation>查找(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="84" />
      <source>Add &amp;Tag…</source>
      <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="85" />
      <source>Mar&amp;k Reviewed</source>
      <translation>标为已审(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="87" />
      <source>Mark &amp;New</source>
      <translation>标为新稿(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="89" />
      <source>&amp;Move to Trash</source>
      <translation>移到回收站(&amp;M)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="90" />
      <source>R&amp;estore from Trash</source>
      <translation>从回收站恢复(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="92" />
      <source>Empty Trash…</source>
      <translation>清空回收站…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="95" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="96" />
      <source>Page &amp;Split Editor</source>
      <translation>版面拆分编辑器(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="97" />
      <source>&amp;All Articles</source>
      <translation>全部文章(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="98" />
      <source>T&amp;rash</source>
      <translation>回收站(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="100" />
      <source>&amp;Group Near-Duplicates</source>
      <translation>合并近似重复(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="104" />
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="105" />
      <source>&amp;Check Library…</source>
      <translation>检查资料库(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="107" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="108" />
      <source>&amp;User Guide</source>
      <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="109" />
      <source>&amp;Keyboard Shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="112" />
      <source>&amp;About archivist</source>
      <translation>关于 archivist(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="114" />
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="165" />
      <source>Could not do that</source>
      <translation>无法完成此操作</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="178" />
      <source>Add Tag</source>
      <translation>添加标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="178" />
      <source>Tag (use / for levels, e.g. 地区/青岛):</source>
      <translation>标签（用 / 分级，例如 地区/青岛）：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="187" />
      <source>Mark %1 article(s) reviewed</source>
      <translation>将 %1 篇文章标为已审</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="187" />
      <source>Mark %1 article(s) new</source>
      <translation>将 %1 篇文章标为新稿</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="212" />
      <location filename="../../archivist/gui/actions.py" line="215" />
      <source>Empty Trash</source>
      <translation>清空回收站</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="212" />
      <source>Delete the %1 article(s) in the trash for good? This cannot be undone.</source>
      <translation>永久删除回收站中的 %1 篇文章？此操作无法撤销。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="228" />
      <source>Rename Tag</source>
      <translation>重命名标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="228" />
      <source>New name for “%1”:</source>
      <translation>“%1”的新名称：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="230" />
      <source>Rename tag “%1” to “%2”</source>
      <translation>将标签“%1”重命名为“%2”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="238" />
      <source>Merge Tag</source>
      <translation>合并标签</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="238" />
      <source>Merge “%1” into:</source>
      <translation>将“%1”合并到：</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="240" />
      <source>Merge tag “%1” into “%2”</source>
      <translation>将标签“%1”合并到“%2”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="245" />
      <source>Delete tag “%1”</source>
      <translation>删除标签“%1”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="251" />
      <source>Import Pages</source>
      <translation>导入版面</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="251" />
      <source>Pages (%1)</source>
      <translation>版面文件 (%1)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="257" />
      <source>Import a Folder of Pages</source>
      <translation>导入版面文件夹</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="266" />
      <source>Import %1</source>
      <translation>导入 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="266" />
      <source>%1 files</source>
      <translation>%1 个文件</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="280" />
      <source>Importing %1</source>
      <translation>正在导入 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="329" />
      <source>archivist: import, split, clean, review, tag and search Chinese newspaper pages.</source>
      <translation>archivist：导入、拆分、清理、审校、标注和检索中文报纸版面。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/actions.py" line="344" />
      <source>About archivist</source>
      <translation>关于 archivist</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <location filename="../../archivist/gui/article/commands.py" line="30" />
      <source>Redoing “%1” failed: %2</source>
      <translation>重做“%1”失败：%2</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/commands.py" line="33" />
      <source>Undoing “%1” failed: %2</source>
      <translation>撤销“%1”失败：%2</translation>
    </message>
  </context>
  <context>
    <name>render</name>
    <message>
      <location filename="../../archivist/gui/article/render.py" line="109" />
      <source>(untitled)</source>
      <translation>（无标题）</translation>
    </message>
  </context>
  <context>
    <name>reasons</name>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="19" />
      <source>same as the paragraph “%1”</source>
      <translation>与段落“%1”相同</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="20" />
      <source>contained in “%1”</source>
      <translation>已包含在“%1”中</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="21" />
      <source>nearly the same as “%1”</source>
      <translation>与“%1”几乎相同</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="22" />
      <source>English '%1' between Chinese words</source>
      <translation>中文词语之间的英文“%1”</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="23" />
      <source>space inside the name %1</source>
      <translation>姓名“%1”中间的空格</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="25" />
      <source>every sentence of it stands in other paragraphs</source>
      <translation>每一句都已出现在其他段落中</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="26" />
      <source>sentence also in another paragraph</source>
      <translation>这句话也出现在另一段中</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="27" />
      <source>repeated at a column break</source>
      <translation>在分栏处重复</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="28" />
      <source>paragraph broken mid-sentence</source>
      <translation>段落在句中被断开</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="29" />
      <source>half-width mark in Chinese text</source>
      <translation>中文里的半角标点</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="30" />
      <source>half-width parenthesis in Chinese text</source>
      <translation>中文里的半角括号</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/article/reasons.py" line="37" />
      <source>%1 (in text brought back by reverting fix #%2)</source>
      <translation>%1（还原修正 #%2 时恢复的文字）</translation>
    </message>
  </context>
  <context>
    <name>bundle_actions</name>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="34" />
      <location filename="../../archivist/gui/bundle_actions.py" line="54" />
      <source>&amp;Export Bundle…</source>
      <translation>导出资料包(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="35" />
      <source>Open &amp;Bundle…</source>
      <translation>打开资料包(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="36" />
      <source>&amp;Merge Review…</source>
      <translation>合并审校(&amp;M)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="41" />
      <source>Resolve &amp;Conflicts…</source>
      <translation>解决冲突(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="54" />
      <source>&amp;Export Review…</source>
      <translation>导出审校包(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="58" />
      <source>archivist — review of %1</source>
      <translation>archivist — 审校：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="73" />
      <location filename="../../archivist/gui/split_actions.py" line="62" />
      <source>Please wait</source>
      <translation>请稍候</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="73" />
      <location filename="../../archivist/gui/split_actions.py" line="62" />
      <source>Another job is running: %1</source>
      <translation>另一项任务正在进行：%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="124" />
      <location filename="../../archivist/gui/bundle_actions.py" line="190" />
      <location filename="../../archivist/gui/bundle_actions.py" line="214" />
      <source>Bundles (*.zip)</source>
      <translation>资料包 (*.zip)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="124" />
      <source>JSON Lines (*.jsonl)</source>
      <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="125" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="126" />
      <location filename="../../archivist/gui/bundle_actions.py" line="149" />
      <source>Export Review</source>
      <translation>导出审校包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="126" />
      <location filename="../../archivist/gui/bundle_actions.py" line="149" />
      <source>Export Bundle</source>
      <translation>导出资料包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="128" />
      <source>Name of the new folder for the Markdown files</source>
      <translation>存放 Markdown 文件的新文件夹名称</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="150" />
      <source>Exporting to %1</source>
      <translation>正在导出到 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="156" />
      <source>review bundle</source>
      <translation>审校包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="156" />
      <source>bundle</source>
      <translation>资料包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="157" />
      <source>Wrote %1 (%2): %3 article(s), %4 original file(s), %5 KB</source>
      <translation>已写入 %1（%2）：%3 篇文章，%4 个原始文件，%5 KB</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="161" />
      <source>Left out %1 article(s) made during the review (no desk version to merge onto).</source>
      <translation>未包含审校期间新建的 %1 篇文章（编辑部资料库中没有可合并的版本）。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="164" />
      <source>Wrote %1: %2 article(s)</source>
      <translation>已写入 %1：%2 篇文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="190" />
      <location filename="../../archivist/gui/bundle_actions.py" line="200" />
      <source>Open Bundle</source>
      <translation>打开资料包</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="198" />
      <source>Opening %1</source>
      <translation>正在打开 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="214" />
      <location filename="../../archivist/gui/bundle_actions.py" line="219" />
      <location filename="../../archivist/gui/bundle_actions.py" line="238" />
      <source>Merge Review</source>
      <translation>合并审校</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="220" />
      <source>Merging clears the undo history (%1 step(s)): what the merge changes is in each article's History instead. Merge now?</source>
      <translation>合并会清空撤销记录（%1 步）：合并带来的改动记在每篇文章的修订历史中。现在合并吗？</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="229" />
      <source>%1 is a desk export, not a review: nothing was merged. Open it with File → Open Bundle…, review it there, then merge the review it exports.</source>
      <translation>%1 是编辑部导出的资料包，不是审校结果：未合并任何内容。请用 文件 → 打开资料包… 打开并审校，再合并审校导出的资料包。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="236" />
      <source>Merging %1</source>
      <translation>正在合并 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="261" />
      <source>%1 open conflict(s): compare, then take one side or save an edited version.</source>
      <translation>%1 个未解决的冲突：比较后选用一方，或保存编辑后的版本。</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="283" />
      <source>Resolve conflict %1</source>
      <translation>解决冲突 %1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/bundle_actions.py" line="285" />
      <source>Could not resolve the conflict</source>
      <translation>无法解决冲突</translation>
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
      <location filename="../../archivist/gui/edition_actions.py" line="15" />
      <source>paper</source>
      <translation>报名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="15" />
      <source>date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="15" />
      <source>page</source>
      <translation>版次</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="15" />
      <source>section</source>
      <translation>版名</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="16" />
      <source>edition</source>
      <translation>版别</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="16" />
      <source>notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="16" />
      <source>own date</source>
      <translation>文章自身日期</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="26" />
      <source>Set %1 of %2 article(s)</source>
      <translation>设置 %2 篇文章的%1</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="66" />
      <source>Edition of %1 article(s)</source>
      <translation>%1 篇文章的出版信息</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/edition_actions.py" line="91" />
      <source>Set E&amp;dition of Selected…</source>
      <translation>设置所选文章的出版信息(&amp;D)…</translation>
    </message>
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
  <context>
    <name>opening</name>
    <message>
      <location filename="../../archivist/gui/opening.py" line="36" />
      <source>%1 min</source>
      <translation>%1 分钟</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="37" />
      <source>%1 h %2 min</source>
      <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="44" />
      <source>Opening the library…</source>
      <translation>正在打开资料库…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="46" />
      <source>Opening the library</source>
      <translation>打开资料库</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="61" />
      <source>Stop (goes on next time)</source>
      <translation>停止（下次继续）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="68" />
      <source>Updating the search index for this version of archivist…</source>
      <translation>正在为此版本的 archivist 更新检索索引…</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="69" />
      <source>%1 of %2 articles</source>
      <translation>%1 / %2 篇文章</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="72" />
      <source>(about %1 left)</source>
      <translation>（约剩 %1）</translation>
    </message>
    <message>
      <location filename="../../archivist/gui/opening.py" line="74" />
      <source>Stopping after this batch…</source>
      <translation>完成这一批后停止…</translation>
    </message>
  </context>
</TS>
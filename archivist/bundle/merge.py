"""Merge a bundle back into the library it came from (three-way, by content hash).

For each article: base = the library's revision the bundle started from, mine = the
library's current article, theirs = the bundle's article.

  theirs == base                      → unchanged in the review: nothing
  theirs == mine, or theirs is one of
  the article's revisions after base  → already in the library (merged before): nothing
  mine == base                        → a new revision with theirs
  otherwise                           → a conflict, recorded with both versions
                                        (lib.conflicts / lib.resolve_conflict); nothing
                                        is overwritten
Tags merge as sets, three-way: tags the review added are added, tags it removed are
removed, tags added on the desk meanwhile stay. Status (new/reviewed) follows the review
if the desk did not change it. The edition (paper, date, page, section, edition, notes,
own date) merges field by field the same way (edition_merge); a field both changed is an
edition conflict, one per page for the page's fields. The whole bundle is planned first (reads only), then
applied in one transaction: merging the same bundle again changes nothing.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from archivist.bundle import edition_merge
from archivist.bundle.reader import Bundle, read_bundle
from archivist.errors import BundleError
from archivist.store import Library
from archivist.store.review import article_sha256


@dataclass
class MergeReport:
    bundle: str
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    already_merged: list[int] = field(default_factory=list)
    conflicts: list[int] = field(default_factory=list)          # article ids with a new conflict
    open_conflicts: list[int] = field(default_factory=list)     # conflicts from an earlier merge, still open
    resolved_before: list[int] = field(default_factory=list)
    tags_changed: list[int] = field(default_factory=list)
    status_changed: list[int] = field(default_factory=list)
    edition_changed: list[int] = field(default_factory=list)     # edition fields taken from the review
    edition_conflicts: list[int] = field(default_factory=list)   # article ids with a new edition conflict
    missing: list[int] = field(default_factory=list)             # no longer in the library (purged)
    conflict_ids: list[int] = field(default_factory=list)

    @property
    def has_conflicts(self) -> bool:
        return bool(self.conflicts or self.open_conflicts or self.edition_conflicts)

    def changed_nothing(self) -> bool:
        return not (self.updated or self.conflicts or self.tags_changed or self.status_changed
                    or self.edition_changed or self.edition_conflicts)

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        def ids(xs):
            shown = ", ".join(f"#{i}" for i in xs[:20])
            return shown + (f" … (+{len(xs) - 20})" if len(xs) > 20 else "")

        out = [f"merged {self.bundle}:"]
        for label, xs in (("updated (new revision)", self.updated), ("conflict (both changed)", self.conflicts),
                          ("conflict still open", self.open_conflicts), ("tags changed", self.tags_changed),
                          ("status changed", self.status_changed), ("edition changed", self.edition_changed),
                          ("edition conflict (both changed)", self.edition_conflicts),
                          ("missing from the library", self.missing)):
            if xs:
                out.append(f"  {label}: {len(xs)}  {ids(xs)}")
        # Text unchanged but tags or status changed is a change: counted above, not here.
        untouched = (set(self.unchanged) - set(self.tags_changed) - set(self.status_changed)
                     - set(self.edition_changed) - set(self.edition_conflicts))
        out.append(f"  unchanged: {len(untouched)}; already merged: {len(self.already_merged)}"
                   f"; conflicts resolved earlier: {len(self.resolved_before)}")
        if self.has_conflicts:
            out.append("  resolve conflicts in the app (Edit → Resolve Conflicts…) — nothing was overwritten")
        return out


@dataclass
class _Step:
    article_id: int
    action: str                      # update / conflict / none
    theirs: dict | None = None
    theirs_sha256: str = ""
    base_revision_id: int = 0
    mine_revision_id: int = 0
    tags: list[str] | None = None    # new tag set, when it changes
    status: str | None = None        # new status, when it changes
    edition: dict | None = None      # edition fields to take from the review
    edition_clash: dict | None = None  # {field: {"base", "mine", "theirs"}}: a new edition conflict


def _merged_tags(base: list[str], theirs: list[str], mine: list[str]) -> list[str]:
    base_s, theirs_s = set(base), set(theirs)
    return sorted((set(mine) | (theirs_s - base_s)) - (base_s - theirs_s))


def _refuse(bundle: Bundle, why: str) -> BundleError:
    return BundleError(f"{bundle.path.name}: bundle refused, nothing changed: {why}")


def plan(lib: Library, bundle: Bundle, report: MergeReport) -> list[_Step]:
    known = {(c["article_id"], c["theirs_sha256"]): c
             for c in lib.conflicts(include_resolved=True)}
    for c in list(known.values()):  # an edition conflict over page fields stands for its whole page
        if c["edition"] and "own_date" not in c["edition"]:
            page_id = lib.edition_of(c["article_id"])["page_id"]
            known.setdefault(("page", page_id, c["theirs_sha256"]), c)
    pages: set = set()
    steps = []
    for article_id in sorted(bundle.articles):
        record, entry = bundle.articles[article_id], bundle.entries[article_id]
        state = lib.current_state(article_id)
        base = lib.revision_article(article_id, entry["base_revision_id"]) if state else None
        # Ids that do not fit this library refuse the whole bundle: merging the rest would
        # be a partial merge of a bundle that is not what it claims.
        if state is None:
            raise _refuse(bundle, f"article #{article_id} is not in this library")
        if base is None:
            raise _refuse(bundle, f"article #{article_id}'s base revision #{entry['base_revision_id']}"
                                  " is not one of its revisions in this library")
        base_sha = article_sha256(base)
        if base_sha != entry["base_content_sha256"]:
            raise BundleError(f"{bundle.path.name}: bundle refused, nothing changed: article #{article_id}'s base "
                              f"revision #{entry['base_revision_id']} differs from this library's")
        step = _Step(article_id, "none", base_revision_id=entry["base_revision_id"],
                     mine_revision_id=state["revision_id"])
        theirs_sha, mine_sha = entry["content_sha256"], article_sha256(state["article"])
        if theirs_sha == base_sha:
            report.unchanged.append(article_id)
        elif theirs_sha == mine_sha or theirs_sha in lib.revision_hashes_after(article_id, entry["base_revision_id"]):
            report.already_merged.append(article_id)
        elif (article_id, theirs_sha) in known:
            c = known[(article_id, theirs_sha)]
            (report.resolved_before if c["resolved_at"] else report.open_conflicts).append(article_id)
            if not c["resolved_at"]:
                report.conflict_ids.append(c["id"])
        elif mine_sha == base_sha:
            step.action, step.theirs = "update", record["article"]
            report.updated.append(article_id)
        else:
            step.action, step.theirs, step.theirs_sha256 = "conflict", record["article"], theirs_sha
            report.conflicts.append(article_id)
        tags = _merged_tags(entry["base_tags"], record["tags"], state["tags"])
        if tags != sorted(state["tags"]):
            step.tags = tags
            report.tags_changed.append(article_id)
        status, base_status = record.get("status"), entry.get("base_status")
        if status in ("new", "reviewed") and status != base_status and state["status"] == base_status:
            step.status = status
            report.status_changed.append(article_id)
        _plan_edition(lib, step, entry.get("base_edition"), record.get("edition"), known, report, pages)
        steps.append(step)
    return steps


def _plan_edition(lib: Library, step: _Step, base, theirs, known: dict, report: MergeReport, pages: set) -> None:
    """`pages`: (page record, conflict key) already in conflict in this merge: the articles
    of one page share its paper, date, page and section, so one conflict stands for all."""
    mine = lib.edition_of(step.article_id) if base else None
    take, clash = edition_merge.three_way(base, theirs, mine)
    if take:
        step.edition = take
        report.edition_changed.append(step.article_id)
    if clash:
        key = edition_merge.conflict_sha256(clash)
        if "own_date" not in clash and mine["page_id"] is not None:
            if (mine["page_id"], key) in pages:
                return
            pages.add((mine["page_id"], key))
        c = known.get((step.article_id, key)) or known.get(("page", mine["page_id"], key))
        if c is None:
            step.edition_clash = clash
            report.edition_conflicts.append(step.article_id)
        elif not c["resolved_at"]:
            report.open_conflicts.append(step.article_id)
            report.conflict_ids.append(c["id"])
        else:
            report.resolved_before.append(step.article_id)


def merge_bundle(lib: Library, bundle, limits=None, author: str = "review") -> MergeReport:
    """Merge a bundle (path or read Bundle) into `lib`; returns what happened."""
    if not isinstance(bundle, Bundle):
        bundle = read_bundle(bundle, limits)
    if bundle.base_library_id != lib.library_id:
        raise BundleError(f"{bundle.path.name}: bundle refused, nothing changed: it was made from library "
                          f"{bundle.base_library_id}, not this one ({lib.library_id})")
    report = MergeReport(bundle.path.name)
    steps = plan(lib, bundle, report)
    note = f"merged review {bundle.path.name} ({bundle.sha256[:12]})"
    with lib.transaction():
        for step in steps:
            if step.action == "update":
                lib.save_article(step.article_id, step.theirs, author=author, note=note)
            elif step.action == "conflict":
                conflict_id, _ = lib.add_conflict(step.article_id, bundle.manifest["library_id"],
                                                  step.base_revision_id, step.mine_revision_id, step.theirs,
                                                  step.theirs_sha256)
                report.conflict_ids.append(conflict_id)
            if step.tags is not None:
                lib.set_tags(step.article_id, step.tags)
            if step.status is not None:
                lib.set_status([step.article_id], step.status)
            if step.edition:
                lib.set_edition([step.article_id], step.edition, reason=f"from review {bundle.path.name}")
            if step.edition_clash:
                state = lib.current_state(step.article_id)
                conflict_id, _ = lib.add_conflict(step.article_id, bundle.manifest["library_id"],
                                                  step.base_revision_id, state["revision_id"], state["article"],
                                                  edition_merge.conflict_sha256(step.edition_clash),
                                                  edition=step.edition_clash)
                report.conflict_ids.append(conflict_id)
    return report

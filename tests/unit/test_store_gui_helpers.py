"""Store additions the GUI uses: tag_members (undo of tag rename/merge/delete), hits_for, source_list."""
from archivist.store import ArticleFilter, Library
from tests.conftest import SAMPLES


def test_tag_members_lists_the_subtree_with_trashed_articles(tmp_path):
    with Library.open(tmp_path, create=True) as lib:
        lib.import_paths([SAMPLES])
        ids = lib.list_ids()
        lib.tag(ids[:2], "地区/青岛")
        lib.tag(ids[2], "地区")
        lib.tag(ids[3], "地区甲")  # same prefix, not under it
        lib.trash(ids[0])
        assert lib.tag_members("地区") == {"地区": [ids[2]], "地区/青岛": sorted(ids[:2])}


def test_hits_for_and_source_list(tmp_path):
    with Library.open(tmp_path, create=True) as lib:
        lib.import_paths([SAMPLES])
        ids = lib.list_ids(ArticleFilter(query="青岛"))
        hits = lib.hits_for(ids[:3][::-1], "青岛")
        assert [h.id for h in hits] == ids[:3][::-1]
        for h in hits:
            assert h.highlights or h.headline_highlights
            for s, e in h.highlights:
                assert h.snippet[s:e] == "青岛"
        sources = lib.source_list()
        assert len(sources) == 3 and sum(s["articles"] for s in sources) == lib.count()

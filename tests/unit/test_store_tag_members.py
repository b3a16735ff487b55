"""Library.tag_members: what the GUI's undo of tag rename/merge/delete restores from."""
from archivist.store import Library
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

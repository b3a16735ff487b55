-- Edition metadata in the review bundles' three-way merge (issue 16).
-- review_bases.base_edition: in a review library, the article's edition (paper, date,
-- page, section, edition, notes, own date) as the desk exported it, JSON; NULL when the
-- bundle came from before editions were merged (its edition is then left alone).
-- merge_conflicts.edition: NULL for a conflict over the article's text; for a conflict over
-- its edition, JSON {field: {"base", "mine", "theirs"}} of the fields both sides changed.
ALTER TABLE review_bases ADD COLUMN base_edition TEXT;
ALTER TABLE merge_conflicts ADD COLUMN edition TEXT;

-- The points themselves are rewritten at the next start from db/data/commune-points.csv
-- (db/reference-data.ts: every commune with a point and no source gets the new point and its source).
ALTER TABLE `communes` ADD `point_source` text;
-- patient_figures is rewritten whole for a clinic whenever its figures go stale (every new day,
-- every version bump): at the default fillfactor (100) its pages have no room for a row's new
-- version, so each upsert went to another page and the table grew by one copy of the roster per
-- refresh (22 MB for 2,000 rows after 25 refreshes on the bench database, 2,715 of 50,000
-- updates HOT), until autovacuum, and every dashboard view scans it. Half-full pages let the
-- updates stay on their page (HOT: no index entries), and PostgreSQL prunes the old versions
-- itself when it next reads the page. New pages only; a VACUUM FULL applies it to old ones.
ALTER TABLE "patient_figures" SET (fillfactor = 50);

-- What a link gives out: download (the file's bytes) or view (only pages the server renders as
-- pictures, never the file itself).
ALTER TABLE share_links ADD COLUMN mode TEXT NOT NULL DEFAULT 'download';

-- Whether every copy the link serves (a download, or a rendered page) is stamped on each page with
-- the recipient's verified address or the link's label, and the date and time.
ALTER TABLE share_links ADD COLUMN watermark BOOLEAN NOT NULL DEFAULT FALSE;

-- The text stamped on the copy an entry of the access log records; NULL: the copy was not stamped.
ALTER TABLE link_events ADD COLUMN stamp TEXT;

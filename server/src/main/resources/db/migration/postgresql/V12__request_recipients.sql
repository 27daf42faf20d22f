-- File requests that only named people may upload to: the addresses and *@domain patterns,
-- normalised to lower case, one a line, as for links; NULL: anyone with the link.
ALTER TABLE file_requests ADD COLUMN recipients TEXT;

-- The address a visitor proved with a one-time code (scope request:<id>) in this visit; NULL: none
-- proved. Uploads of a restricted request need one that the request still allows, and record it as
-- the uploader's email.
ALTER TABLE request_visits ADD COLUMN address TEXT;

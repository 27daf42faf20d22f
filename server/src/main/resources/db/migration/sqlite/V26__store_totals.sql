-- What each store holds for files and their versions (blobs and bytes), kept by triggers in the
-- transaction of every change, so that the administrators' totals name each store's share without
-- reading every file. 16 stripes per store (by row id) so that uploads at the same time do not all
-- wait for one row; a store's figures are the sums of its stripes. Previews and unfinished uploads
-- are not counted: they are not anyone's files.
CREATE TABLE store_totals (
    store  TEXT    NOT NULL,
    stripe INTEGER NOT NULL,
    blobs  BIGINT  NOT NULL,
    bytes  BIGINT  NOT NULL,
    PRIMARY KEY (store, stripe)
);
INSERT INTO store_totals (store, stripe, blobs, bytes)
SELECT store, stripe, COUNT(*), SUM(size)
FROM (SELECT store, id % 16 AS stripe, size FROM files
      UNION ALL
      SELECT store, id % 16 AS stripe, size FROM file_versions)
GROUP BY store, stripe;

CREATE TRIGGER files_stored_insert AFTER INSERT ON files
BEGIN
    INSERT OR IGNORE INTO store_totals (store, stripe, blobs, bytes) VALUES (NEW.store, NEW.id % 16, 0, 0);
    UPDATE store_totals SET blobs = blobs + 1, bytes = bytes + NEW.size
    WHERE store = NEW.store AND stripe = NEW.id % 16;
END;

CREATE TRIGGER files_stored_delete AFTER DELETE ON files
BEGIN
    UPDATE store_totals SET blobs = blobs - 1, bytes = bytes - OLD.size
    WHERE store = OLD.store AND stripe = OLD.id % 16;
END;

CREATE TRIGGER files_stored_update AFTER UPDATE OF store, size ON files
WHEN OLD.store IS NOT NEW.store OR OLD.size IS NOT NEW.size
BEGIN
    UPDATE store_totals SET blobs = blobs - 1, bytes = bytes - OLD.size
    WHERE store = OLD.store AND stripe = OLD.id % 16;
    INSERT OR IGNORE INTO store_totals (store, stripe, blobs, bytes) VALUES (NEW.store, NEW.id % 16, 0, 0);
    UPDATE store_totals SET blobs = blobs + 1, bytes = bytes + NEW.size
    WHERE store = NEW.store AND stripe = NEW.id % 16;
END;

CREATE TRIGGER versions_stored_insert AFTER INSERT ON file_versions
BEGIN
    INSERT OR IGNORE INTO store_totals (store, stripe, blobs, bytes) VALUES (NEW.store, NEW.id % 16, 0, 0);
    UPDATE store_totals SET blobs = blobs + 1, bytes = bytes + NEW.size
    WHERE store = NEW.store AND stripe = NEW.id % 16;
END;

CREATE TRIGGER versions_stored_delete AFTER DELETE ON file_versions
BEGIN
    UPDATE store_totals SET blobs = blobs - 1, bytes = bytes - OLD.size
    WHERE store = OLD.store AND stripe = OLD.id % 16;
END;

CREATE TRIGGER versions_stored_update AFTER UPDATE OF store, size ON file_versions
WHEN OLD.store IS NOT NEW.store OR OLD.size IS NOT NEW.size
BEGIN
    UPDATE store_totals SET blobs = blobs - 1, bytes = bytes - OLD.size
    WHERE store = OLD.store AND stripe = OLD.id % 16;
    INSERT OR IGNORE INTO store_totals (store, stripe, blobs, bytes) VALUES (NEW.store, NEW.id % 16, 0, 0);
    UPDATE store_totals SET blobs = blobs + 1, bytes = bytes + NEW.size
    WHERE store = NEW.store AND stripe = NEW.id % 16;
END;

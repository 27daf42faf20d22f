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
      SELECT store, id % 16 AS stripe, size FROM file_versions) AS stored
GROUP BY store, stripe;

CREATE FUNCTION store_totals_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE store_totals SET blobs = blobs - 1, bytes = bytes - OLD.size
        WHERE store = OLD.store AND stripe = OLD.id % 16;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO store_totals (store, stripe, blobs, bytes)
        VALUES (NEW.store, NEW.id % 16, 1, NEW.size)
        ON CONFLICT (store, stripe)
        DO UPDATE SET blobs = store_totals.blobs + 1, bytes = store_totals.bytes + NEW.size;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER files_stored_insert AFTER INSERT ON files
    FOR EACH ROW EXECUTE FUNCTION store_totals_counted();
CREATE TRIGGER files_stored_delete AFTER DELETE ON files
    FOR EACH ROW EXECUTE FUNCTION store_totals_counted();
CREATE TRIGGER files_stored_update AFTER UPDATE OF store, size ON files
    FOR EACH ROW WHEN (OLD.store IS DISTINCT FROM NEW.store OR OLD.size IS DISTINCT FROM NEW.size)
    EXECUTE FUNCTION store_totals_counted();
CREATE TRIGGER versions_stored_insert AFTER INSERT ON file_versions
    FOR EACH ROW EXECUTE FUNCTION store_totals_counted();
CREATE TRIGGER versions_stored_delete AFTER DELETE ON file_versions
    FOR EACH ROW EXECUTE FUNCTION store_totals_counted();
CREATE TRIGGER versions_stored_update AFTER UPDATE OF store, size ON file_versions
    FOR EACH ROW WHEN (OLD.store IS DISTINCT FROM NEW.store OR OLD.size IS DISTINCT FROM NEW.size)
    EXECUTE FUNCTION store_totals_counted();

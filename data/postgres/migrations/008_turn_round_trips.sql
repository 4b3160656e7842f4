-- A turn in two round trips (data/postgres/turnSession.ts), three with a signed-in customer's snapshot.

-- Start of a turn: take the conversation's advisory lock (session level, on the turn's own connection), then read its
-- dialog state. The read is a query of its own inside a VOLATILE function, so it takes a fresh snapshot after the lock
-- is granted and sees what the previous holder committed (one statement with both would read as of before the wait).
CREATE FUNCTION lock_turn_and_read_state(lock_namespace integer, lock_key text, state_keys text[])
RETURNS TABLE (key text, doc jsonb, etag text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_lock(lock_namespace, hashtext(lock_key));
  RETURN QUERY SELECT s.key, s.doc, s.etag FROM bot_state s WHERE s.key = ANY(state_keys);
END $$;

-- End of a turn: its dialog state (items [{key, doc, etag, expected}], expected = the eTag read, or null to overwrite)
-- and the suggestion events it recorded, in one transaction, committed BEFORE the lock is released, so the next holder
-- reads them. A stale eTag rolls everything back and names the key in `conflict`; the lock is released either way.
CREATE PROCEDURE save_turn_and_unlock(lock_namespace integer, lock_key text, items jsonb, events jsonb, INOUT conflict text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
  item jsonb;
  written integer;
BEGIN
  conflict := NULL;
  FOR item IN SELECT value FROM jsonb_array_elements(items) LOOP
    INSERT INTO bot_state AS s (key, doc, etag) VALUES (item->>'key', item->'doc', item->>'etag')
    ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = EXCLUDED.etag, updated_at = now()
      WHERE item->>'expected' IS NULL OR s.etag = item->>'expected';
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written = 0 THEN
      conflict := item->>'key';
      EXIT;
    END IF;
  END LOOP;
  IF conflict IS NULL THEN
    INSERT INTO suggestion_events (id, customer_id, at, doc)
    SELECT d->>'id', d->>'customerId', (d->>'at')::timestamptz, d FROM jsonb_array_elements(events) WITH ORDINALITY AS t(d, n) ORDER BY n;
    COMMIT;
  ELSE
    ROLLBACK;
  END IF;
  PERFORM pg_advisory_unlock(lock_namespace, hashtext(lock_key));
END $$;

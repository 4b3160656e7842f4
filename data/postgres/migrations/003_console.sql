-- The console's stores: transcripts (a conversation row plus one row per entry, so a turn appends rather than
-- rewrites), staff accounts and sessions, handoffs and the staff login throttle shared by every instance.
-- As in 001, doc (validated JSON) is the source of truth; the columns beside it serve the console's lookups.

CREATE TABLE conversations (
  id               text PRIMARY KEY,
  -- The latest identified customer (NULL for a guest conversation).
  customer_id      text,
  started_at       timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL,
  -- channelId, segment, tags, notes and review marks (entries live in transcript_entries).
  doc              jsonb NOT NULL,
  seq              bigserial NOT NULL
);
CREATE INDEX conversations_by_start ON conversations (seq);
CREATE INDEX conversations_by_activity ON conversations (last_activity_at);
CREATE INDEX conversations_by_customer ON conversations (customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE transcript_entries (
  seq             bigserial PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  at              timestamptz NOT NULL,
  customer_id     text,
  doc             jsonb NOT NULL
);
CREATE INDEX transcript_entries_by_conversation ON transcript_entries (conversation_id, seq);
CREATE INDEX transcript_entries_by_time ON transcript_entries (conversation_id, at);
-- Export and erasure find every conversation a customer took part in, also ones someone else was identified in later.
CREATE INDEX transcript_entries_by_customer ON transcript_entries (customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE staff_accounts (
  id        text PRIMARY KEY,
  -- lower(trim(email)).
  email_key text NOT NULL UNIQUE,
  doc       jsonb NOT NULL,
  seq       bigserial NOT NULL
);

CREATE TABLE staff_sessions (
  -- SHA-256 of the cookie token: a stolen database does not yield live sessions.
  token_hash text PRIMARY KEY,
  staff_id   text NOT NULL,
  expires_at timestamptz NOT NULL,
  doc        jsonb NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);

CREATE TABLE handoffs (
  id              text PRIMARY KEY,
  conversation_id text NOT NULL,
  customer_id     text,
  status          text NOT NULL CHECK (status IN ('open', 'claimed', 'closed')),
  requested_at    timestamptz NOT NULL,
  doc             jsonb NOT NULL,
  seq             bigserial NOT NULL
);
CREATE INDEX handoffs_by_state ON handoffs (status, seq);
CREATE INDEX handoffs_by_conversation ON handoffs (conversation_id, seq);
CREATE INDEX handoffs_by_customer ON handoffs (customer_id) WHERE customer_id IS NOT NULL;

-- One row per counted sign-in attempt and key (account or client address); pending while its password is checked.
CREATE TABLE staff_login_marks (
  key        text NOT NULL,
  attempt_id text NOT NULL,
  at_ms      bigint NOT NULL,
  pending    boolean NOT NULL,
  PRIMARY KEY (key, attempt_id)
);
CREATE INDEX staff_login_marks_by_key ON staff_login_marks (key, at_ms);
CREATE INDEX staff_login_marks_by_attempt ON staff_login_marks (attempt_id);
CREATE INDEX staff_login_marks_by_time ON staff_login_marks (at_ms);

-- The commerce store, the append-only records, identification locks, dialog state and the change feed.
-- Every record keeps its validated JSON (doc) as the source of truth; the columns beside it exist for the
-- lookups a turn makes and are written together with doc by the adapters (data/postgres/*.ts).

CREATE TABLE products (
  id         text PRIMARY KEY,
  category   text NOT NULL,
  doc        jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
  id         text PRIMARY KEY,
  -- lower(trim(email)); NULL once erased or when empty, so erased customers never match and never block an email.
  email_key  text,
  doc        jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email_key ON customers (email_key) WHERE email_key IS NOT NULL;

CREATE TABLE orders (
  id          text PRIMARY KEY,
  customer_id text NOT NULL,
  ordered_at  timestamptz NOT NULL,
  -- lines live in doc (jsonb): an order is read and written whole, never line by line.
  doc         jsonb NOT NULL,
  seq         bigserial NOT NULL
);
CREATE INDEX orders_by_customer ON orders (customer_id, seq);

CREATE TABLE segments (
  customer_id text PRIMARY KEY,
  doc         jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feedback (
  seq         bigserial PRIMARY KEY,
  id          text NOT NULL UNIQUE,
  customer_id text,
  at          timestamptz NOT NULL,
  doc         jsonb NOT NULL
);
CREATE INDEX feedback_by_customer ON feedback (customer_id, seq) WHERE customer_id IS NOT NULL;

CREATE TABLE suggestion_events (
  seq         bigserial PRIMARY KEY,
  id          text NOT NULL UNIQUE,
  customer_id text,
  at          timestamptz NOT NULL,
  doc         jsonb NOT NULL
);
CREATE INDEX suggestion_events_by_customer ON suggestion_events (customer_id, seq) WHERE customer_id IS NOT NULL;
CREATE INDEX suggestion_events_by_time ON suggestion_events (at);

CREATE TABLE audit (
  seq     bigserial PRIMARY KEY,
  id      text NOT NULL UNIQUE,
  subject text NOT NULL,
  at      timestamptz NOT NULL,
  doc     jsonb NOT NULL
);
CREATE INDEX audit_by_subject ON audit (subject, seq);

CREATE TABLE identification_locks (
  key          text PRIMARY KEY,
  failures     integer NOT NULL CHECK (failures >= 0),
  locked_until text,
  -- For pruning: a lock untouched for long enough (and no longer locking) can go.
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identification_locks_by_age ON identification_locks (updated_at);

-- botbuilder Storage items (dialog and conversation state) with real eTags.
CREATE TABLE bot_state (
  key        text PRIMARY KEY,
  doc        jsonb NOT NULL,
  etag       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bot_state_by_age ON bot_state (updated_at);

-- What changed, in order, so every instance can catch up its in-memory indexes by id (LISTEN/NOTIFY only wakes).
CREATE TABLE changes (
  id   bigserial PRIMARY KEY,
  kind text NOT NULL,
  key  text NOT NULL,
  at   timestamptz NOT NULL DEFAULT now()
);

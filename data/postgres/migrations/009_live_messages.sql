-- Live handoff across instances: an agent's message to a shopper is stored here and announced with NOTIFY
-- live_messages (payload: the row id and the conversation id); the instance holding the shopper's event stream reads
-- the row and pushes it. Kept a day (retention): the page replays older messages from the transcript.
CREATE TABLE live_messages (
  id              bigserial PRIMARY KEY,
  conversation_id text NOT NULL,
  doc             jsonb NOT NULL,
  at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_messages_by_time ON live_messages (at);

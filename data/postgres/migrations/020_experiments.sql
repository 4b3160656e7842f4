-- Experiments (A/B tests per segment) and the conversations each variant applied in: one exposure per experiment
-- and conversation, so a repeated exposure is a no-op (ON CONFLICT DO NOTHING).
CREATE TABLE experiments (
  seq bigserial PRIMARY KEY,
  id  text NOT NULL UNIQUE,
  doc jsonb NOT NULL
);

CREATE TABLE experiment_exposures (
  seq             bigserial PRIMARY KEY,
  experiment_id   text NOT NULL,
  conversation_id text NOT NULL,
  customer_id     text,
  at              timestamptz NOT NULL,
  doc             jsonb NOT NULL,
  UNIQUE (experiment_id, conversation_id)
);
CREATE INDEX experiment_exposures_by_customer ON experiment_exposures (customer_id) WHERE customer_id IS NOT NULL;

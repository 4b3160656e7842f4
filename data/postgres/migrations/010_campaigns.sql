-- Campaigns to a segment (issue 17): the campaign documents, one delivery row per campaign and customer, and the
-- latest conversation reference per customer and channel for proactive messages.
CREATE TABLE campaigns (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE campaign_deliveries (
  campaign_id text NOT NULL REFERENCES campaigns (id),
  customer_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent', 'queued', 'shown', 'skipped')),
  reason text,
  conversation_id text,
  at timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, customer_id)
);
CREATE INDEX campaign_deliveries_by_customer ON campaign_deliveries (customer_id);
CREATE INDEX campaign_deliveries_by_conversation ON campaign_deliveries (conversation_id, at) WHERE conversation_id IS NOT NULL;

CREATE TABLE conversation_references (
  customer_id text NOT NULL,
  channel_id text NOT NULL,
  service_url text NOT NULL,
  conversation_id text NOT NULL,
  user_id text NOT NULL,
  bot_id text NOT NULL,
  bot_name text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, channel_id)
);

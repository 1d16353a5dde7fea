-- Up Migration

-- Where each consumer group stands on each partition. A projection updates its row in the same
-- transaction as the rows it derives from the messages, and seeks here on partition assignment,
-- so a message's effect lands exactly once even though delivery is at-least-once.
CREATE TABLE consumer_positions (
  group_id    text        NOT NULL,
  topic       text        NOT NULL,
  partition   integer     NOT NULL CHECK (partition >= 0),
  next_offset bigint      NOT NULL CHECK (next_offset >= 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, partition)
);

-- Down Migration

DROP TABLE consumer_positions;

-- Herald's outbox table on PostgreSQL. ${table} is the table's name (herald.outbox.table).
-- id, aggregatetype, aggregateid, type and payload are the columns Debezium's outbox event
-- router reads; the others carry the rest of the CloudEvent and the relay's state.
CREATE TABLE IF NOT EXISTS ${table} (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id            VARCHAR(255)  NOT NULL UNIQUE,
  aggregatetype VARCHAR(255)  NOT NULL,
  aggregateid   VARCHAR(255)  NOT NULL,
  type          VARCHAR(255)  NOT NULL,
  payload       TEXT,
  source        VARCHAR(2048) NOT NULL,
  eventtime     TIMESTAMP WITH TIME ZONE,
  subject       VARCHAR(2048),
  schemaversion VARCHAR(16),
  tenantid      VARCHAR(255),
  extensions    TEXT,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  status        VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
  attempts      INTEGER       NOT NULL DEFAULT 0,
  published_at  TIMESTAMP WITH TIME ZONE,
  failure       VARCHAR(4000),
  bucket        INTEGER GENERATED ALWAYS AS (((hashtext(aggregateid) % 32) + 32) % 32) STORED
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
-- The relay reads each bucket's oldest pending rows through the first index; rows leave it when
-- published, and the table is vacuumed after every 10,000 of them, as a queue table needs.
CREATE INDEX IF NOT EXISTS ${table}_pending ON ${table} (bucket, seq) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS ${table}_published ON ${table} (published_at) WHERE status = 'PUBLISHED';
CREATE INDEX IF NOT EXISTS ${table}_failed ON ${table} (seq) WHERE status = 'FAILED';
-- One row per bucket of aggregates: a relay locks the buckets it publishes, so that no two relays
-- send one aggregate's events at the same time.
CREATE TABLE IF NOT EXISTS ${table}_buckets (bucket INTEGER PRIMARY KEY);
INSERT INTO ${table}_buckets SELECT b FROM generate_series(0, 31) AS b ON CONFLICT DO NOTHING;

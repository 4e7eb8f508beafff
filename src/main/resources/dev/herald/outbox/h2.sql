-- Herald's outbox table on H2. ${table} is the table's name (herald.outbox.table).
-- id, aggregatetype, aggregateid, type and payload are the columns Debezium's outbox event
-- router reads; the others carry the rest of the CloudEvent and the relay's state.
CREATE TABLE IF NOT EXISTS ${table} (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id            VARCHAR(255)  NOT NULL UNIQUE,
  aggregatetype VARCHAR(255)  NOT NULL,
  aggregateid   VARCHAR(255)  NOT NULL,
  type          VARCHAR(255)  NOT NULL,
  payload       CHARACTER VARYING,
  source        VARCHAR(2048) NOT NULL,
  eventtime     TIMESTAMP WITH TIME ZONE,
  subject       VARCHAR(2048),
  schemaversion VARCHAR(16),
  tenantid      VARCHAR(255),
  extensions    CHARACTER VARYING,
  created_at    TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  status        VARCHAR(16)   DEFAULT 'PENDING' NOT NULL,
  attempts      INTEGER       DEFAULT 0 NOT NULL,
  published_at  TIMESTAMP WITH TIME ZONE,
  failure       VARCHAR(4000),
  bucket        INTEGER GENERATED ALWAYS AS (MOD(ORA_HASH(aggregateid), 32))
);
CREATE INDEX IF NOT EXISTS ${table}_pending ON ${table} (status, bucket, seq);
CREATE INDEX IF NOT EXISTS ${table}_published ON ${table} (status, published_at);
-- One row per bucket of aggregates: a relay locks the buckets it publishes, so that no two relays
-- send one aggregate's events at the same time.
CREATE TABLE IF NOT EXISTS ${table}_buckets (bucket INTEGER PRIMARY KEY);
MERGE INTO ${table}_buckets KEY (bucket) SELECT X FROM SYSTEM_RANGE(0, 31);

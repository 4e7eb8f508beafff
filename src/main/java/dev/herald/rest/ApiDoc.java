package dev.herald.rest;

/**
 * Names the OpenAPI annotations of the resources share: the security schemes, and the components of
 * {@code META-INF/openapi.yaml} (schemas, request bodies, responses, examples) that Liberty merges
 * with the annotations into the document on {@code /openapi}. {@link ApiDocFilter} adds the 401 and
 * 403 answers and the roles to every operation that needs a role.
 */
final class ApiDoc {

  /** HTTP Basic, a user of Liberty's registry. */
  static final String BASIC = "basic";

  /** A MicroProfile JWT as a bearer token. */
  static final String JWT = "jwt";

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = Problem.MEDIA_TYPE;
  static final String SCHEMA_JSON = SchemaLookup.SCHEMA_JSON;

  /** The line of a read whose answer spans every tenant, which a bound caller may not read. */
  static final String EVERY_TENANT =
      "A caller bound to tenants gets 403: the answer spans every tenant.";

  // tags
  static final String EVENTS = "Events";
  static final String CATALOG = "Event types and schemas";
  static final String HANDLERS = "Handlers and statistics";
  static final String STREAM = "Live stream";
  static final String CHANNELS = "Channels";
  static final String DEAD_LETTERS = "Dead letters";
  static final String REPLAYS = "Replays";
  static final String OUTBOX = "Outbox";
  static final String WEBHOOKS = "Webhooks";
  static final String CALLER = "Caller";

  // schemas
  private static final String SCHEMAS = "#/components/schemas/";
  static final String PROBLEM = SCHEMAS + "Problem";
  static final String JSON_SCHEMA = SCHEMAS + "JsonSchema";
  static final String EVENT_STREAM = SCHEMAS + "EventStream";
  static final String WEBHOOK_REDELIVERY = SCHEMAS + "WebhookRedelivery";
  static final String OUTBOX_RETRY = SCHEMAS + "OutboxRetry";

  // request bodies
  static final String EVENT_BODY = "Event";
  static final String BATCH_BODY = "EventBatch";
  static final String SCHEMA_CHECK_BODY = "SchemaCheck";
  static final String REDRIVE_BODY = "DeadLetterFilter";
  static final String PURGE_BODY = "PurgeRequest";
  static final String REPLAY_BODY = "ReplayRequest";
  static final String WEBHOOK_BODY = "WebhookRegistration";
  static final String WEBHOOK_CHANGE_BODY = "WebhookChange";
  static final String WEBHOOK_RECOVERY_BODY = "WebhookRecovery";

  // responses: publishing
  static final String PUBLISHED = "Published";
  static final String BATCH_PUBLISHED = "BatchPublished";
  static final String TENANT_FORBIDDEN = "TenantForbidden";
  static final String INVALID_EVENT = "InvalidEvent";
  static final String INVALID_BATCH = "InvalidBatch";
  static final String BATCH_TOO_LARGE = "BatchTooLarge";
  static final String BROKER_UNAVAILABLE = "BrokerUnavailable";
  static final String BATCH_NOT_STORED = "BatchNotStored";

  // responses: problem details
  static final String UNAUTHORIZED = "Unauthorized";
  static final String FORBIDDEN = "Forbidden";
  static final String BAD_REQUEST = "BadRequest";
  static final String NOT_FOUND = "NotFound";
  static final String CONFLICT = "Conflict";
  static final String TOO_LARGE = "ContentTooLarge";
  static final String NOT_JSON = "UnsupportedMediaType";
  static final String UNPROCESSABLE = "Unprocessable";
  static final String TOO_MANY = "TooManyRequests";
  static final String UNAVAILABLE = "Unavailable";

  // headers
  static final String LOCATION = "Location";
  static final String RETRY_AFTER = "Retry-After";

  private ApiDoc() {}
}

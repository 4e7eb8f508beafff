package dev.herald.api;

import java.util.Set;

/** Names of the CloudEvents attributes Herald reads and writes, and their Kafka header prefix. */
public final class CloudEventAttributes {

  /** Binary content mode puts each attribute in a header named {@code ce_<attribute>}. */
  public static final String HEADER_PREFIX = "ce_";

  public static final String CONTENT_TYPE_HEADER = "content-type";

  public static final String ID = "id";
  public static final String SOURCE = "source";
  public static final String TYPE = "type";
  public static final String SPECVERSION = "specversion";
  public static final String TIME = "time";
  public static final String SUBJECT = "subject";
  public static final String DATACONTENTTYPE = "datacontenttype";
  public static final String DATASCHEMA = "dataschema";
  public static final String DATA = "data";

  public static final String TENANTID = "tenantid";
  public static final String CORRELATIONID = "correlationid";
  public static final String CAUSATIONID = "causationid";
  public static final String USERID = "userid";
  public static final String SESSIONID = "sessionid";
  public static final String REQUESTID = "requestid";
  public static final String TRACEPARENT = "traceparent";

  /**
   * The W3C {@code tracestate} that goes with {@link #TRACEPARENT} (CloudEvents distributed
   * tracing).
   */
  public static final String TRACESTATE = "tracestate";

  public static final String SCHEMAVERSION = "schemaversion";

  /**
   * Set by Herald on each event it replays (Herald never writes it to Kafka): the id of the replay,
   * so that a handler can tell a replayed event from a live one.
   */
  public static final String REPLAYID = "replayid";

  /** The CloudEvents Kafka binding's extension for the record key. */
  public static final String PARTITIONKEY = "partitionkey";

  /**
   * Context attributes with a field of their own in {@link CloudEvent}; the rest are extensions.
   */
  public static final Set<String> CONTEXT =
      Set.of(ID, SOURCE, TYPE, SPECVERSION, TIME, SUBJECT, DATACONTENTTYPE, DATASCHEMA);

  /** Extension names: 1 to 20 lowercase ASCII letters or digits (CloudEvents 1.0). */
  public static boolean validExtensionName(String name) {
    if (name.isEmpty() || name.length() > 20) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private CloudEventAttributes() {}

  public static String header(String attribute) {
    return HEADER_PREFIX + attribute;
  }
}

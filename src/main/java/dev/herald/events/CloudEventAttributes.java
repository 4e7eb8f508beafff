package dev.herald.events;

import java.util.List;

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
  public static final String TENANTID = "tenantid";
  public static final String CORRELATIONID = "correlationid";
  public static final String CAUSATIONID = "causationid";
  public static final String USERID = "userid";
  public static final String TRACEPARENT = "traceparent";

  /** Attributes that have a field of their own in {@link CloudEvent}. */
  public static final List<String> NAMED =
      List.of(
          ID,
          SOURCE,
          TYPE,
          SPECVERSION,
          TIME,
          SUBJECT,
          DATACONTENTTYPE,
          TENANTID,
          CORRELATIONID,
          CAUSATIONID,
          USERID,
          TRACEPARENT);

  private CloudEventAttributes() {}

  public static String header(String attribute) {
    return HEADER_PREFIX + attribute;
  }
}

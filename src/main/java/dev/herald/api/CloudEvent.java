package dev.herald.api;

import static dev.herald.api.CloudEventAttributes.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event: its context attributes, its extension attributes (tenant, correlation,
 * causation, user, session, request, trace parent, schema version, ...) and its JSON data.
 *
 * <p>{@code data} is a Jackson tree that handlers read; they must not modify it.
 */
public record CloudEvent(
    String id,
    String source,
    String type,
    String specversion,
    OffsetDateTime time,
    String subject,
    String datacontenttype,
    String dataschema,
    Map<String, String> extensions,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String JSON = "application/json";

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(specversion, "specversion");
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public String extension(String name) {
    return extensions.get(name);
  }

  /** Any attribute by its CloudEvents name, context or extension, as text; null when absent. */
  public String attribute(String name) {
    return switch (name) {
      case ID -> id;
      case SOURCE -> source;
      case TYPE -> type;
      case SPECVERSION -> specversion;
      case TIME -> time == null ? null : time.toString();
      case SUBJECT -> subject;
      case DATACONTENTTYPE -> datacontenttype;
      case DATASCHEMA -> dataschema;
      default -> extensions.get(name);
    };
  }

  public String tenantid() {
    return extensions.get(TENANTID);
  }

  public String correlationid() {
    return extensions.get(CORRELATIONID);
  }

  public String causationid() {
    return extensions.get(CAUSATIONID);
  }

  public String userid() {
    return extensions.get(USERID);
  }

  /**
   * The {@code schemaversion} extension, or null. Without it, the data's version is the one {@code
   * dataschema} names, else 1.
   */
  public String schemaversion() {
    return extensions.get(SCHEMAVERSION);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder =
        builder()
            .id(id)
            .source(source)
            .type(type)
            .time(time)
            .subject(subject)
            .dataschema(dataschema)
            .data(data);
    builder.datacontenttype = datacontenttype;
    builder.extensions.putAll(extensions);
    return builder;
  }

  /** Builds events; {@code id} defaults to a random UUID and {@code time} to now. */
  public static final class Builder {
    private String id;
    private String source;
    private String type;
    private OffsetDateTime time;
    private String subject;
    private String datacontenttype = JSON;
    private String dataschema;
    private final Map<String, String> extensions = new HashMap<>();
    private JsonNode data;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder time(OffsetDateTime time) {
      this.time = time;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder dataschema(String dataschema) {
      this.dataschema = dataschema;
      return this;
    }

    public Builder extension(String name, String value) {
      if (value == null) {
        extensions.remove(name);
      } else {
        extensions.put(name, value);
      }
      return this;
    }

    public Builder tenantid(String tenantid) {
      return extension(TENANTID, tenantid);
    }

    public Builder correlationid(String correlationid) {
      return extension(CORRELATIONID, correlationid);
    }

    public Builder userid(String userid) {
      return extension(USERID, userid);
    }

    /**
     * Marks this event as caused by another: it joins the cause's correlation (the cause's own id
     * when the cause had none) and names the cause in {@code causationid}; the tenant is kept.
     */
    public Builder causedBy(CloudEvent cause) {
      extension(CORRELATIONID, cause.correlationid() == null ? cause.id() : cause.correlationid());
      extension(CAUSATIONID, cause.id());
      if (!extensions.containsKey(TENANTID)) {
        extension(TENANTID, cause.tenantid());
      }
      return this;
    }

    public Builder data(JsonNode data) {
      this.data = data;
      return this;
    }

    public CloudEvent build() {
      return new CloudEvent(
          id == null ? UUID.randomUUID().toString() : id,
          source,
          type,
          SPEC_VERSION,
          time == null ? OffsetDateTime.now(ZoneOffset.UTC) : time,
          subject,
          datacontenttype,
          dataschema,
          extensions,
          data);
    }
  }
}

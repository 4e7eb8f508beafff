package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.Outbox;
import dev.herald.events.Json;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * Test resource deployed with the WAR: a service's business transaction that writes an order row
 * and publishes its event through the outbox, then commits, or fails and rolls back both.
 */
@RequestScoped
@PermitAll
@Path("test/outbox")
public class OutboxOrders {

  /** The table of the orders, in each outbox's database. */
  public static final String ORDERS = "it_orders";

  @Inject Outbox outbox;

  @POST
  @Path("{source}/{datasource}/orders/{id}")
  @Transactional
  public String place(
      @PathParam("source") String source,
      @PathParam("datasource") String datasource,
      @PathParam("id") String id,
      @QueryParam("fail") boolean fail)
      throws Exception {
    DataSource data = InitialContext.doLookup("jdbc/" + datasource);
    try (Connection connection = data.getConnection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + ORDERS + " (id) VALUES (?)")) {
      insert.setString(1, id);
      insert.executeUpdate();
    }
    CloudEvent event =
        CloudEvent.builder()
            .id(id)
            .source("/orders")
            .type(TestEvents.TYPE)
            .tenantid("acme")
            .extension("schemaversion", "1")
            .data(
                Json.parse(TestEvents.chatMessageData(id).getBytes(StandardCharsets.UTF_8), "data"))
            .build();
    outbox.source(source).publish("order", id, event);
    if (fail) {
      throw new IllegalStateException("the order was refused after its event was written");
    }
    return id;
  }
}

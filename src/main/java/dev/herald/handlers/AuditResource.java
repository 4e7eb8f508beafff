package dev.herald.handlers;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit handler's recent log. */
@Path("audit")
@RequestScoped
public class AuditResource {

  @Inject AuditHandler audit;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<AuditHandler.Entry> recent(@QueryParam("limit") @DefaultValue("100") int limit) {
    return audit.recent(Math.max(0, Math.min(limit, 1000)));
  }
}

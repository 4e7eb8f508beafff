package dev.herald.rest;

import dev.herald.config.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is calling: the user, its roles and its tenants, so that a console shows what it may do. */
@Path("me")
@RequestScoped
@Tag(name = ApiDoc.CALLER)
public class MeResource {

  /**
   * What {@code GET /api/me} returns.
   *
   * @param user the caller's user name: the Basic user, or the token's {@code upn} (else {@code
   *     preferred_username}, else {@code sub})
   * @param roles those of the four roles the caller is in, in the order publisher, reader,
   *     operator, admin
   * @param tenants the tenants the caller is bound to, sorted; null (absent from the JSON) when it
   *     is bound to none
   */
  public record Me(String user, List<String> roles, List<String> tenants) {

    static Me of(SecurityContext security, TenantSettings settings) {
      Caller caller = Caller.of(security, settings);
      Set<String> tenants = caller.tenants();
      return new Me(
          caller.name(),
          Roles.granted(security::isUserInRole),
          tenants == null ? null : tenants.stream().sorted().toList());
    }
  }

  @Inject TenantSettings tenants;

  /** Who calls. */
  @Context SecurityContext security;

  @GET
  @RolesAllowed({Roles.PUBLISHER, Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getMe",
      summary = "Who is calling: the user, its roles and tenants",
      description =
          "The roles the caller is in, in the order publisher, reader, operator, admin; its"
              + " tenants only when it is bound to tenants (JWT claim herald.tenants.claim).")
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.PUBLISHER, Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.PUBLISHER, Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The caller")
  public Me me() {
    return Me.of(security, tenants);
  }
}

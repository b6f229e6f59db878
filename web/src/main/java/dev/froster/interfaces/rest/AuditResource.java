package dev.froster.interfaces.rest;

import dev.froster.application.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * The audit trail, newest first: {@code entityType} (required, e.g. {@code tag}, {@code
 * vocabulary}), {@code entityId}, {@code limit} (1-1000, default 100).
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource {

  @EJB private AuditTrail audit;

  @Context private UriInfo uri;

  @GET
  public Response entries() {
    QueryParameters parameters = QueryParameters.of(uri, Set.of("entityType", "entityId", "limit"));
    String entityType = parameters.text("entityType");
    if (entityType == null || entityType.isBlank()) {
      throw new InvalidParameterException("entityType is required (e.g. entityType=tag)");
    }
    JsonArrayBuilder entries = Json.createArrayBuilder();
    audit
        .entries(
            entityType,
            parameters.text("entityId"),
            parameters.count("limit", 100, AuditTrail.MAX_LIMIT))
        .forEach(entry -> entries.add(ReviewViews.auditEntry(entry)));
    return Response.ok(Json.createObjectBuilder().add("entries", entries).build().toString())
        .build();
  }
}

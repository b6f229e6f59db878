package dev.froster.interfaces.rest;

import dev.froster.interfaces.batch.EmbedCatalogJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * Restarts a stopped or failed job execution with its own parameters: 202 with the new execution in
 * the body and {@code Location}; 404 for an unknown one, 409 when it cannot be restarted.
 */
@Path("jobs/{executionId}/restart")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class JobRestartResource {

  @EJB private EmbedCatalogJobs jobs;

  @POST
  public Response restart(
      @PathParam("executionId") @Positive long executionId, @Context UriInfo uri) {
    return jobs.restart(executionId)
        .map(
            restarted ->
                Response.accepted(Map.of("executionId", restarted, "restartOf", executionId))
                    .location(
                        uri.getBaseUriBuilder().path("jobs").path(Long.toString(restarted)).build())
                    .build())
        .orElseGet(
            () ->
                Problems.of(
                    Response.Status.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "job execution " + executionId + " does not exist"));
  }
}

package dev.froster.interfaces.rest;

import dev.froster.interfaces.batch.EmbedCatalogJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Asks a running job execution to stop after its current chunk: 202, 404, or 409 if not running.
 */
@Path("jobs/{executionId}/stop")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class JobStopResource {

  @EJB private EmbedCatalogJobs jobs;

  @POST
  public Response stop(@PathParam("executionId") @Positive long executionId) {
    if (!jobs.stop(executionId)) {
      return Problems.of(
          Response.Status.NOT_FOUND,
          "not-found",
          "Not found",
          "job execution " + executionId + " does not exist");
    }
    return Response.accepted().build();
  }
}

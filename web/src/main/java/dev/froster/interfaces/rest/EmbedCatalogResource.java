package dev.froster.interfaces.rest;

import dev.froster.interfaces.batch.EmbedCatalogJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * Starts {@code embed-catalog}: body {@code {"modelVersion", "partitions", "assets": [ids],
 * "chunkSize", "segmentsPerItem"}}, every field optional (see {@link EmbedCatalogJobs}); 202 with
 * the execution to poll ({@code GET /jobs/{executionId}}) in {@code Location}.
 */
@Path("jobs/" + EmbedCatalogJobs.EMBED_CATALOG)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class EmbedCatalogResource {

  @EJB private EmbedCatalogJobs jobs;

  @POST
  public Response start(EmbedCatalogJobs.Request body, @Context UriInfo uri) {
    long executionId =
        jobs.start(
            body != null ? body : new EmbedCatalogJobs.Request(null, null, null, null, null));
    return Response.accepted(
            Map.of("executionId", executionId, "jobName", EmbedCatalogJobs.EMBED_CATALOG))
        .location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(executionId)).build())
        .build();
  }
}

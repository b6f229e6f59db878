package dev.froster.interfaces.rest;

import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.interfaces.batch.BatchJobStatus;
import dev.froster.interfaces.batch.BatchJobs;
import dev.froster.interfaces.batch.EmbedCatalogJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Batch jobs: start one, follow its execution. Administrators only. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class BatchJobResource {

  @EJB private BatchJobs jobs;
  @EJB private EmbedCatalogJobs embedJobs;

  /** Starts {@code embedding-count}; 202 with the execution to poll in {@code Location}. */
  @POST
  @Path(BatchJobs.EMBEDDING_COUNT)
  public Response startEmbeddingCount(
      @QueryParam("modelVersionId") @NotNull @Positive Long modelVersionId,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    long executionId = jobs.startEmbeddingCount(new ModelVersionId(modelVersionId));
    BatchJobStatus status =
        jobs.status(executionId)
            .orElse(new BatchJobStatus(executionId, BatchJobs.EMBEDDING_COUNT, "STARTING", null));
    return Response.accepted(status)
        .location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(executionId)).build())
        .build();
  }

  /**
   * Starts {@code ingest-assets} over every asset waiting in {@code registered}; 202 with the
   * execution to poll (its {@code done}/{@code total} grow while it runs).
   */
  @POST
  @Path(BatchJobs.INGEST_ASSETS)
  public Response startIngestAssets(@jakarta.ws.rs.core.Context UriInfo uri) {
    long executionId = jobs.startIngestAssets();
    BatchJobStatus status =
        jobs.status(executionId)
            .orElse(new BatchJobStatus(executionId, BatchJobs.INGEST_ASSETS, "STARTING", null));
    return Response.accepted(status)
        .location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(executionId)).build())
        .build();
  }

  @GET
  @Path("{executionId}")
  public Response status(@PathParam("executionId") @Positive long executionId) {
    return jobs.status(executionId)
        .map(
            status ->
                Response.ok(JobStatusView.of(status, embedJobs.progress(executionId).orElse(null)))
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

package dev.froster.interfaces.rest;

import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.interfaces.batch.AutoTagJobs;
import dev.froster.interfaces.batch.BatchJobStatus;
import dev.froster.interfaces.batch.BatchJobs;
import dev.froster.interfaces.batch.EmbedCatalogJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Batch jobs: start one, follow, stop or restart its execution. Administrators only. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class BatchJobResource {

  @EJB private BatchJobs jobs;
  @EJB private EmbedCatalogJobs embedJobs;
  @EJB private AutoTagJobs tagJobs;

  /** Starts {@code embedding-count}; 202 with the execution to poll in {@code Location}. */
  @POST
  @Path(BatchJobs.EMBEDDING_COUNT)
  @Parameter(
      name = "modelVersionId",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1"),
      required = true,
      description = "the model version whose embeddings to count")
  public Response startEmbeddingCount(@Context UriInfo uri) {
    Long modelVersionId =
        QueryParameters.of(uri, Set.of("modelVersionId")).positiveLong("modelVersionId");
    if (modelVersionId == null) {
      throw new InvalidParameterException("modelVersionId is required");
    }
    long executionId = jobs.startEmbeddingCount(new ModelVersionId(modelVersionId));
    BatchJobStatus status =
        jobs.status(executionId)
            .orElse(new BatchJobStatus(executionId, BatchJobs.EMBEDDING_COUNT, "STARTING", null));
    return Response.accepted(status).location(executionUri(uri, executionId)).build();
  }

  /**
   * Starts {@code ingest-assets} over every asset waiting in {@code registered}; 202 with the
   * execution to poll (its {@code done}/{@code total} grow while it runs).
   */
  @POST
  @Path(BatchJobs.INGEST_ASSETS)
  public Response startIngestAssets(@Context UriInfo uri) {
    long executionId = jobs.startIngestAssets();
    BatchJobStatus status =
        jobs.status(executionId)
            .orElse(new BatchJobStatus(executionId, BatchJobs.INGEST_ASSETS, "STARTING", null));
    return Response.accepted(status).location(executionUri(uri, executionId)).build();
  }

  /**
   * Starts {@code embed-catalog}: body {@code {"modelVersion", "partitions", "assets": [ids],
   * "chunkSize", "segmentsPerItem"}}, every field optional (see {@link EmbedCatalogJobs}); 202 with
   * the execution to poll in {@code Location}.
   */
  @POST
  @Path(EmbedCatalogJobs.EMBED_CATALOG)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startEmbedCatalog(EmbedCatalogJobs.Request body, @Context UriInfo uri) {
    long executionId =
        embedJobs.start(
            body != null ? body : new EmbedCatalogJobs.Request(null, null, null, null, null));
    return Response.accepted(
            Map.of("executionId", executionId, "jobName", EmbedCatalogJobs.EMBED_CATALOG))
        .location(executionUri(uri, executionId))
        .build();
  }

  /**
   * Starts {@code auto-tag} with the active model version: body {@code {"vocabularyId",
   * "chunkSize"}}, both optional (no vocabulary: every active one); 202 with the execution to poll
   * (its {@code done}/{@code total} count segments), 409 when no version is active, 404 for an
   * unknown vocabulary.
   */
  @POST
  @Path(AutoTagJobs.AUTO_TAG)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startAutoTag(AutoTagJobs.Request body, @Context UriInfo uri) {
    AutoTagJobs.Request request = body != null ? body : new AutoTagJobs.Request(null, null);
    if (request.vocabularyId() != null && request.vocabularyId() <= 0) {
      throw new InvalidRequestException(
          "vocabularyId must be positive, was " + request.vocabularyId());
    }
    if (request.chunkSize() != null && request.chunkSize() <= 0) {
      throw new InvalidRequestException("chunkSize must be positive, was " + request.chunkSize());
    }
    long executionId = tagJobs.start(request);
    BatchJobStatus status =
        jobs.status(executionId)
            .orElse(new BatchJobStatus(executionId, AutoTagJobs.AUTO_TAG, "STARTING", null));
    return Response.accepted(status).location(executionUri(uri, executionId)).build();
  }

  @GET
  @Path("{executionId}")
  public Response status(@PathParam("executionId") @Positive long executionId) {
    return jobs.status(executionId)
        .map(
            status ->
                Response.ok(JobStatusView.of(status, embedJobs.progress(executionId).orElse(null)))
                    .build())
        .orElseGet(() -> noSuchExecution(executionId));
  }

  /** Asks a running execution to stop after its current chunk: 202, 404, or 409 if not running. */
  @POST
  @Path("{executionId}/stop")
  public Response stop(@PathParam("executionId") @Positive long executionId) {
    return jobs.stop(executionId) ? Response.accepted().build() : noSuchExecution(executionId);
  }

  /**
   * Restarts a stopped or failed execution with its own parameters: 202 with the new execution in
   * {@code Location}, 404, or 409 when it cannot be restarted.
   */
  @POST
  @Path("{executionId}/restart")
  public Response restart(
      @PathParam("executionId") @Positive long executionId, @Context UriInfo uri) {
    return jobs.restart(executionId)
        .map(
            restarted ->
                Response.accepted(Map.of("executionId", restarted, "restartOf", executionId))
                    .location(executionUri(uri, restarted))
                    .build())
        .orElseGet(() -> noSuchExecution(executionId));
  }

  private static URI executionUri(UriInfo uri, long executionId) {
    return uri.getBaseUriBuilder().path("jobs").path(Long.toString(executionId)).build();
  }

  private static Response noSuchExecution(long executionId) {
    return Problems.notFound("job execution " + executionId + " does not exist");
  }
}

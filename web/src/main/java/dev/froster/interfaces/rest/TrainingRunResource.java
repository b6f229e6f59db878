package dev.froster.interfaces.rest;

import dev.froster.application.TrainingOverrides;
import dev.froster.application.TrainingRunDetails;
import dev.froster.application.TrainingRunService;
import dev.froster.domain.model.training.TrainingRunId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Training runs: start one (at most one at a time: 409), follow its status, step/total, candidate,
 * metrics and job execution, stop it, restart it from its last checkpoint, abandon it. Admins only.
 */
@Path("training/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class TrainingRunResource {

  @EJB private TrainingRunService runs;

  /**
   * Starts a run; the optional body overrides settings for this run ({@code epochs, batchSize,
   * checkpointEverySteps, learningRate, novelMargin, hmTolerance}). 202 with the run in {@code
   * Location}; 409 when one runs or there is nothing to train on; 400 for a value out of range.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(
      TrainingOverrides body, @Context SecurityContext security, @Context UriInfo uri) {
    long id =
        runs.start(
            security.getUserPrincipal().getName(), body != null ? body : TrainingOverrides.none());
    return Response.accepted(view(runs.details(new TrainingRunId(id))))
        .location(uri.getBaseUriBuilder().path("training/runs").path(Long.toString(id)).build())
        .build();
  }

  @GET
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"),
      description = "how many runs, newest first, 1-1000, default 50")
  public JsonObject list(@Context UriInfo uri) {
    int limit = QueryParameters.of(uri, Set.of("limit")).count("limit", 50, 1000);
    JsonArrayBuilder items = Json.createArrayBuilder();
    runs.list(limit).forEach(run -> items.add(view(run)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("{id}")
  public JsonObject find(@PathParam("id") @Positive long id) {
    return view(runs.details(new TrainingRunId(id)));
  }

  /** Asks the run to stop after its next checkpoint: 202; 409 when it is not running. */
  @POST
  @Path("{id}/stop")
  public Response stop(@PathParam("id") @Positive long id) {
    runs.stop(new TrainingRunId(id));
    return Response.accepted(view(runs.details(new TrainingRunId(id)))).build();
  }

  /** Restarts a stopped or failed run from its last checkpoint: 202; 409 otherwise. */
  @POST
  @Path("{id}/restart")
  public Response restart(@PathParam("id") @Positive long id) {
    long execution = runs.restart(new TrainingRunId(id));
    return Response.accepted(Map.of("runId", id, "jobExecutionId", execution)).build();
  }

  /** Gives a stopped or failed run up: 200; 409 when it runs or completed. */
  @POST
  @Path("{id}/abandon")
  public JsonObject abandon(@PathParam("id") @Positive long id) {
    runs.abandon(new TrainingRunId(id));
    return view(runs.details(new TrainingRunId(id)));
  }

  static JsonObject view(TrainingRunDetails run) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", run.id())
            .add("trigger", run.trigger())
            .add("status", run.status())
            .add("step", run.step())
            .add("startedAt", run.startedAt().toString())
            .add("settings", ModelResource.parse(run.settingsJson()))
            .add("dataset", ModelResource.parse(run.datasetSummaryJson()))
            .add("metrics", ModelResource.parse(run.metricsJson()))
            .add("gate", ModelResource.parse(run.gateJson()));
    ModelResource.addNullable(json, "totalSteps", run.totalSteps());
    ModelResource.addNullable(json, "jobExecutionId", run.jobExecutionId());
    ModelResource.addNullable(json, "teacherId", run.teacherId());
    ModelResource.addNullable(json, "parentId", run.parentId());
    ModelResource.addNullable(json, "candidateId", run.candidateId());
    addNullable(json, "batchStatus", run.batchStatus());
    addNullable(json, "failureReason", run.failureReason());
    addNullable(json, "endedAt", run.endedAt() == null ? null : run.endedAt().toString());
    return json.build();
  }

  private static void addNullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}

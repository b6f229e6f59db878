package dev.froster.interfaces.rest;

import dev.froster.application.TrainingScheduleDetails;
import dev.froster.application.TrainingSchedules;
import dev.froster.domain.model.schedule.TrainingScheduleId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * Retraining schedules (administrators): a name and a Quartz cron expression ({@code seconds
 * minutes hours day-of-month month day-of-week [year]}, e.g. {@code "0 0 2 ? * SUN"}); each firing
 * starts a training run and is recorded with its outcome. Answers list the next fire times and the
 * latest firings. An invalid cron expression or name is a 400 naming the field, and nothing is
 * stored.
 */
@Path("training/schedules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class TrainingScheduleResource {

  private static final Set<String> FIELDS = Set.of("name", "cron", "enabled");

  @EJB private TrainingSchedules schedules;

  @Context private SecurityContext security;

  @GET
  public List<TrainingScheduleDetails> list() {
    return schedules.list();
  }

  @GET
  @Path("{id}")
  public TrainingScheduleDetails find(@PathParam("id") @Positive long id) {
    return schedules.find(new TrainingScheduleId(id));
  }

  /** Body {@code {"name", "cron", "enabled" (default true)}}: 201 with the schedule. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context UriInfo uri) {
    JsonObject request = object(body);
    TrainingScheduleDetails created =
        schedules.create(text(request, "name"), text(request, "cron"), enabled(request), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  /** Replaces name, cron expression and state (body as for create). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TrainingScheduleDetails update(@PathParam("id") @Positive long id, String body) {
    JsonObject request = object(body);
    return schedules.update(
        new TrainingScheduleId(id),
        text(request, "name"),
        text(request, "cron"),
        enabled(request),
        actor());
  }

  @POST
  @Path("{id}/enable")
  public TrainingScheduleDetails enable(@PathParam("id") @Positive long id) {
    return schedules.enable(new TrainingScheduleId(id), true, actor());
  }

  @POST
  @Path("{id}/disable")
  public TrainingScheduleDetails disable(@PathParam("id") @Positive long id) {
    return schedules.enable(new TrainingScheduleId(id), false, actor());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") @Positive long id) {
    schedules.delete(new TrainingScheduleId(id), actor());
    return Response.noContent().build();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }

  private static JsonObject object(String body) {
    JsonObject request;
    try {
      request = Json.createReader(new StringReader(body == null ? "" : body)).readObject();
    } catch (JsonException | IllegalStateException notAnObject) {
      throw new InvalidRequestException(
          "the body is not a JSON object: " + notAnObject.getMessage());
    }
    for (String field : request.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new InvalidRequestException("unknown field " + field + "; known: " + FIELDS);
      }
    }
    return request;
  }

  private static String text(JsonObject request, String field) {
    JsonValue value = request.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new InvalidRequestException(field + " must be a string");
    }
    return string.getString();
  }

  private static boolean enabled(JsonObject request) {
    JsonValue value = request.get("enabled");
    if (value == null || value == JsonValue.NULL) {
      return true;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw new InvalidRequestException("enabled must be true or false");
    }
    return value == JsonValue.TRUE;
  }
}

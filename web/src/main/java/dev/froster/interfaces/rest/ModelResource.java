package dev.froster.interfaces.rest;

import dev.froster.application.ModelVersionDetails;
import dev.froster.application.ModelVersions;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
import java.io.StringReader;

/**
 * The model registry: every version with kind, status, parent, teacher, training configuration,
 * metrics and curves (read by archivists, taggers and admins); import of a CLIP checkpoint as a
 * base version (admins). Promotion, rollback and purge share the path (ModelPromotionResource).
 */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

  /** Body of {@code POST /models/imports}. */
  public record ImportRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank String checkpointPath,
      String tokenizerPath) {}

  @EJB private ModelVersions versions;

  /** Every version, newest first, without curves. */
  @GET
  @RolesAllowed({"archivist", "tagger", "admin"})
  public JsonObject list() {
    JsonArrayBuilder items = Json.createArrayBuilder();
    versions.list().forEach(v -> items.add(view(v, false)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  /** One version with its metrics and curves; 404 when it does not exist. */
  @GET
  @Path("{id}")
  @RolesAllowed({"archivist", "tagger", "admin"})
  public JsonObject find(@PathParam("id") @Positive long id) {
    return view(versions.details(new ModelVersionId(id)), true);
  }

  /**
   * Imports a CLIP checkpoint as a base version: 201 with the version; 400 (nothing registered, no
   * bundle left) when the file is not a CLIP checkpoint or lies outside the roots.
   */
  @POST
  @Path("imports")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Response importClip(@NotNull @Valid ImportRequest body, @Context UriInfo uri) {
    ModelVersionDetails imported =
        versions.importClip(body.name(), body.checkpointPath(), body.tokenizerPath());
    return Response.created(
            uri.getBaseUriBuilder().path("models").path(Long.toString(imported.id())).build())
        .entity(view(imported, true))
        .build();
  }

  static JsonObject view(ModelVersionDetails v, boolean withCurves) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", v.id())
            .add("name", v.name())
            .add("kind", v.kind())
            .add("status", v.status())
            .add("bundlePath", v.bundlePath())
            .add("dimension", v.dimension())
            .add("createdAt", v.createdAt().toString());
    addNullable(json, "parentId", v.parentId());
    addNullable(json, "teacherId", v.teacherId());
    if (v.activatedAt() != null) {
      json.add("activatedAt", v.activatedAt().toString());
    } else {
      json.addNull("activatedAt");
    }
    json.add("trainingConfig", parse(v.trainingConfigJson()));
    JsonObject metrics = parse(v.metricsJson());
    if (!withCurves && metrics.containsKey("curves")) {
      metrics = Json.createObjectBuilder(metrics).remove("curves").build();
    }
    json.add("metrics", metrics);
    return json.build();
  }

  static void addNullable(JsonObjectBuilder json, String name, Long value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  static JsonObject parse(String json) {
    return json == null
        ? Json.createObjectBuilder().build()
        : Json.createReader(new StringReader(json)).readObject();
  }
}

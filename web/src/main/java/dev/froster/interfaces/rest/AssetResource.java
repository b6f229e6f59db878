package dev.froster.interfaces.rest;

import dev.froster.application.AssetIngestService;
import dev.froster.application.AssetIngestService.Registration;
import dev.froster.application.ManifestReader;
import dev.froster.application.ManifestRow;
import dev.froster.application.UploadTooLargeException;
import dev.froster.domain.model.asset.AssetDescription;
import dev.froster.domain.model.asset.AssetId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Media assets: register a file (by {@code file:} URI under an ingest root, by multipart upload, or
 * many from a manifest) and read where an asset stands. The same bytes twice are one asset: the
 * second registration answers 200 with {@code "duplicate": true} instead of 202.
 */
@Path("assets")
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {

  @EJB private AssetIngestService ingest;

  @jakarta.inject.Inject
  @ConfigProperty(name = "froster.ingest.max-upload-bytes", defaultValue = "8589934592")
  long maxUploadBytes;

  @Context private UriInfo uri;

  /**
   * Body {@code {"uri": "file:///...", "title", "collection", "externalId", "metadata": {...}}};
   * only {@code uri} is required.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Response registerFile(String body) {
    JsonObject request = object(body);
    String source = text(request, "uri");
    if (source == null) {
      throw new InvalidRequestException("field uri is missing");
    }
    Map<String, String> metadata = new HashMap<>();
    JsonValue given = request.get("metadata");
    if (given != null && given.getValueType() == JsonValue.ValueType.OBJECT) {
      given.asJsonObject().forEach((key, value) -> metadata.put(key, plain(value)));
    } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
      throw new InvalidRequestException("field metadata must be a JSON object");
    }
    AssetDescription description =
        new AssetDescription(
            text(request, "title"),
            text(request, "collection"),
            text(request, "externalId"),
            metadata);
    return registered(ingest.registerFile(source, description));
  }

  /**
   * Multipart: the file in part {@code file}; optional parts {@code title}, {@code collection},
   * {@code externalId}.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed("admin")
  public Response upload(
      List<EntityPart> parts, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength)
      throws IOException {
    if (contentLength != null && contentLength > maxUploadBytes + 64 * 1024) {
      throw new UploadTooLargeException(maxUploadBytes);
    }
    EntityPart file = null;
    Map<String, String> fields = new HashMap<>();
    for (EntityPart part : parts) {
      if (part.getName().equals("file")) {
        file = part;
      } else {
        fields.put(part.getName(), part.getContent(String.class));
      }
    }
    if (file == null) {
      throw new InvalidRequestException("multipart part file is missing");
    }
    AssetDescription description =
        new AssetDescription(
            fields.get("title"), fields.get("collection"), fields.get("externalId"), Map.of());
    try (InputStream content = file.getContent()) {
      return registered(
          ingest.registerUpload(content, file.getFileName().orElse(null), description));
    }
  }

  /**
   * A manifest as CSV (header {@code uri,title,collection,external_id}, more columns are metadata)
   * or a JSON array; every row is checked before any is registered.
   */
  @POST
  @Path("manifest")
  @Consumes({"text/csv", MediaType.APPLICATION_JSON})
  @RolesAllowed("admin")
  public Response registerManifest(
      String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
    List<ManifestRow> rows =
        type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            ? ManifestReader.json(body)
            : ManifestReader.csv(body);
    List<Registration> registrations = ingest.registerManifest(rows);
    JsonArrayBuilder assets = Json.createArrayBuilder();
    for (int i = 0; i < rows.size(); i++) {
      assets.add(
          Json.createObjectBuilder(AssetViews.registration(registrations.get(i)))
              .add("row", rows.get(i).row()));
    }
    return Response.accepted(Json.createObjectBuilder().add("assets", assets).build().toString())
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"archivist", "tagger", "admin"})
  public Response describe(@PathParam("id") @Positive long id) {
    return Response.ok(
            AssetViews.details(ingest.describe(new AssetId(id)), uri.getBaseUriBuilder())
                .toString())
        .build();
  }

  private Response registered(Registration registration) {
    URI location =
        uri.getBaseUriBuilder()
            .path("assets")
            .path(Long.toString(registration.id().value()))
            .build();
    Response.ResponseBuilder response =
        registration.duplicate() ? Response.ok() : Response.accepted();
    return response
        .location(location)
        .entity(AssetViews.registration(registration).toString())
        .build();
  }

  private static JsonObject object(String body) {
    try {
      return Json.createReader(new StringReader(body == null ? "" : body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidRequestException("the body is not a JSON object: " + e.getMessage());
    }
  }

  private static String text(JsonObject request, String field) {
    JsonValue value = request.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException("field " + field + " must be a string");
    }
    return request.getString(field);
  }

  private static String plain(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.STRING
        ? ((jakarta.json.JsonString) value).getString()
        : value.toString();
  }
}

package dev.froster.interfaces.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The API's error format in its OpenAPI document (docs/rest-errors.md): a {@code Problem} schema
 * (RFC 9457) and, on every operation, the problem responses any operation can give: 400 (the
 * request is not valid), 401 (no or wrong credentials), 403 (outside the operation's roles), and
 * 404 where the path names something by id. Responses an operation documents itself stay as they
 * are. Registered with {@code mp.openapi.filter} (META-INF/microprofile-config.properties).
 */
public class ProblemResponses implements OASFilter {

  static final String SCHEMA = "Problem";

  private static final Map<String, String> EVERY_OPERATION =
      Map.of(
          "400", "The request is not valid; the problem's detail names what is wrong",
          "401", "No credentials, or wrong ones (HTTP Basic)",
          "403", "The signed-in user's role may not call this operation");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema(SCHEMA, problemSchema());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      boolean namesAnId = path.getKey().contains("{");
      for (Operation operation : path.getValue().getOperations().values()) {
        if (operation.getResponses() == null) {
          operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        EVERY_OPERATION.forEach((status, description) -> add(responses, status, description));
        if (namesAnId) {
          add(responses, "404", "Nothing has the id the path names");
        }
      }
    }
  }

  private static void add(APIResponses responses, String status, String description) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    responses.addAPIResponse(
        status,
        OASFactory.createAPIResponse()
            .description(description)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        Problems.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(SCHEMA)))));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details")
        .addProperty(
            "type",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description("urn:froster:problem:<kind>, e.g. urn:froster:problem:invalid-search"))
        .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .description("the HTTP status"))
        .addProperty(
            "detail",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description("what is wrong, naming the parameter or field"))
        .addRequired("type")
        .addRequired("title")
        .addRequired("status");
  }
}

package dev.froster.interfaces.rest;

import dev.froster.application.LabelledExample;
import dev.froster.application.LabelledExamples;
import dev.froster.application.ReviewCursor;
import dev.froster.application.ReviewOrder;
import dev.froster.application.ReviewPage;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.ReviewRequest;
import dev.froster.application.ReviewService;
import dev.froster.domain.model.review.Decision;
import dev.froster.domain.model.tag.TagId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The review queue: pending tags with their keyframe, time range, suggested term, confidence and
 * runner-up terms; accept, reject or relabel one or many; the labelled examples decisions produce.
 */
@Path("review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"tagger", "admin"})
public class ReviewResource {

  private static final Set<String> QUEUE_PARAMETERS =
      Set.of("vocabulary", "minConfidence", "maxConfidence", "asset", "sort", "cursor", "limit");
  private static final Set<String> EXAMPLE_PARAMETERS = Set.of("vocabulary", "after", "limit");
  private static final int DEFAULT_PAGE = 50;

  @EJB private ReviewService review;
  @EJB private LabelledExamples labelledExamples;

  @Context private UriInfo uri;

  /**
   * Pending items; filters {@code vocabulary} (id), {@code minConfidence}, {@code maxConfidence},
   * {@code asset} (id); {@code sort=oldest} (default) or {@code confidence} (highest first); {@code
   * limit} (1-200, default 50) and {@code cursor} (the previous page's {@code nextCursor}).
   */
  @GET
  @Path("items")
  public Response pending() {
    QueryParameters parameters = QueryParameters.of(uri, QUEUE_PARAMETERS);
    String sort = parameters.text("sort");
    ReviewOrder order = sort == null ? ReviewOrder.OLDEST : ReviewOrder.of(sort);
    String cursor = parameters.text("cursor");
    ReviewPage page =
        review.pending(
            new ReviewQueueQuery(
                parameters.positiveLong("vocabulary"),
                parameters.unitInterval("minConfidence"),
                parameters.unitInterval("maxConfidence"),
                parameters.positiveLong("asset"),
                order,
                cursor == null ? null : ReviewCursor.decode(cursor, order),
                parameters.count("limit", DEFAULT_PAGE, ReviewQueueQuery.MAX_LIMIT)));
    JsonArrayBuilder items = Json.createArrayBuilder();
    page.items().forEach(item -> items.add(ReviewViews.item(item, uri.getBaseUriBuilder())));
    var json = Json.createObjectBuilder().add("items", items);
    if (page.next() != null) {
      json.add("nextCursor", page.next().encode());
    }
    return Response.ok(json.build().toString()).build();
  }

  @GET
  @Path("items/{id}")
  public Response item(@PathParam("id") @Positive long id) {
    return Response.ok(
            ReviewViews.item(review.item(new TagId(id)), uri.getBaseUriBuilder()).toString())
        .build();
  }

  /** Body {@code {"decision": "accept|reject|relabel", "termId": (relabel only), "comment"}}. */
  @POST
  @Path("items/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(@PathParam("id") @Positive long id, String body) {
    JsonObject request = object(body);
    rejectUnknownFields(request, Set.of("decision", "termId", "comment"));
    var decided = review.decide(List.of(new TagId(id)), decision(request));
    return Response.ok(ReviewViews.decided(decided.get(0)).toString()).build();
  }

  /**
   * Body {@code {"items": [tag ids], "decision", "termId", "comment"}}: the same decision for every
   * item, all or nothing (at most {@value ReviewService#MAX_ITEMS_PER_DECISION} items).
   */
  @POST
  @Path("decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decideMany(String body) {
    JsonObject request = object(body);
    rejectUnknownFields(request, Set.of("items", "decision", "termId", "comment"));
    JsonValue given = request.get("items");
    if (given == null || given.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("field items must be an array of tag ids");
    }
    List<TagId> items = new ArrayList<>();
    int index = 0;
    for (JsonValue value : given.asJsonArray()) {
      if (!(value instanceof JsonNumber number)
          || !number.isIntegral()
          || number.longValue() <= 0) {
        throw new InvalidRequestException(
            "items[" + index + "] must be a positive tag id, was " + value);
      }
      items.add(new TagId(number.longValue()));
      index++;
    }
    JsonArrayBuilder decided = Json.createArrayBuilder();
    review.decide(items, decision(request)).forEach(d -> decided.add(ReviewViews.decided(d)));
    return Response.ok(Json.createObjectBuilder().add("decided", decided).build().toString())
        .build();
  }

  /**
   * Accepted and relabelled tags as labelled examples for retraining, in decision order: {@code
   * vocabulary} (id), {@code after} (the previous page's {@code nextAfter}), {@code limit} (1-1000,
   * default 100).
   */
  @GET
  @Path("labelled-examples")
  @RolesAllowed("admin")
  public Response labelledExamples() {
    QueryParameters parameters = QueryParameters.of(uri, EXAMPLE_PARAMETERS);
    Long after = parameters.positiveLong("after");
    int limit = parameters.count("limit", 100, LabelledExamples.MAX_LIMIT);
    List<LabelledExample> examples =
        labelledExamples.list(
            parameters.positiveLong("vocabulary"), after == null ? 0 : after, limit);
    JsonArrayBuilder json = Json.createArrayBuilder();
    examples.forEach(example -> json.add(ReviewViews.example(example)));
    var page = Json.createObjectBuilder().add("examples", json);
    if (examples.size() == limit) {
      page.add("nextAfter", examples.get(examples.size() - 1).decisionId());
    }
    return Response.ok(page.build().toString()).build();
  }

  private static ReviewRequest decision(JsonObject request) {
    JsonValue decision = request.get("decision");
    if (!(decision instanceof JsonString word)) {
      throw new InvalidRequestException(
          "field decision must be one of accept, reject, relabel"
              + (decision == null ? " (it is missing)" : ", was " + decision));
    }
    Long termId = null;
    JsonValue term = request.get("termId");
    if (term != null && term.getValueType() != JsonValue.ValueType.NULL) {
      if (!(term instanceof JsonNumber number) || !number.isIntegral()) {
        throw new InvalidRequestException("field termId must be a term id, was " + term);
      }
      termId = number.longValue();
    }
    String comment = null;
    JsonValue text = request.get("comment");
    if (text != null && text.getValueType() != JsonValue.ValueType.NULL) {
      if (!(text instanceof JsonString string)) {
        throw new InvalidRequestException("field comment must be a string");
      }
      comment = string.getString();
    }
    return new ReviewRequest(Decision.of(word.getString()), termId, comment);
  }

  private static JsonObject object(String body) {
    try {
      return Json.createReader(new StringReader(body == null ? "" : body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidRequestException("the body is not a JSON object: " + e.getMessage());
    }
  }

  private static void rejectUnknownFields(JsonObject request, Set<String> known) {
    for (String field : request.keySet()) {
      if (!known.contains(field)) {
        throw new InvalidRequestException("unknown field " + field + "; known: " + known);
      }
    }
  }
}

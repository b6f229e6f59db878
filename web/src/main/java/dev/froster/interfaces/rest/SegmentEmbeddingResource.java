package dev.froster.interfaces.rest;

import dev.froster.application.SegmentEmbeddingService;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.segment.SegmentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Segment embeddings of one model version: store them, search them by cosine distance. */
@Path("model-versions/{modelVersionId}")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentEmbeddingResource {

  @EJB private SegmentEmbeddingService embeddings;

  /**
   * Stores the embedding of a segment: 201 when new, 200 when it replaced one. Body: {@code
   * {"vector": [numbers]}} with exactly the model version's dimension.
   */
  @PUT
  @Path("segment-embeddings/{segmentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Response store(
      @PathParam("modelVersionId") @Positive long modelVersionId,
      @PathParam("segmentId") @Positive long segmentId,
      String body) {
    Embedding embedding = VectorBody.parse(body);
    boolean created =
        embeddings.store(new SegmentId(segmentId), new ModelVersionId(modelVersionId), embedding);
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(new StoredEmbeddingView(modelVersionId, segmentId, embedding.dimensions()))
        .build();
  }

  /** The segments nearest the query vector, nearest first. */
  @POST
  @Path("nearest-segments")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"archivist", "tagger", "admin"})
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"),
      description = "how many segments, 1-1000, default 10")
  public List<NeighbourView> nearest(
      @PathParam("modelVersionId") @Positive long modelVersionId,
      String body,
      @Context UriInfo uri) {
    int limit = QueryParameters.of(uri, Set.of("limit")).count("limit", 10, 1000);
    return embeddings
        .nearestSegments(new ModelVersionId(modelVersionId), VectorBody.parse(body), limit)
        .stream()
        .map(NeighbourView::of)
        .toList();
  }
}

package dev.froster.interfaces.rest;

import dev.froster.application.EmbeddingRetention;
import dev.froster.application.ModelPromotion;
import dev.froster.application.ModelRegistry;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
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

/**
 * Switching search to another model version (administrators): promote a candidate (its segment and
 * term embeddings and index are built by the {@code reembed} job while search keeps answering from
 * the active version; the switch is one transaction when they are complete), watch the promotion,
 * roll back to the previous version in one call, purge a retired version's embeddings. Problems:
 * 404 for an unknown version, 409 when the state forbids the action (a promotion is running, the
 * version is not a candidate, no previous version is kept, the rollback target cannot be purged).
 */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ModelPromotionResource {

  @EJB private ModelPromotion promotion;
  @EJB private ModelRegistry registry;
  @EJB private EmbeddingRetention retention;

  @Context private SecurityContext security;

  /** Starts promoting the candidate: 202 with the {@code reembed} execution (see {@code jobs}). */
  @POST
  @Path("{id}/promote")
  public Response promote(@PathParam("id") @Positive long id, @Context UriInfo uri) {
    long executionId = promotion.promote(new ModelVersionId(id), actor());
    return Response.accepted(new PromotionStarted(executionId, id, "STARTING"))
        .location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(executionId)).build())
        .build();
  }

  /** The latest promotion (running or ended); 404 when none was ever started. */
  @GET
  @Path("promotion")
  public Response latest() {
    return promotion
        .latest()
        .map(status -> Response.ok(status).build())
        .orElseGet(
            () -> Problems.notFound("no promotion was started yet (POST models/{id}/promote)"));
  }

  /** Makes the previous version active again and retires the current one, in one transaction. */
  @POST
  @Path("rollback")
  public ModelVersionView rollback() {
    return ModelVersionView.of(registry.find(promotion.rollback(actor())));
  }

  /** Deletes a retired version's segment and term embeddings and its HNSW index now. */
  @POST
  @Path("{id}/purge")
  public ModelVersionView purge(@PathParam("id") @Positive long id) {
    return ModelVersionView.of(retention.purge(new ModelVersionId(id), actor()));
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }

  /** What {@code promote} answers: the job execution that carries the promotion. */
  public record PromotionStarted(long executionId, long candidate, String batchStatus) {}
}

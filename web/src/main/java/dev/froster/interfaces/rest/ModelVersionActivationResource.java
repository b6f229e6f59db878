package dev.froster.interfaces.rest;

import dev.froster.application.ModelRegistry;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Activates a candidate version now: the previous active version is retired (it becomes the
 * rollback target) and the version's HNSW index created, in one transaction. It does not wait for
 * the version's embeddings, so it is for a first version or a deliberate cut-over; {@code POST
 * models/{id}/promote} ({@link ModelPromotionResource}) switches only once they are complete. A
 * class of its own because JAX-RS picks one class per path.
 */
@Path("model-versions/{modelVersionId}/activation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ModelVersionActivationResource {

  @EJB private ModelRegistry registry;

  @POST
  public ModelVersionView activate(@PathParam("modelVersionId") @Positive long modelVersionId) {
    return ModelVersionView.of(registry.activate(new ModelVersionId(modelVersionId)));
  }
}

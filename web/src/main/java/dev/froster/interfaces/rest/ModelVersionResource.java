package dev.froster.interfaces.rest;

import dev.froster.application.ModelRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Registers a model bundle as a candidate version (its dimension read from the bundle).
 * Administrators only; activation is {@link ModelVersionActivationResource}.
 */
@Path("model-versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ModelVersionResource {

  @EJB private ModelRegistry registry;

  @POST
  public Response register(@NotNull @Valid ModelVersionRegistration body, @Context UriInfo uri) {
    ModelVersionView version =
        ModelVersionView.of(registry.register(body.name(), body.bundlePath()));
    return Response.created(
            uri.getBaseUriBuilder()
                .path("model-versions")
                .path(Long.toString(version.id()))
                .build())
        .entity(version)
        .build();
  }
}

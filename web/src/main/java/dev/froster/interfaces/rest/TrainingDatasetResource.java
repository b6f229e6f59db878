package dev.froster.interfaces.rest;

import dev.froster.application.TrainingDatasetDetails;
import dev.froster.application.TrainingRunService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Datasets every training run uses besides the review decisions: ActionDataset folders under the
 * datasets root or an ingest root. Admins only.
 */
@Path("training/datasets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class TrainingDatasetResource {

  /** Body of {@code POST /training/datasets}. */
  public record Registration(@NotBlank @Size(max = 200) String name, @NotBlank String path) {}

  @EJB private TrainingRunService runs;

  /** Registers a dataset: 201; 400 naming what is wrong (nothing registered). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@NotNull @Valid Registration body) {
    TrainingDatasetDetails dataset = runs.registerDataset(body.name(), body.path());
    return Response.status(Response.Status.CREATED).entity(dataset).build();
  }

  @GET
  public Map<String, List<TrainingDatasetDetails>> list() {
    return Map.of("items", runs.datasets());
  }
}

package dev.froster.interfaces.rest;

import dev.froster.application.AssetTagService;
import dev.froster.domain.model.asset.AssetId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * The tags of an asset, one entry per term: its accepted segment tags aggregated (count, highest
 * and mean confidence, time ranges merged where they overlap or touch) and whether the whole asset
 * is tagged with it; {@code ?include=pending} adds the pending ones as entries of their own.
 */
@Path("assets/{id}/tags")
@Produces(MediaType.APPLICATION_JSON)
public class AssetTagResource {

  @EJB private AssetTagService assetTags;

  @Context private UriInfo uri;

  @GET
  @RolesAllowed({"archivist", "tagger", "admin"})
  public Response tags(@PathParam("id") @Positive long id) {
    String include = QueryParameters.of(uri, Set.of("include")).text("include");
    if (include != null && !include.equals("pending")) {
      throw new InvalidParameterException("include may only be pending, was '" + include + "'");
    }
    JsonArrayBuilder tags = Json.createArrayBuilder();
    assetTags
        .tagsOf(new AssetId(id), include != null)
        .forEach(tag -> tags.add(ReviewViews.assetTag(tag)));
    return Response.ok(
            Json.createObjectBuilder().add("assetId", id).add("tags", tags).build().toString())
        .build();
  }
}

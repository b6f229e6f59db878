package dev.froster.interfaces.rest;

import dev.froster.application.AssetIngestService;
import dev.froster.domain.model.segment.SegmentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Segments: their keyframe thumbnails. */
@Path("segments")
public class SegmentResource {

  @EJB private AssetIngestService ingest;

  @GET
  @Path("{id}/keyframe")
  @Produces("image/jpeg")
  @RolesAllowed({"archivist", "tagger", "admin"})
  public Response keyframe(@PathParam("id") @Positive long id) {
    SegmentId segment = new SegmentId(id);
    CacheControl immutable = new CacheControl();
    // A segment's keyframe never changes once stored.
    immutable.setMaxAge(86_400);
    immutable.setPrivate(true);
    return ingest
        .keyframe(segment)
        .map(jpeg -> Response.ok(jpeg, "image/jpeg").cacheControl(immutable).build())
        .orElseGet(() -> Problems.notFound(segment + " does not exist or has no keyframe"));
  }
}

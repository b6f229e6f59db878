package dev.froster.interfaces.rest;

import dev.froster.application.InvalidSearchException;
import dev.froster.application.SearchPage;
import dev.froster.application.SearchService;
import dev.froster.application.UploadTooLargeException;
import dev.froster.domain.model.segment.SegmentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Open-vocabulary search over the catalogue's moments with the active model version: by text
 * ({@code GET search?q=...}), like a stored segment ({@code GET search/similar?segment=ID}) or like
 * an uploaded clip ({@code POST search/similar}, multipart part {@code clip}). Filters, paging and
 * their forms: {@link SearchParameters}; docs/search.md.
 */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"archivist", "tagger", "admin"})
public class SearchResource {

  @EJB private SearchService search;

  /** Largest clip {@code POST search/similar} accepts; default 100 MiB. */
  @Inject
  @ConfigProperty(name = "froster.search.max-clip-bytes", defaultValue = "104857600")
  long maxClipBytes;

  @Context private UriInfo uri;

  @GET
  @Operation(summary = "Moments nearest a free-text query, by the active model version")
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      required = true,
      description = "the text, at most 512 characters")
  @Parameter(
      name = "collection",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "the asset's collection")
  @Parameter(
      name = "ingestedFrom",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "ISO-8601 date or instant, years 1..9999: ingested at or after")
  @Parameter(
      name = "ingestedTo",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "ISO-8601 date (whole day included) or instant, years 1..9999: ingested before")
  @Parameter(
      name = "minDuration",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "asset duration, s, at least")
  @Parameter(
      name = "maxDuration",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "asset duration, s, at most")
  @Parameter(
      name = "tag",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "term label or id of an accepted tag on the segment or its asset")
  @Parameter(
      name = "minScore",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "in [-1, 1]")
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER),
      description = "1..100, default 20")
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "next of the previous page")
  @Parameter(
      name = "group",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "none (default) or asset")
  @Parameter(
      name = "exact",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.BOOLEAN),
      description = "true: no index")
  public Response byText() {
    SearchParameters parameters = SearchParameters.read(uri.getQueryParameters(), Set.of("q"));
    boolean byAsset = parameters.groupByAsset();
    SearchPage page = search.search(parameters.query(), parameters.filters(), parameters.paging());
    return answer(page, byAsset);
  }

  @GET
  @Path("similar")
  @Operation(summary = "Moments like a stored segment (itself excluded)")
  @Parameter(
      name = "segment",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER),
      required = true,
      description = "segment id")
  @Parameter(
      name = "collection",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "the asset's collection")
  @Parameter(
      name = "ingestedFrom",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "ISO-8601 date or instant, years 1..9999: ingested at or after")
  @Parameter(
      name = "ingestedTo",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "ISO-8601 date (whole day included) or instant, years 1..9999: ingested before")
  @Parameter(
      name = "minDuration",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "asset duration, s, at least")
  @Parameter(
      name = "maxDuration",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "asset duration, s, at most")
  @Parameter(
      name = "tag",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "term label or id of an accepted tag on the segment or its asset")
  @Parameter(
      name = "minScore",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "in [-1, 1]")
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER),
      description = "1..100, default 20")
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "next of the previous page")
  @Parameter(
      name = "group",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "none (default) or asset")
  @Parameter(
      name = "exact",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.BOOLEAN),
      description = "true: no index")
  public Response likeSegment() {
    SearchParameters parameters =
        SearchParameters.read(uri.getQueryParameters(), Set.of("segment"));
    boolean byAsset = parameters.groupByAsset();
    SearchPage page =
        search.similarToSegment(
            new SegmentId(parameters.segment()), parameters.filters(), parameters.paging());
    return answer(page, byAsset);
  }

  @POST
  @Path("similar")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Moments like an uploaded clip (multipart, exactly one part: clip), embedded whole;"
              + " filters and paging in the query string")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = "clip",
                      properties =
                          @SchemaProperty(
                              name = "clip",
                              type = SchemaType.STRING,
                              format = "binary",
                              description = "the video clip"))))
  @Parameter(
      name = "collection",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "the asset's collection")
  @Parameter(
      name = "ingestedFrom",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "ISO-8601 date or instant, years 1..9999: ingested at or after")
  @Parameter(
      name = "ingestedTo",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "ISO-8601 date (whole day included) or instant, years 1..9999: ingested before")
  @Parameter(
      name = "minDuration",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "asset duration, s, at least")
  @Parameter(
      name = "maxDuration",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "asset duration, s, at most")
  @Parameter(
      name = "tag",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "term label or id of an accepted tag on the segment or its asset")
  @Parameter(
      name = "minScore",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.NUMBER),
      description = "in [-1, 1]")
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.INTEGER),
      description = "1..100, default 20")
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "next of the previous page")
  @Parameter(
      name = "group",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.STRING),
      description = "none (default) or asset")
  @Parameter(
      name = "exact",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.BOOLEAN),
      description = "true: no index")
  public Response likeClip(
      List<EntityPart> parts, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength)
      throws IOException {
    SearchParameters parameters = SearchParameters.read(uri.getQueryParameters(), Set.of());
    boolean byAsset = parameters.groupByAsset();
    if (contentLength != null && contentLength > maxClipBytes + 64 * 1024) {
      throw new UploadTooLargeException(maxClipBytes);
    }
    requireOnlyOneClip(parts.stream().map(EntityPart::getName).toList());
    EntityPart clip = parts.get(0);
    java.nio.file.Path file = Files.createTempFile("froster-search-clip", ".upload");
    try {
      try (InputStream content = clip.getContent();
          OutputStream out = Files.newOutputStream(file)) {
        copyAtMost(content, out, maxClipBytes);
      }
      SearchPage page;
      try {
        page = search.similarToClip(file, parameters.filters(), parameters.paging());
      } catch (InvalidSearchException unreadable) {
        // The decoder names the server's temporary copy: name the file the client sent instead.
        String sent = clip.getFileName().orElse("the uploaded clip");
        throw new InvalidSearchException(
            unreadable.parameter(), unreadable.reason().replace(file.toString(), sent));
      }
      return answer(page, byAsset);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * The body of {@code POST search/similar} is one part, {@code clip}. Any other part is refused,
   * not ignored: a client sending a filter as a form field (the style of {@code POST assets}) would
   * otherwise get a wider search than it asked for.
   */
  static void requireOnlyOneClip(List<String> partNames) {
    for (String name : partNames) {
      if (name == null || name.isEmpty()) {
        throw new InvalidSearchException(
            "clip", "multipart part without a name; send only the part clip");
      }
      if (!name.equals("clip")) {
        throw new InvalidSearchException(
            name,
            "is a multipart part this endpoint does not take: send only the part clip; filters"
                + " and paging belong in the query string");
      }
    }
    if (partNames.isEmpty()) {
      throw new InvalidSearchException("clip", "multipart part clip is missing");
    }
    if (partNames.size() > 1) {
      throw new InvalidSearchException(
          "clip", "multipart part clip is given " + partNames.size() + " times; send one clip");
    }
  }

  private Response answer(SearchPage page, boolean byAsset) {
    return Response.ok(SearchViews.page(page, byAsset, uri.getBaseUriBuilder()).toString()).build();
  }

  private static void copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      copied += read;
      if (copied > limit) {
        throw new UploadTooLargeException(limit);
      }
      out.write(buffer, 0, read);
    }
  }
}

package dev.froster.interfaces.rest;

import dev.froster.application.AssetDetails;
import dev.froster.application.AssetIngestService;
import dev.froster.domain.model.asset.AssetId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

/**
 * An asset's ingested video file for HTML5 players, with HTTP range requests: browsers ask for the
 * part around the playback position ({@code Range: bytes=a-b}, answered 206 with {@code
 * Content-Range}) instead of the whole file, and seek by asking for another part. The file is
 * streamed from disk in small buffers, never held in memory.
 */
@Path("assets/{id}/video")
public class AssetVideoResource {

  private static final int BUFFER_BYTES = 64 * 1024;

  @EJB private AssetIngestService ingest;

  @GET
  @RolesAllowed({"archivist", "tagger", "admin"})
  public Response video(@PathParam("id") @Positive long id, @HeaderParam("Range") String range)
      throws IOException {
    AssetDetails asset = ingest.describe(new AssetId(id));
    java.nio.file.Path file = localFile(asset);
    if (file == null) {
      return Problems.notFound("asset " + id + " has no local video file: " + asset.sourceUri());
    }
    long length;
    try {
      length = Files.size(file);
    } catch (NoSuchFileException gone) {
      return Problems.notFound(
          "the video file of asset " + id + " (" + asset.sourceUri() + ") is no longer there");
    }
    String type =
        VideoContentType.of(
            asset.probe() == null ? null : asset.probe().container(),
            file.getFileName().toString());
    CacheControl privateCache = new CacheControl();
    // Ingested bytes never change (the asset is its content hash), but only signed-in users see it.
    privateCache.setPrivate(true);
    privateCache.setMaxAge(3600);
    ByteRange.Request asked = ByteRange.of(range, length);
    if (asked instanceof ByteRange.Unsatisfiable) {
      return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
          .header("Content-Range", "bytes */" + length)
          .header("Accept-Ranges", "bytes")
          .build();
    }
    ByteRange part =
        asked instanceof ByteRange.Part chosen
            ? chosen.range()
            : new ByteRange(0, Math.max(0, length - 1), length);
    Response.ResponseBuilder response =
        asked instanceof ByteRange.Part
            ? Response.status(Response.Status.PARTIAL_CONTENT)
                .header("Content-Range", part.contentRange())
            : Response.ok();
    long size = length == 0 ? 0 : part.size();
    return response
        .type(type)
        .header("Accept-Ranges", "bytes")
        .header(HttpHeaders.CONTENT_LENGTH, size)
        .header(HttpHeaders.ETAG, "\"" + asset.sha256() + "\"")
        .cacheControl(privateCache)
        .entity((StreamingOutput) out -> copy(file, part.first(), size, out))
        .build();
  }

  /** The local path of a {@code file:} source URI (every ingested asset has one), else null. */
  private static java.nio.file.Path localFile(AssetDetails asset) {
    URI source = URI.create(asset.sourceUri());
    return "file".equalsIgnoreCase(source.getScheme()) ? java.nio.file.Path.of(source) : null;
  }

  static void copy(java.nio.file.Path file, long first, long size, OutputStream out)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(first);
      InputStream in = Channels.newInputStream(channel);
      byte[] buffer = new byte[BUFFER_BYTES];
      long left = size;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }
  }
}

package dev.froster.interfaces.rest;

import dev.froster.application.AssetConflictException;
import dev.froster.application.ManifestException;
import dev.froster.application.UploadTooLargeException;
import dev.froster.domain.model.asset.RefusedSourceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Problem responses for ingest's refusals. */
public final class IngestProblemMappers {

  private IngestProblemMappers() {}

  /**
   * 400: outside the ingest roots, not a file URI, no such file, not a regular file, unreadable.
   */
  @Provider
  public static class RefusedSource implements ExceptionMapper<RefusedSourceException> {
    @Override
    public Response toResponse(RefusedSourceException refused) {
      String type = refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
      String title =
          switch (refused.reason()) {
            case OUTSIDE_INGEST_ROOTS -> "The file is outside the ingest roots";
            case NOT_A_FILE_URI -> "Only file: URIs can be ingested";
            case NO_SUCH_FILE -> "The file does not exist";
            case NOT_A_REGULAR_FILE -> "Not a regular file";
            case UNREADABLE -> "The file cannot be read";
          };
      return Problems.of(Response.Status.BAD_REQUEST, type, title, refused.getMessage());
    }
  }

  /** 400 naming the row and field; nothing of the manifest was registered. */
  @Provider
  public static class Manifest implements ExceptionMapper<ManifestException> {
    @Override
    public Response toResponse(ManifestException bad) {
      return Problems.of(
          Response.Status.BAD_REQUEST,
          "invalid-manifest",
          "The manifest has a bad row; nothing was registered",
          bad.getMessage());
    }
  }

  /** 413 above {@code froster.ingest.max-upload-bytes}. */
  @Provider
  public static class UploadTooLarge implements ExceptionMapper<UploadTooLargeException> {
    @Override
    public Response toResponse(UploadTooLargeException tooLarge) {
      return Problems.of(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "upload-too-large",
          "The upload is too large",
          tooLarge.getMessage());
    }
  }

  /** 409 when an external id of a collection already names another asset. */
  @Provider
  public static class Conflict implements ExceptionMapper<AssetConflictException> {
    @Override
    public Response toResponse(AssetConflictException conflict) {
      return Problems.of(
          Response.Status.CONFLICT,
          "external-id-taken",
          "The external id is taken",
          conflict.getMessage());
    }
  }
}

package dev.froster.infrastructure.ingest;

import dev.froster.application.UploadTooLargeException;
import dev.froster.domain.model.asset.ContentHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Streams an upload to {@code <first root>/uploads/<sha256>.<ext>}: into a temporary file while
 * hashing, then renamed atomically, so no half-written file ever carries a final name.
 */
@ApplicationScoped
public class UploadStore {

  private static final Pattern SAFE_EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

  /** An upload stored under its final name. */
  public record StoredUpload(Path file, ContentHash hash, long bytes) {}

  @Inject IngestConfiguration configuration;

  /**
   * @throws UploadTooLargeException when more than {@code froster.ingest.max-upload-bytes} arrive
   *     (the partial file is removed)
   */
  public StoredUpload store(InputStream content, String fileName) {
    long limit = configuration.maxUploadBytes();
    Path folder = configuration.uploadFolder();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, ".upload-", ".part");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long bytes = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
        byte[] buffer = new byte[1 << 16];
        for (int read; (read = content.read(buffer)) != -1; ) {
          bytes += read;
          if (bytes > limit) {
            throw new UploadTooLargeException(limit);
          }
          out.write(buffer, 0, read);
        }
      }
      ContentHash hash = ContentHash.of(sha256.digest());
      Path target = folder.resolve(hash.hex() + extensionOf(fileName));
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      return new StoredUpload(target.toRealPath(), hash, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the upload " + fileName + " in " + folder, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The upload already failed; a stray .part file is removed by the next cleanup.
        }
      }
    }
  }

  /** ".mp4" from "Holiday.MP4"; nothing for names without a plain short extension. */
  static String extensionOf(String fileName) {
    if (fileName == null) {
      return "";
    }
    String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return "";
    }
    String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return SAFE_EXTENSION.matcher(extension).matches() ? "." + extension : "";
  }
}

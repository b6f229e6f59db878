package dev.froster.infrastructure.ingest;

import dev.froster.domain.model.asset.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 of a file's bytes, read in one streaming pass. */
public final class FileHashing {

  private FileHashing() {}

  public static ContentHash sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, read);
      }
      return ContentHash.of(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " to hash it", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}

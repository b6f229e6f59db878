package dev.froster.domain.model.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.asset.RefusedSourceException.Reason;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRootsTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;
  private IngestRoots roots;

  @BeforeEach
  void aRootWithAFileAndAFileOutside() throws Exception {
    root = Files.createDirectories(temp.resolve("root"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(root.resolve("clip.mp4"), "bytes");
    Files.writeString(outside.resolve("secret.mp4"), "bytes");
    roots = IngestRoots.parse(root + File.pathSeparator + temp.resolve("second"));
  }

  @Test
  void aFileUnderARootResolvesToItsRealPath() throws Exception {
    Path resolved = roots.resolve(root.resolve("clip.mp4").toUri().toString());
    assertEquals(root.resolve("clip.mp4").toRealPath(), resolved);
  }

  @Test
  void aFileOutsideTheRootsIsRefused() {
    RefusedSourceException refused =
        assertThrows(
            RefusedSourceException.class,
            () -> roots.resolve(outside.resolve("secret.mp4").toUri().toString()));
    assertEquals(Reason.OUTSIDE_INGEST_ROOTS, refused.reason());
    assertTrue(refused.getMessage().contains("outside the ingest roots"), refused.getMessage());
  }

  @Test
  void dotDotTraversalIsRefusedEvenWhenItWouldLandInsideARoot() {
    String escape = "file://" + root + "/../outside/secret.mp4";
    assertEquals(
        Reason.OUTSIDE_INGEST_ROOTS,
        assertThrows(RefusedSourceException.class, () -> roots.resolve(escape)).reason());
    String backIn = "file://" + root + "/../root/clip.mp4";
    assertEquals(
        Reason.OUTSIDE_INGEST_ROOTS,
        assertThrows(RefusedSourceException.class, () -> roots.resolve(backIn)).reason());
  }

  @Test
  void aSymlinkLeavingTheRootIsRefused() throws Exception {
    Path link = Files.createSymbolicLink(root.resolve("link.mp4"), outside.resolve("secret.mp4"));
    Path linkedFolder = Files.createSymbolicLink(root.resolve("elsewhere"), outside);
    assertEquals(
        Reason.OUTSIDE_INGEST_ROOTS,
        assertThrows(RefusedSourceException.class, () -> roots.resolve(link.toUri().toString()))
            .reason());
    assertEquals(
        Reason.OUTSIDE_INGEST_ROOTS,
        assertThrows(
                RefusedSourceException.class,
                () -> roots.resolve(linkedFolder.resolve("secret.mp4").toUri().toString()))
            .reason());
  }

  @Test
  void aSymlinkStayingInsideIsFollowed() throws Exception {
    Path link = Files.createSymbolicLink(root.resolve("alias.mp4"), root.resolve("clip.mp4"));
    assertEquals(root.resolve("clip.mp4").toRealPath(), roots.resolve(link.toUri().toString()));
  }

  @Test
  void otherSchemesMissingFilesAndFoldersAreRefusedWithTheirReason() {
    assertEquals(
        Reason.NOT_A_FILE_URI,
        assertThrows(RefusedSourceException.class, () -> roots.resolve("http://x/clip.mp4"))
            .reason());
    assertEquals(
        Reason.NOT_A_FILE_URI,
        assertThrows(RefusedSourceException.class, () -> roots.resolve(" ")).reason());
    assertEquals(
        Reason.NOT_A_FILE_URI,
        assertThrows(RefusedSourceException.class, () -> roots.resolve("clip.mp4")).reason());
    assertEquals(
        Reason.NO_SUCH_FILE,
        assertThrows(
                RefusedSourceException.class,
                () -> roots.resolve(root.resolve("missing.mp4").toUri().toString()))
            .reason());
    assertEquals(
        Reason.NOT_A_REGULAR_FILE,
        assertThrows(RefusedSourceException.class, () -> roots.resolve(root.toUri().toString()))
            .reason());
  }

  @Test
  void theFirstRootTakesUploadsAndARootNeedNotExistYet() {
    assertEquals(root, roots.first());
    assertTrue(roots.all().get(1).endsWith("second"));
    assertThrows(IllegalArgumentException.class, () -> IngestRoots.parse(" "));
  }
}

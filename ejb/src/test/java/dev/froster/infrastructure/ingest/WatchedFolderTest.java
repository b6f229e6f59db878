package dev.froster.infrastructure.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFolderTest {

  @TempDir Path folder;

  @Test
  void aFileIsReadyOnceItIsUnchangedForOnePollAndOnlyOnce() throws Exception {
    WatchedFolder watched = new WatchedFolder();
    Path clip = Files.writeString(folder.resolve("clip.mp4"), "part one");
    Files.writeString(folder.resolve("copying.mp4.part"), "x");
    Files.writeString(folder.resolve(".hidden.mp4"), "x");
    assertEquals(List.of(), watched.poll(folder));

    Files.writeString(clip, "part one and two");
    assertEquals(List.of(), watched.poll(folder));
    assertEquals(List.of(clip), watched.poll(folder));
    assertEquals(List.of(), watched.poll(folder));

    Files.writeString(clip, "changed afterwards!");
    Files.setLastModifiedTime(clip, FileTime.fromMillis(1_000_000));
    assertEquals(List.of(), watched.poll(folder));
    assertEquals(List.of(clip), watched.poll(folder));
  }

  @Test
  void aMissingFolderHasNothingReady() {
    assertEquals(List.of(), new WatchedFolder().poll(folder.resolve("absent")));
  }

  @Test
  void uploadExtensionsAreShortAndPlain() {
    assertEquals(".mp4", UploadStore.extensionOf("Holiday.MP4"));
    assertEquals(".mkv", UploadStore.extensionOf("C:\\clips\\a.b.mkv"));
    assertEquals("", UploadStore.extensionOf("../../etc/passwd"));
    assertEquals("", UploadStore.extensionOf("x.m p4"));
    assertEquals("", UploadStore.extensionOf(null));
  }
}

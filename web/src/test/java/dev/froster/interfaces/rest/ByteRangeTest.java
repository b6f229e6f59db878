package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteRangeTest {

  private static ByteRange part(String header, long length) {
    return assertInstanceOf(ByteRange.Part.class, ByteRange.of(header, length)).range();
  }

  @Test
  void aClosedRangeIsServedAsAsked() {
    ByteRange range = part("bytes=100-199", 1000);
    assertEquals(100, range.first());
    assertEquals(199, range.last());
    assertEquals(100, range.size());
    assertEquals("bytes 100-199/1000", range.contentRange());
  }

  @Test
  void anOpenRangeRunsToTheEndAndAnEndBeyondTheFileIsCut() {
    assertEquals("bytes 500-999/1000", part("bytes=500-", 1000).contentRange());
    assertEquals("bytes 900-999/1000", part("bytes=900-5000", 1000).contentRange());
    assertEquals("bytes 0-0/1000", part("BYTES=0-0", 1000).contentRange());
  }

  @Test
  void aSuffixRangeIsTheLastBytes() {
    assertEquals("bytes 800-999/1000", part("bytes=-200", 1000).contentRange());
    assertEquals("bytes 0-999/1000", part("bytes=-5000", 1000).contentRange());
  }

  @Test
  void aRangeStartingAtOrBeyondTheEndIsUnsatisfiable() {
    assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=1000-", 1000));
    assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=2000-3000", 1000));
    assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=-0", 1000));
  }

  @Test
  void noOrUnreadableOrMultipleRangesMeanTheWholeFile() {
    for (String header :
        new String[] {
          null, "", "items=0-1", "bytes=abc", "bytes=5-2", "bytes=-", "bytes=0-1,5-6", "bytes=1"
        }) {
      assertInstanceOf(ByteRange.Whole.class, ByteRange.of(header, 1000), String.valueOf(header));
    }
  }

  @Test
  void copyStreamsExactlyTheRangesBytes(@TempDir Path folder) throws Exception {
    byte[] content = new byte[300_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + 7);
    }
    Path file = Files.write(folder.resolve("clip.mp4"), content);
    ByteRange range = part("bytes=70000-269999", content.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AssetVideoResource.copy(file, range.first(), range.size(), out);
    assertArrayEquals(Arrays.copyOfRange(content, 70_000, 270_000), out.toByteArray());
  }

  @Test
  void theContentTypeComesFromTheProbedContainerAndTheExtension() {
    assertEquals("video/mp4", VideoContentType.of("mov,mp4,m4a,3gp,3g2,mj2", "a.mp4"));
    assertEquals("video/quicktime", VideoContentType.of("mov,mp4,m4a,3gp,3g2,mj2", "a.MOV"));
    assertEquals("video/webm", VideoContentType.of("matroska,webm", "a.webm"));
    assertEquals("video/x-matroska", VideoContentType.of("matroska,webm", "a.mkv"));
    assertEquals("video/x-msvideo", VideoContentType.of("avi", "a.bin"));
    assertEquals("video/mp4", VideoContentType.of(null, "a.mp4"));
    assertEquals(VideoContentType.UNKNOWN, VideoContentType.of(null, "a.xyz"));
  }
}

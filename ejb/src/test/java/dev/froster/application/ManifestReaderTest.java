package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  @Test
  void csvColumnsBecomeFieldsAndExtraColumnsMetadata() {
    List<ManifestRow> rows =
        ManifestReader.csv(
            "uri,title,collection,external_id,camera,location\r\n"
                + "file:///in/a.mp4,\"Harbour, dawn\",news,N-1,A7,\"Quay \"\"3\"\"\"\n"
                + "file:///in/b.mp4,,,,,\n");
    assertEquals(2, rows.size());
    ManifestRow first = rows.get(0);
    assertEquals(1, first.row());
    assertEquals("file:///in/a.mp4", first.uri());
    assertEquals("Harbour, dawn", first.description().title());
    assertEquals("news", first.description().collection());
    assertEquals("N-1", first.description().externalId());
    assertEquals(Map.of("camera", "A7", "location", "Quay \"3\""), first.description().metadata());
    assertNull(rows.get(1).description().title());
    assertEquals(Map.of(), rows.get(1).description().metadata());
  }

  @Test
  void aCsvRowWithoutUriOrWithTheWrongColumnCountIsNamed() {
    ManifestException missing =
        assertThrows(
            ManifestException.class, () -> ManifestReader.csv("uri,title\nfile:///a.mp4,A\n,B\n"));
    assertEquals(2, missing.row());
    assertEquals("uri", missing.field());
    ManifestException columns =
        assertThrows(
            ManifestException.class, () -> ManifestReader.csv("uri,title\nfile:///a.mp4\n"));
    assertEquals(1, columns.row());
    assertEquals(
        "uri",
        assertThrows(ManifestException.class, () -> ManifestReader.csv("title\nA\n")).field());
    assertThrows(ManifestException.class, () -> ManifestReader.csv("uri\n\"file:///a.mp4\n"));
    assertThrows(ManifestException.class, () -> ManifestReader.csv("uri\n"));
  }

  @Test
  void jsonObjectsWithMetadataAndEitherSpellingOfExternalId() {
    List<ManifestRow> rows =
        ManifestReader.json(
            "[{\"uri\":\"file:///in/a.mp4\",\"externalId\":\"X\",\"metadata\":{\"fps\":25},"
                + "\"camera\":\"A7\"},{\"uri\":\"file:///in/b.mp4\",\"external_id\":\"Y\"}]");
    assertEquals("X", rows.get(0).description().externalId());
    assertEquals(Map.of("fps", "25", "camera", "A7"), rows.get(0).description().metadata());
    assertEquals("Y", rows.get(1).description().externalId());
    assertEquals(2, rows.get(1).row());
  }

  @Test
  void badJsonRowsAreNamed() {
    ManifestException wrongType =
        assertThrows(
            ManifestException.class,
            () -> ManifestReader.json("[{\"uri\":\"file:///a\"},{\"uri\":7}]"));
    assertEquals(2, wrongType.row());
    assertEquals("uri", wrongType.field());
    assertEquals(
        1,
        assertThrows(ManifestException.class, () -> ManifestReader.json("[\"file:///a\"]")).row());
    assertThrows(ManifestException.class, () -> ManifestReader.json("{\"uri\":\"file:///a\"}"));
    assertThrows(ManifestException.class, () -> ManifestReader.json("[]"));
  }
}

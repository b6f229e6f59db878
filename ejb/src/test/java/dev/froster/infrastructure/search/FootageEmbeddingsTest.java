package dev.froster.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generator's promises: unit vectors, deterministic, and the documented hierarchy. */
class FootageEmbeddingsTest {

  private final FootageEmbeddings footage = new FootageEmbeddings(512, 1000, false, 7);

  @Test
  void rowsAreUnitVectorsAndAFunctionOfSeedAndIndex() {
    float[][] asset = footage.asset(41);
    assertEquals(FootageEmbeddings.SEGMENTS_PER_ASSET, asset.length);
    for (float[] row : asset) {
      assertEquals(1.0, FootageEmbeddings.dot(row, row), 1e-5);
    }
    assertArrayEquals(asset[3], new FootageEmbeddings(512, 1000, false, 7).asset(41)[3]);
    assertTrue(FootageEmbeddings.dot(asset[3], footage.asset(42)[3]) < 0.99);
  }

  @Test
  void neighboursInOneAssetAreCloseAndUnrelatedRowsShareOnlyTheCone() {
    double nearest = 0;
    double unrelated = 0;
    int assets = 200;
    for (int a = 0; a < assets; a++) {
      float[][] rows = footage.asset(a);
      double best = -1;
      for (int i = 1; i < rows.length; i++) {
        best = Math.max(best, FootageEmbeddings.dot(rows[0], rows[i]));
      }
      nearest += best;
      unrelated += FootageEmbeddings.dot(rows[0], footage.asset(a + 5000)[9]);
    }
    // A shot of two or more segments has cosine 1 - NOISE inside; unrelated rows share the cone
    // (plus an action now and then: popular actions recur).
    assertTrue(nearest / assets > 0.75, "mean best cosine inside an asset " + nearest / assets);
    assertEquals(FootageEmbeddings.CONE, unrelated / assets, 0.06);
  }

  @Test
  void queriesAreNoCopiesOfStoredRowsAndStillFindTheirAction() {
    float[] query = footage.query(3, 1000);
    assertEquals(1.0, FootageEmbeddings.dot(query, query), 1e-5);
    double best = -1;
    for (int a = 0; a < 1000; a++) {
      for (float[] row : footage.asset(a)) {
        best = Math.max(best, FootageEmbeddings.dot(query, row));
      }
    }
    // Text and video live in different cones: the best match scores well below 1, yet above an
    // unrelated row (cone-to-cone cosine about 0).
    assertTrue(best < 0.7 && best > 0.25, "best cosine " + best);
  }

  @Test
  void theUniformWorstCaseHasNoStructure() {
    FootageEmbeddings uniform = new FootageEmbeddings(512, 1000, true, 7);
    float[][] rows = uniform.asset(0);
    assertEquals(0, FootageEmbeddings.dot(rows[0], rows[1]), 0.2);
    assertEquals(0, FootageEmbeddings.dot(uniform.query(0, 10), rows[0]), 0.2);
  }
}

package dev.froster.infrastructure.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryEmbeddingsTest {

  @Test
  void aCachedQueryIsNotComputedAgain() {
    QueryEmbeddings.Lru<String, String> cache = new QueryEmbeddings.Lru<>(4);
    AtomicInteger computed = new AtomicInteger();

    assertEquals(
        "RUN",
        cache.get(
            "run",
            key -> {
              computed.incrementAndGet();
              return "RUN";
            }));
    assertEquals("RUN", cache.get("run", key -> "other"));

    assertEquals(1, computed.get());
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void theLeastRecentlyUsedEntryLeavesFirstAndTheSizeStaysBounded() {
    QueryEmbeddings.Lru<String, String> cache = new QueryEmbeddings.Lru<>(2);
    cache.get("a", String::toUpperCase);
    cache.get("b", String::toUpperCase);
    cache.get("a", key -> "recomputed");
    cache.get("c", String::toUpperCase);

    assertEquals(2, cache.size());
    assertEquals("A", cache.get("a", key -> "recomputed"), "a was used recently and stays");
    assertEquals("recomputed", cache.get("b", key -> "recomputed"), "b was evicted");
  }

  @Test
  void sizeZeroCachesNothing() {
    QueryEmbeddings.Lru<String, String> cache = new QueryEmbeddings.Lru<>(0);
    AtomicInteger computed = new AtomicInteger();
    cache.get("a", key -> "A" + computed.incrementAndGet());
    cache.get("a", key -> "A" + computed.incrementAndGet());
    assertEquals(2, computed.get());
    assertEquals(0, cache.size());
  }
}

package dev.froster.infrastructure.inference;

import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.model.ModelVersion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Text embeddings of search queries, cached per (model version, normalised text) in a bounded LRU:
 * the text tower with its prompt ensemble costs milliseconds to tens of milliseconds on a CPU,
 * while archivists repeat queries (and page through them) all day.
 *
 * <p>Size: {@code froster.search.query-cache-size} (MicroProfile Config), default {@value
 * #DEFAULT_SIZE} entries; at 512 dimensions an entry takes about 2 KB, so the default holds about 4
 * MB. 0 turns the cache off.
 */
@ApplicationScoped
public class QueryEmbeddings {

  static final int DEFAULT_SIZE = 2048;

  @Inject private VideoEmbedders embedders;

  private Lru<Key, Embedding> cache;

  @PostConstruct
  void configure() {
    int size =
        ConfigProvider.getConfig(QueryEmbeddings.class.getClassLoader())
            .getOptionalValue("froster.search.query-cache-size", Integer.class)
            .orElse(DEFAULT_SIZE);
    if (size < 0) {
      throw new IllegalArgumentException(
          "froster.search.query-cache-size must not be negative, was " + size);
    }
    cache = new Lru<>(size);
  }

  /** The unit embedding of {@code normalisedText} by {@code version}'s text tower. */
  public Embedding of(ModelVersion version, String normalisedText) {
    return cache.get(
        new Key(version.id().value(), normalisedText),
        key -> Embedding.of(embedders.of(version).embedText(normalisedText)));
  }

  private record Key(long modelVersion, String text) {}

  /**
   * A least-recently-used map of at most {@code capacity} entries, safe for concurrent callers.
   * Values are computed outside the lock, so two callers missing the same key at once both compute
   * it (the result is the same) rather than one waiting on the other's model call.
   */
  static final class Lru<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries;
    private long hits;
    private long misses;

    Lru(int capacity) {
      this.capacity = capacity;
      this.entries =
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
              return size() > Lru.this.capacity;
            }
          };
    }

    V get(K key, Function<K, V> compute) {
      synchronized (this) {
        V cached = entries.get(key);
        if (cached != null) {
          hits++;
          return cached;
        }
        misses++;
      }
      V computed = compute.apply(key);
      if (capacity > 0) {
        synchronized (this) {
          entries.put(key, computed);
        }
      }
      return computed;
    }

    synchronized int size() {
      return entries.size();
    }

    synchronized long hits() {
      return hits;
    }

    synchronized long misses() {
      return misses;
    }
  }
}

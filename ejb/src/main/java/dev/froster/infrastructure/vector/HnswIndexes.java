package dev.froster.infrastructure.vector;

import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One HNSW index per model version: {@code segment_embedding} has no fixed dimension, so each
 * version gets a partial expression index over {@code embedding::vector(D)} restricted to its rows
 * (cosine operator class). A query uses it when it orders by {@code embedding::vector(D) <=> q} and
 * filters on the same {@code model_version_id}; see {@link #nearestQueryFor}.
 */
@ApplicationScoped
public class HnswIndexes {

  private static final Logger LOG = Logger.getLogger(HnswIndexes.class.getName());

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  private HnswBuildSettings settings;

  /** The index name of a version, e.g. {@code segment_embedding_hnsw_v7}. */
  public static String nameFor(ModelVersionId version) {
    return "segment_embedding_hnsw_v" + version.value();
  }

  /**
   * MicroProfile Config: {@code froster.search.hnsw.m} (default 16) and {@code
   * froster.search.hnsw.ef-construction} (default 64), the build settings of indexes created from
   * now on (an existing index keeps its own).
   */
  @PostConstruct
  void configure() {
    Config config = ConfigProvider.getConfig(HnswIndexes.class.getClassLoader());
    settings =
        new HnswBuildSettings(
            config
                .getOptionalValue("froster.search.hnsw.m", Integer.class)
                .orElse(HnswBuildSettings.DEFAULTS.m()),
            config
                .getOptionalValue("froster.search.hnsw.ef-construction", Integer.class)
                .orElse(HnswBuildSettings.DEFAULTS.efConstruction()));
    LOG.info(
        "New HNSW indexes: m " + settings.m() + ", ef_construction " + settings.efConstruction());
  }

  /**
   * Creates the version's index in the caller's transaction unless it exists. Identifiers and the
   * dimension are numbers the application owns, so they can be written into the statement.
   */
  public void ensureFor(ModelVersionId version, int dimension) {
    entityManager
        .createNativeQuery(createStatementFor(version, dimension, settings))
        .executeUpdate();
  }

  /** The statement with the default settings (for tests and tools outside a server). */
  public static String createStatementFor(ModelVersionId version, int dimension) {
    return createStatementFor(version, dimension, HnswBuildSettings.DEFAULTS);
  }

  /** The statement {@link #ensureFor} runs. */
  public static String createStatementFor(
      ModelVersionId version, int dimension, HnswBuildSettings settings) {
    return "create index if not exists "
        + nameFor(version)
        + " on segment_embedding using hnsw ((embedding::vector("
        + dimension
        + ")) vector_cosine_ops) with (m = "
        + settings.m()
        + ", ef_construction = "
        + settings.efConstruction()
        + ") where model_version_id = "
        + version.value();
  }

  /**
   * The distance expression the version's index orders by, over {@code embeddingColumn} (e.g.
   * {@code e.embedding}) with one JDBC parameter ({@code ?}) for the query vector's text form.
   * Search SQL must use exactly this shape (and {@code model_version_id = v}) to reach the index.
   */
  public static String indexedDistance(String embeddingColumn, int dimension) {
    return embeddingColumn + "::vector(" + dimension + ") <=> cast(? as vector(" + dimension + "))";
  }

  /** A nearest-neighbour query of the shape the version's index serves (parameter 1: the query). */
  public static String nearestQueryFor(ModelVersionId version, int dimension, int limit) {
    return "select segment_id from segment_embedding where model_version_id = "
        + version.value()
        + " order by embedding::vector("
        + dimension
        + ") <=> cast(?1 as vector("
        + dimension
        + ")) limit "
        + limit;
  }
}

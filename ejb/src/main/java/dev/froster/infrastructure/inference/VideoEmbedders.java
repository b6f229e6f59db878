package dev.froster.infrastructure.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One loaded {@link EngineVideoEmbedder} per model version, shared by every partition of every job,
 * and closed when the application stops: the model's native memory then goes back, while the native
 * libraries themselves stay loaded in the server's {@code frosterEngine} library.
 *
 * <p>The device comes from {@code froster.device}: {@code auto} (default: a GPU when DJL sees one),
 * {@code cpu}, or {@code gpu}.
 */
@ApplicationScoped
public class VideoEmbedders {

  private static final Logger LOG = Logger.getLogger(VideoEmbedders.class.getName());

  private final Map<Long, EngineVideoEmbedder> loaded = new ConcurrentHashMap<>();

  /**
   * The embedder of {@code version}, loading (and checksum-verifying) its bundle on first use.
   *
   * @throws UncheckedIOException naming the bundle file that is missing or does not match
   */
  public EngineVideoEmbedder of(ModelVersion version) {
    return loaded.computeIfAbsent(version.id().value(), id -> load(version));
  }

  /** Frees the embedder of a version that no longer serves (e.g. retired). */
  public void release(ModelVersionId version) {
    EngineVideoEmbedder embedder = loaded.remove(version.value());
    if (embedder != null) {
      embedder.close();
    }
  }

  @PreDestroy
  void closeAll() {
    loaded.values().forEach(EngineVideoEmbedder::close);
    loaded.clear();
  }

  private static EngineVideoEmbedder load(ModelVersion version) {
    Device device = device();
    try {
      EngineVideoEmbedder embedder =
          EngineVideoEmbedder.open(Path.of(version.bundlePath()), device);
      // The bundle checks its files against its own manifest; this checks the bundle against what
      // was registered, so replaced files never make one version's embeddings from two models.
      if (!embedder.weightsSha256().equals(version.bundleSha256())) {
        String found = embedder.weightsSha256();
        embedder.close();
        throw new IOException(
            "the weights in "
                + version.bundlePath()
                + " (sha256 "
                + found
                + ") are not the ones registered ("
                + version.bundleSha256()
                + "); register the new bundle as a new version");
      }
      LOG.info("Loaded " + version.id() + " from " + version.bundlePath() + " on " + device);
      return embedder;
    } catch (IOException unusable) {
      throw new UncheckedIOException(
          version.id() + " cannot be loaded: " + unusable.getMessage(), unusable);
    }
  }

  private static Device device() {
    String configured =
        ConfigProvider.getConfig()
            .getOptionalValue("froster.device", String.class)
            .orElse("auto")
            .trim();
    return switch (configured) {
      case "cpu" -> Device.cpu();
      case "gpu" -> Device.gpu();
      case "auto" -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
      default ->
          throw new IllegalArgumentException(
              "froster.device must be auto, cpu or gpu, was '" + configured + "'");
    };
  }
}

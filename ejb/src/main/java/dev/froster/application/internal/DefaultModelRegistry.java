package dev.froster.application.internal;

import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.ModelRegistry;
import dev.froster.application.ModelsRoot;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.infrastructure.inference.BundleFacts;
import dev.froster.infrastructure.inference.EngineVideoEmbedder;
import dev.froster.infrastructure.vector.HnswIndexes;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultModelRegistry implements ModelRegistry {

  private static final Logger LOG = Logger.getLogger(DefaultModelRegistry.class.getName());

  @Inject private ModelVersionRepository versions;
  @Inject private ModelsRoot modelsRoot;
  @Inject private HnswIndexes indexes;

  @Override
  public ModelVersion register(String name, String bundlePath) {
    if (versions.nameTaken(name)) {
      throw new InvalidModelBundleException("a model version named '" + name + "' exists already");
    }
    Path bundle = insideRoot(bundlePath);
    BundleFacts facts;
    try {
      facts = EngineVideoEmbedder.readFacts(bundle);
    } catch (IOException unusable) {
      throw new InvalidModelBundleException("bundlePath: " + unusable.getMessage());
    }
    ModelVersion version =
        ModelVersion.candidate(name, bundle.toString(), facts.weightsSha256(), facts.dimension());
    versions.add(version);
    LOG.info("Registered " + version.id() + " '" + name + "' from " + bundle);
    return version;
  }

  @Override
  public ModelVersion activate(ModelVersionId id) {
    ModelVersion version = find(id);
    Optional<ModelVersion> previous = versions.active();
    if (previous.isPresent() && previous.get().id().equals(id)) {
      indexes.ensureFor(id, version.embedDim());
      return version;
    }
    Instant now = Instant.now();
    try {
      previous.ifPresent(old -> old.retire(now));
      // The retirement must reach the database before the activation: one active version at most.
      versions.flush();
      version.activate(now);
    } catch (IllegalStateException notACandidate) {
      throw new StateConflictException(notACandidate.getMessage());
    }
    indexes.ensureFor(id, version.embedDim());
    LOG.info("Activated " + id + previous.map(p -> ", retired " + p.id()).orElse(""));
    return version;
  }

  @Override
  public Optional<ModelVersion> active() {
    return versions.active();
  }

  @Override
  public Optional<ModelVersion> findByName(String name) {
    return versions.findByName(name);
  }

  @Override
  public ModelVersion find(ModelVersionId id) {
    return versions.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  /** The bundle's real path, refused unless it lies under the models root (no traversal). */
  private Path insideRoot(String bundlePath) {
    if (bundlePath == null || bundlePath.isBlank()) {
      throw new InvalidModelBundleException("bundlePath is required");
    }
    Path root = modelsRoot.path();
    Path requested = root.resolve(bundlePath).normalize();
    Path real;
    Path realRoot;
    try {
      real = requested.toRealPath();
      realRoot = root.toRealPath();
    } catch (IOException missing) {
      throw new InvalidModelBundleException(
          "bundlePath " + bundlePath + " does not exist under the models root " + root);
    }
    if (!real.startsWith(realRoot) || real.equals(realRoot)) {
      throw new InvalidModelBundleException(
          "bundlePath " + bundlePath + " lies outside the models root " + root);
    }
    if (!Files.isDirectory(real)) {
      throw new InvalidModelBundleException("bundlePath " + bundlePath + " is not a folder");
    }
    return real;
  }
}

package dev.froster.application.internal;

import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.ModelVersionDetails;
import dev.froster.application.ModelVersions;
import dev.froster.application.ModelsRoot;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.infrastructure.inference.BundleFacts;
import dev.froster.infrastructure.inference.EngineVideoEmbedder;
import dev.froster.infrastructure.ingest.IngestConfiguration;
import dev.froster.infrastructure.training.ClipImport;
import dev.froster.infrastructure.training.TrainingConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

// Only user requests call it (REST and the models page): reading for every role, import for
// admins (defence in depth; the callers check the same roles).
@RolesAllowed({"archivist", "tagger", "admin"})
@Stateless
public class DefaultModelVersions implements ModelVersions {

  private static final Logger LOG = Logger.getLogger(DefaultModelVersions.class.getName());

  @Inject private ModelVersionRepository versions;
  @Inject private ModelsRoot modelsRoot;
  @Inject private IngestConfiguration ingest;
  @Inject private TrainingConfiguration configuration;
  @Inject private ClipImport clipImport;

  @Override
  public List<ModelVersionDetails> list() {
    return versions.list().stream().map(ModelVersionDetails::of).toList();
  }

  @Override
  public ModelVersionDetails details(ModelVersionId id) {
    return ModelVersionDetails.of(
        versions.find(id).orElseThrow(() -> new UnknownEntityException(id)));
  }

  @Override
  @RolesAllowed("admin")
  public ModelVersionDetails importClip(String name, String checkpointPath, String tokenizerPath) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidModelBundleException("name is required (at most 200 characters)");
    }
    if (versions.nameTaken(name)) {
      throw new InvalidModelBundleException("a model version named '" + name + "' exists already");
    }
    Path checkpoint = readable("checkpointPath", checkpointPath);
    Path tokenizer = tokenizerPath == null ? null : readable("tokenizerPath", tokenizerPath);
    String folder = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    ClipImport.Imported imported =
        clipImport.importInto(checkpoint, tokenizer, configuration.importedBundle(folder));
    BundleFacts facts;
    try {
      facts = EngineVideoEmbedder.readFacts(imported.bundle());
    } catch (IOException unusable) {
      throw new InvalidModelBundleException("imported bundle: " + unusable.getMessage());
    }
    String source =
        Json.createObjectBuilder()
            .add("source", checkpoint.toString())
            .add("format", imported.format())
            .add("sourceSha256", imported.sourceSha256())
            .add("architecture", imported.architecture())
            .build()
            .toString();
    ModelVersion version =
        ModelVersion.base(
            name, imported.bundle().toString(), facts.weightsSha256(), facts.dimension(), source);
    versions.add(version);
    versions.flush();
    LOG.info("Imported " + checkpoint + " as base " + version.id() + " '" + name + "'");
    return ModelVersionDetails.of(version);
  }

  /** The real path of a file or folder under the models root or an ingest root. */
  private Path readable(String field, String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidModelBundleException(field + " is required");
    }
    Path root = modelsRoot.path();
    Path real;
    try {
      real = root.resolve(path).normalize().toRealPath();
    } catch (IOException missing) {
      throw new InvalidModelBundleException(
          field + " " + path + " does not exist (relative paths are under " + root + ")");
    }
    boolean underModels;
    try {
      underModels = Files.isDirectory(root) && real.startsWith(root.toRealPath());
    } catch (IOException unreadable) {
      underModels = false;
    }
    if (!underModels && !ingest.roots().contains(real)) {
      throw new InvalidModelBundleException(
          field + " " + path + " lies outside the models root " + root + " and the ingest roots");
    }
    return real;
  }
}

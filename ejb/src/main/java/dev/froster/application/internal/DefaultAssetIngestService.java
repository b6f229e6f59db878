package dev.froster.application.internal;

import dev.froster.application.AssetConflictException;
import dev.froster.application.AssetDetails;
import dev.froster.application.AssetIngestService;
import dev.froster.application.ManifestException;
import dev.froster.application.ManifestRow;
import dev.froster.application.UnknownEntityException;
import dev.froster.application.internal.AssetRegistry.Candidate;
import dev.froster.domain.model.asset.AssetDescription;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.IngestRoots;
import dev.froster.domain.model.asset.MediaAsset;
import dev.froster.domain.model.asset.MediaAssetRepository;
import dev.froster.domain.model.asset.RefusedSourceException;
import dev.froster.domain.model.segment.SegmentId;
import dev.froster.domain.model.segment.SegmentRepository;
import dev.froster.infrastructure.ingest.FileHashing;
import dev.froster.infrastructure.ingest.IngestConfiguration;
import dev.froster.infrastructure.ingest.UploadStore;
import dev.froster.infrastructure.ingest.WatchedFolder;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultAssetIngestService implements AssetIngestService {

  private static final Logger LOG = Logger.getLogger(DefaultAssetIngestService.class.getName());

  @Inject private IngestConfiguration configuration;
  @Inject private UploadStore uploads;
  @Inject private WatchedFolder watchedFolder;
  @Inject private MediaAssetRepository assets;
  @Inject private SegmentRepository segments;
  @EJB private AssetRegistry registry;

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Registration registerFile(String uri, AssetDescription description) {
    Path file = configuration.roots().resolve(uri);
    return register(List.of(candidate(0, file, description))).get(0);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Registration registerUpload(
      InputStream content, String fileName, AssetDescription description) {
    UploadStore.StoredUpload stored = uploads.store(content, fileName);
    LOG.info(
        "Stored upload " + fileName + " as " + stored.file() + " (" + stored.bytes() + " bytes)");
    String storedUri = stored.file().toUri().toString();
    Registration registration =
        register(List.of(new Candidate(0, storedUri, stored.hash(), description))).get(0);
    if (registration.duplicate()) {
      forgetDuplicateUpload(stored.file(), registration.id());
    }
    return registration;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Registration> registerManifest(List<ManifestRow> rows) {
    IngestRoots roots = configuration.roots();
    List<Path> files = new ArrayList<>(rows.size());
    for (ManifestRow row : rows) {
      try {
        files.add(roots.resolve(row.uri()));
      } catch (RefusedSourceException refused) {
        throw new ManifestException(row.row(), "uri", refused.getMessage());
      }
    }
    List<Candidate> candidates = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      candidates.add(candidate(rows.get(i).row(), files.get(i), rows.get(i).description()));
    }
    try {
      return register(candidates);
    } catch (AssetConflictException conflict) {
      throw new ManifestException(conflict.row(), "external_id", conflict.getMessage());
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int registerWatchedFiles() {
    Optional<Path> folder = configuration.watchFolder();
    if (folder.isEmpty()) {
      return 0;
    }
    IngestRoots roots = configuration.roots();
    int registered = 0;
    for (Path file : watchedFolder.poll(folder.get())) {
      try {
        Registration registration = registerFile(file.toUri().toString(), AssetDescription.none());
        if (!registration.duplicate()) {
          registered++;
        }
      } catch (RuntimeException refused) {
        // One bad file must not stop the folder; it is named in the log and tried again if it
        // changes.
        LOG.warning(
            "Watched file "
                + file
                + " not registered"
                + (roots.contains(file) ? "" : " (the watched folder is outside the ingest roots)")
                + ": "
                + refused.getMessage());
      }
    }
    return registered;
  }

  @Override
  public AssetDetails describe(AssetId id) {
    MediaAsset asset = assets.find(id).orElseThrow(() -> new UnknownEntityException(id));
    return new AssetDetails(
        asset.id(),
        asset.sourceUri(),
        asset.sha256(),
        asset.title(),
        asset.collection(),
        asset.externalId(),
        asset.metadataJson(),
        asset.status(),
        asset.failureReason(),
        asset.probe(),
        asset.ingestedAt(),
        segments.ofAsset(id));
  }

  @Override
  public Optional<byte[]> keyframe(SegmentId id) {
    return segments.keyframe(id);
  }

  /** Known bytes need no second copy, unless the asset's source is this very file. */
  /**
   * Registers in one transaction. Two requests with the same new bytes can both find no asset and
   * both insert: the unique constraint refuses the later one, whose second attempt then finds the
   * earlier one's asset, so its caller gets the duplicate answer rather than an error.
   */
  private List<Registration> register(List<Candidate> candidates) {
    try {
      return registry.register(candidates);
    } catch (ConcurrentRegistrationException lostRace) {
      LOG.info("A concurrent registration of the same asset won; registering again");
      return registry.register(candidates);
    }
  }

  private void forgetDuplicateUpload(Path stored, AssetId existing) {
    String source = assets.find(existing).map(MediaAsset::sourceUri).orElse("");
    if (!source.equals(stored.toUri().toString())) {
      try {
        java.nio.file.Files.deleteIfExists(stored);
      } catch (java.io.IOException e) {
        LOG.warning("Cannot remove the duplicate upload " + stored + ": " + e);
      }
    }
  }

  private static Candidate candidate(int row, Path file, AssetDescription description) {
    return new Candidate(row, file.toUri().toString(), FileHashing.sha256(file), description);
  }
}

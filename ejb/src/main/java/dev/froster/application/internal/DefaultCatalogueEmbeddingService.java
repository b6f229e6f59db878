package dev.froster.application.internal;

import dev.froster.application.AssetSegments;
import dev.froster.application.AssetUnreadableException;
import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddedSegments;
import dev.froster.application.EmbeddingProgress;
import dev.froster.application.ModelRegistry;
import dev.froster.application.SegmentSpan;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.infrastructure.inference.VideoEmbedders;
import dev.froster.infrastructure.vector.PgVectorCatalogueEmbeddings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultCatalogueEmbeddingService implements CatalogueEmbeddingService {

  private static final Logger LOG =
      Logger.getLogger(DefaultCatalogueEmbeddingService.class.getName());

  @Inject private PgVectorCatalogueEmbeddings catalogue;
  @Inject private VideoEmbedders embedders;
  @Inject private ModelRegistry registry;

  @Override
  public Optional<AssetSegments> nextPending(
      ModelVersionId version,
      int partitions,
      int partition,
      List<Long> assets,
      long afterSegmentId,
      int maxSegments) {
    return catalogue.nextPending(
        version, partitions, partition, assets, afterSegmentId, maxSegments);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public EmbeddedSegments embed(ModelVersionId version, AssetSegments asset)
      throws AssetUnreadableException {
    ModelVersion model = registry.find(version);
    Path file;
    try {
      file = Path.of(URI.create(asset.sourceUri()));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAFile) {
      throw new AssetUnreadableException(
          asset.assetId(), "source URI " + asset.sourceUri() + " is not a file: URI");
    }
    List<long[]> spans =
        asset.segments().stream()
            .map((SegmentSpan s) -> new long[] {s.startMs(), s.endMs()})
            .toList();
    try {
      return new EmbeddedSegments(asset, embedders.of(model).embedSegments(file, spans));
    } catch (VideoDecodingException unreadable) {
      throw new AssetUnreadableException(asset.assetId(), unreadable.getMessage());
    }
  }

  @Override
  public int store(ModelVersionId version, List<EmbeddedSegments> embedded) {
    int added = catalogue.insertMissing(version, embedded);
    catalogue.markEmbeddedWhereComplete(
        version, embedded.stream().map(e -> e.asset().assetId()).distinct().toList());
    return added;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markFailed(long assetId, String reason) {
    catalogue.markFailed(assetId, reason);
    LOG.warning("Asset " + assetId + " failed to embed: " + reason);
  }

  @Override
  public EmbeddingProgress progress(ModelVersionId version, List<Long> assets) {
    return catalogue.progress(version, assets);
  }
}

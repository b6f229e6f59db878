package dev.froster.application.internal;

import dev.froster.application.IngestProcessing;
import dev.froster.application.SegmentedAsset;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.AssetStatus;
import dev.froster.domain.model.asset.MediaAsset;
import dev.froster.domain.model.asset.MediaAssetRepository;
import dev.froster.domain.model.asset.UnreadableMediaException;
import dev.froster.domain.model.segment.Segment;
import dev.froster.domain.model.segment.SegmentCut;
import dev.froster.domain.model.segment.SegmentRepository;
import dev.froster.domain.model.segment.Segmentation;
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
public class DefaultIngestProcessing implements IngestProcessing {

  private static final Logger LOG = Logger.getLogger(DefaultIngestProcessing.class.getName());

  @Inject private MediaAssetRepository assets;
  @Inject private SegmentRepository segments;
  @Inject private Segmentation segmentation;

  @Override
  public List<AssetId> registeredAfter(long afterId) {
    return assets.registeredAfter(afterId);
  }

  @Override
  public boolean anyRegistered() {
    return assets.anyRegistered();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SegmentedAsset segment(AssetId id) throws UnreadableMediaException {
    Optional<MediaAsset> asset = assets.find(id);
    if (asset.isEmpty()) {
      throw new UnreadableMediaException(id + " no longer exists");
    }
    Path file;
    try {
      file = Path.of(URI.create(asset.get().sourceUri()));
    } catch (IllegalArgumentException e) {
      throw new UnreadableMediaException(
          "the source URI " + asset.get().sourceUri() + " is not a local file: " + e.getMessage());
    }
    return new SegmentedAsset(id, segmentation.segment(file));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void storeSegmented(List<SegmentedAsset> results) {
    for (SegmentedAsset result : results) {
      Optional<MediaAsset> found = assets.findForUpdate(result.id());
      if (found.isEmpty() || found.get().status() != AssetStatus.REGISTERED) {
        // Another execution got there first; its segments stand.
        continue;
      }
      MediaAsset asset = found.get();
      Segmentation.Result segmented = result.result();
      for (SegmentCut cut : segmented.segments()) {
        segments.add(new Segment(asset, cut.range(), cut.keyframeJpeg()));
      }
      asset.segmented(segmented.facts());
      LOG.info("Segmented " + asset + ": " + segmented.segments().size() + " segments");
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordFailure(AssetId id, String reason) {
    assets
        .findForUpdate(id)
        .filter(asset -> asset.status().canBecome(AssetStatus.FAILED))
        .ifPresent(
            asset -> {
              asset.failed(reason);
              LOG.warning(asset + " failed: " + reason);
            });
  }
}

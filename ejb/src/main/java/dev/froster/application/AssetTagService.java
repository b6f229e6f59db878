package dev.froster.application;

import dev.froster.domain.model.asset.AssetId;
import java.util.List;

/** The tags of an asset, one entry per term (and status), segment tags aggregated. */
public interface AssetTagService {

  /**
   * Accepted tags, and pending ones too when asked, ordered by vocabulary, then highest confidence.
   *
   * @throws UnknownEntityException when there is no such asset
   */
  List<AssetTag> tagsOf(AssetId asset, boolean includePending);
}

package dev.froster.application.internal;

import dev.froster.application.AssetTag;
import dev.froster.application.AssetTagService;
import dev.froster.application.TagQueries;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.asset.AssetId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

// Only user requests call it (REST and pages, which check the same roles): defence in depth.
@RolesAllowed({"archivist", "tagger", "admin"})
@Stateless
public class DefaultAssetTagService implements AssetTagService {

  @Inject private TagQueries queries;

  @Override
  public List<AssetTag> tagsOf(AssetId asset, boolean includePending) {
    if (!queries.assetExists(asset)) {
      throw new UnknownEntityException(asset);
    }
    return AssetTag.aggregate(queries.occurrences(asset, includePending));
  }
}

package dev.froster.domain.model.asset;

import java.util.EnumSet;
import java.util.Set;

/**
 * How far the pipeline has brought an asset; stored lower-case in {@code media_asset.status}.
 *
 * <p>The flow is registered → (probed) → segmented → embedded; any stage may end in failed, and a
 * failed asset may be registered again (a retry). A newer model version may send an embedded asset
 * back to segmented, to be embedded again.
 */
public enum AssetStatus {
  REGISTERED,
  PROBED,
  SEGMENTED,
  EMBEDDED,
  FAILED;

  /** Whether an asset in this status may move to {@code next}. */
  public boolean canBecome(AssetStatus next) {
    return successors().contains(next);
  }

  private Set<AssetStatus> successors() {
    return switch (this) {
      case REGISTERED -> EnumSet.of(PROBED, SEGMENTED, FAILED);
      case PROBED -> EnumSet.of(SEGMENTED, FAILED);
      case SEGMENTED -> EnumSet.of(EMBEDDED, FAILED);
      case EMBEDDED -> EnumSet.of(SEGMENTED, FAILED);
      case FAILED -> EnumSet.of(REGISTERED);
    };
  }
}

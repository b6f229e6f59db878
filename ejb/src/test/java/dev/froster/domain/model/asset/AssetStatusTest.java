package dev.froster.domain.model.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetStatusTest {

  private static final ProbeFacts FACTS =
      new ProbeFacts(
          "mov,mp4,m4a,3gp,3g2,mj2",
          "h264",
          null,
          3000,
          25,
          64,
          48,
          90,
          true,
          false,
          false,
          List.of(0L, 1200L));

  @Test
  void theFlowGoesForwardAndEveryStageMayFail() {
    assertTrue(AssetStatus.REGISTERED.canBecome(AssetStatus.SEGMENTED));
    assertTrue(AssetStatus.SEGMENTED.canBecome(AssetStatus.EMBEDDED));
    for (AssetStatus status :
        List.of(
            AssetStatus.REGISTERED,
            AssetStatus.PROBED,
            AssetStatus.SEGMENTED,
            AssetStatus.EMBEDDED)) {
      assertTrue(status.canBecome(AssetStatus.FAILED), status.name());
    }
    assertFalse(AssetStatus.REGISTERED.canBecome(AssetStatus.EMBEDDED));
    assertFalse(AssetStatus.SEGMENTED.canBecome(AssetStatus.REGISTERED));
    assertFalse(AssetStatus.FAILED.canBecome(AssetStatus.SEGMENTED));
    assertTrue(AssetStatus.FAILED.canBecome(AssetStatus.REGISTERED));
  }

  @Test
  void aSegmentedAssetKeepsItsProbeFacts() {
    MediaAsset asset = newAsset();
    asset.segmented(FACTS);
    assertEquals(AssetStatus.SEGMENTED, asset.status());
    assertEquals(FACTS, asset.probe());
    assertNull(asset.failureReason());
  }

  @Test
  void aFailedAssetNeedsAReasonAndCannotBeSegmentedAfterwards() {
    MediaAsset asset = newAsset();
    assertThrows(IllegalArgumentException.class, () -> asset.failed(" "));
    asset.failed("Cannot decode video /x.mp4: the file is empty");
    assertEquals(AssetStatus.FAILED, asset.status());
    assertEquals("Cannot decode video /x.mp4: the file is empty", asset.failureReason());
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> asset.segmented(FACTS));
    assertTrue(refused.getMessage().contains("from failed to segmented"), refused.getMessage());
  }

  @Test
  void anEmbeddedAssetMustHaveBeenSegmented() {
    MediaAsset asset = newAsset();
    assertThrows(IllegalStateException.class, asset::embedded);
    asset.segmented(FACTS);
    asset.embedded();
    assertEquals(AssetStatus.EMBEDDED, asset.status());
  }

  @Test
  void probeFactsSurviveTheirJsonForm() {
    assertEquals(FACTS, ProbeFacts.fromJson(FACTS.toJson()));
  }

  @Test
  void metadataIsAJsonObject() {
    MediaAsset asset =
        new MediaAsset(
            "file:/a.mp4",
            new ContentHash("a".repeat(64)),
            new AssetDescription(" t ", "", null, Map.of("b", "2", "a", "1")));
    assertEquals("{\"a\":\"1\",\"b\":\"2\"}", asset.metadataJson());
    assertEquals("t", asset.title());
    assertNull(asset.collection());
  }

  private static MediaAsset newAsset() {
    return new MediaAsset("file:/x.mp4", new ContentHash("0".repeat(64)), AssetDescription.none());
  }
}

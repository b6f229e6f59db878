package dev.froster.domain.model.segment;

import dev.froster.domain.model.asset.MediaAsset;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A time range of one media asset. */
@Entity
@Table(name = "segment")
public class Segment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "asset_id", nullable = false)
  private MediaAsset asset;

  @Column(name = "start_ms", nullable = false)
  private long startMs;

  @Column(name = "end_ms", nullable = false)
  private long endMs;

  /** A small JPEG of the segment's keyframe; read on its own (see SegmentRepository#keyframe). */
  @Column(name = "keyframe_jpeg")
  private byte[] keyframeJpeg;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Segment() {}

  public Segment(MediaAsset asset, TimeRange range) {
    this(asset, range, null);
  }

  public Segment(MediaAsset asset, TimeRange range, byte[] keyframeJpeg) {
    this.asset = asset;
    this.keyframeJpeg = keyframeJpeg;
    this.startMs = range.startMs();
    this.endMs = range.endMs();
    this.createdAt = Instant.now();
  }

  public SegmentId id() {
    return new SegmentId(id);
  }

  public MediaAsset asset() {
    return asset;
  }

  public TimeRange timeRange() {
    return new TimeRange(startMs, endMs);
  }
}

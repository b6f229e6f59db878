package dev.froster.domain.model.asset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One video file of the archive; its segments are cut from it. */
@Entity
@Table(name = "media_asset")
public class MediaAsset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "source_uri", nullable = false)
  private String sourceUri;

  @Column(name = "sha256", nullable = false, unique = true)
  private String sha256;

  @Column(name = "collection")
  private String collection;

  @Column(name = "title")
  private String title;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "status", nullable = false)
  private AssetStatus status;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "ingested_at", nullable = false, updatable = false)
  private Instant ingestedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MediaAsset() {}

  public MediaAsset(String sourceUri, String sha256, String collection, String title) {
    this.sourceUri = sourceUri;
    this.sha256 = sha256;
    this.collection = collection;
    this.title = title;
    this.status = AssetStatus.REGISTERED;
    this.ingestedAt = Instant.now();
    this.updatedAt = ingestedAt;
  }

  public Long id() {
    return id;
  }

  public String sourceUri() {
    return sourceUri;
  }

  public String sha256() {
    return sha256;
  }

  public String collection() {
    return collection;
  }

  public String title() {
    return title;
  }

  public String externalId() {
    return externalId;
  }

  public AssetStatus status() {
    return status;
  }

  public String failureReason() {
    return failureReason;
  }

  public Instant ingestedAt() {
    return ingestedAt;
  }
}

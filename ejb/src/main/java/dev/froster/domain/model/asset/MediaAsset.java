package dev.froster.domain.model.asset;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One media file of the archive, identified by the SHA-256 of its bytes; segments are cut from it.
 */
@Entity
@Table(name = "media_asset")
public class MediaAsset {

  /** Long reasons (FFmpeg can be verbose) are cut so a status page stays readable. */
  static final int MAX_REASON_LENGTH = 2000;

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

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "probe")
  private String probe;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metadata", nullable = false)
  private String metadata;

  @Column(name = "ingested_at", nullable = false, updatable = false)
  private Instant ingestedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MediaAsset() {}

  public MediaAsset(String sourceUri, String sha256, String collection, String title) {
    this(sourceUri, new ContentHash(sha256), new AssetDescription(title, collection, null, null));
  }

  public MediaAsset(String sourceUri, ContentHash hash, AssetDescription description) {
    this.sourceUri = sourceUri;
    this.sha256 = hash.hex();
    this.collection = description.collection();
    this.title = description.title();
    this.externalId = description.externalId();
    this.metadata = metadataJson(description.metadata());
    this.status = AssetStatus.REGISTERED;
    this.ingestedAt = Instant.now();
    this.updatedAt = ingestedAt;
  }

  /** Probing and segmenting succeeded: the facts are kept, the asset waits for embedding. */
  public void segmented(ProbeFacts facts) {
    moveTo(AssetStatus.SEGMENTED);
    this.probe = facts.toJson();
    this.failureReason = null;
  }

  /** The asset cannot go on; {@code reason} tells a person why. */
  public void failed(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a failed asset needs a reason");
    }
    moveTo(AssetStatus.FAILED);
    this.failureReason =
        reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
  }

  /** Every segment has an embedding for the active model version. */
  public void embedded() {
    moveTo(AssetStatus.EMBEDDED);
  }

  private void moveTo(AssetStatus next) {
    if (!status.canBecome(next)) {
      throw new IllegalStateException(
          this
              + " cannot go from "
              + status.name().toLowerCase()
              + " to "
              + next.name().toLowerCase());
    }
    status = next;
    updatedAt = Instant.now();
  }

  private static String metadataJson(Map<String, String> metadata) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    new TreeMap<>(metadata).forEach(json::add);
    return json.build().toString();
  }

  public AssetId id() {
    return new AssetId(id);
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

  /** Null until the asset has been probed. */
  public ProbeFacts probe() {
    return probe == null ? null : ProbeFacts.fromJson(probe);
  }

  /** The free metadata as a JSON object. */
  public String metadataJson() {
    return metadata;
  }

  public Instant ingestedAt() {
    return ingestedAt;
  }

  @Override
  public String toString() {
    return id == null ? "new asset " + sha256 : "asset " + id;
  }
}

package dev.froster.interfaces.faces.models;

import dev.froster.application.EmbeddingRetention;
import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.ModelPromotion;
import dev.froster.application.ModelRegistry;
import dev.froster.application.ModelVersionDetails;
import dev.froster.application.ModelVersions;
import dev.froster.application.PromotionStatus;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * models.xhtml (admins): every registered version with its lineage and held-out accuracy; one
 * version's training curves and accuracy bars; two versions side by side; promotion (a re-embedding
 * job whose progress the page polls), rollback, purge of a retired version's embeddings and import
 * of a CLIP checkpoint. The selection lives in the URL ({@code ?version=&compare=}) so that a
 * comparison can be bookmarked; every action checks the admin role again on the server.
 */
@Named
@RequestScoped
public class ModelsPage {

  @EJB private ModelVersions versions;
  @EJB private ModelRegistry registry;
  @EJB private ModelPromotion promotion;
  @EJB private EmbeddingRetention retention;

  private Long version;
  private Long compare;

  @NotBlank(message = "A name is required")
  @Size(max = 200, message = "A name has at most 200 characters")
  private String importName;

  @NotBlank(message = "The checkpoint (a path under the models root) is required")
  @Size(max = 1000, message = "At most 1000 characters")
  private String checkpointPath;

  @Size(max = 1000, message = "At most 1000 characters")
  private String tokenizerPath;

  private List<VersionRow> rows;
  private PromotionStatus promotionStatus;
  private boolean promotionRead;

  /** Every version, newest first. */
  public List<VersionRow> getRows() {
    if (rows == null) {
      rows =
          versions.list().stream()
              .map(v -> VersionRow.of(v, registry.find(new ModelVersionId(v.id()))))
              .toList();
    }
    return rows;
  }

  public VersionRow getSelected() {
    return row(version);
  }

  public VersionRow getCompared() {
    return row(compare);
  }

  /** The per-class rows of the comparison: every class either version was evaluated on. */
  public List<String> getComparedClasses() {
    Set<String> names = new LinkedHashSet<>();
    VersionRow left = getSelected();
    VersionRow right = getCompared();
    if (left != null) {
      left.metrics().perClass().forEach(c -> names.add(c.name()));
    }
    if (right != null) {
      right.metrics().perClass().forEach(c -> names.add(c.name()));
    }
    return List.copyOf(names);
  }

  private VersionRow row(Long id) {
    if (id == null) {
      return null;
    }
    return getRows().stream().filter(r -> r.id() == id).findFirst().orElse(null);
  }

  /** Checks the URL's selection once the view parameters are set. */
  public void checkSelection() {
    if (version != null && getSelected() == null) {
      Messages.error(null, "Model version " + version + " does not exist");
    }
    if (compare != null && getCompared() == null) {
      Messages.error(null, "Model version " + compare + " (to compare with) does not exist");
    }
  }

  public PromotionStatus getPromotion() {
    if (!promotionRead) {
      promotionStatus = promotion.latest().orElse(null);
      promotionRead = true;
    }
    return promotionStatus;
  }

  /** Percent of the catalogue the promoted candidate has embedded (100 once completed). */
  public Integer getPromotionPercent() {
    PromotionStatus status = getPromotion();
    if (status == null) {
      return null;
    }
    if ("COMPLETED".equals(status.batchStatus())) {
      return 100;
    }
    return status.total() == 0 ? null : (int) Math.min(100, 100 * status.done() / status.total());
  }

  public boolean isPromotionRunning() {
    PromotionStatus status = getPromotion();
    return status != null
        && Set.of("STARTING", "STARTED", "STOPPING").contains(status.batchStatus());
  }

  public void promote(long id) {
    act(
        () -> {
          long execution = promotion.promote(new ModelVersionId(id), actor());
          Messages.info("Promoting version " + id + ": re-embedding job execution " + execution);
        });
  }

  public void rollback() {
    act(
        () -> {
          ModelVersionId restored = promotion.rollback(actor());
          Messages.info("Rolled back: version " + restored.value() + " is active again");
        });
  }

  public void purge(long id) {
    act(
        () -> {
          retention.purge(new ModelVersionId(id), actor());
          Messages.info("Purged the embeddings of retired version " + id);
        });
  }

  public void importCheckpoint() {
    try {
      Roles.require("admin");
      String tokenizer =
          tokenizerPath == null || tokenizerPath.isBlank() ? null : tokenizerPath.trim();
      ModelVersionDetails imported =
          versions.importClip(importName.trim(), checkpointPath.trim(), tokenizer);
      Messages.info("Imported " + imported.name() + " as base version " + imported.id());
      version = imported.id();
    } catch (InvalidModelBundleException | IllegalArgumentException refused) {
      Messages.error("import:checkpointPath", refused.getMessage());
    } catch (StateConflictException | SecurityException refused) {
      Messages.error(null, refused.getMessage());
    }
    reset();
  }

  private void act(Runnable action) {
    try {
      Roles.require("admin");
      action.run();
    } catch (StateConflictException
        | UnknownEntityException
        | IllegalArgumentException
        | IllegalStateException
        | SecurityException refused) {
      Messages.error(null, refused.getMessage());
    }
    reset();
  }

  private void reset() {
    rows = null;
    promotionRead = false;
  }

  private static String actor() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public Long getCompare() {
    return compare;
  }

  public void setCompare(Long compare) {
    this.compare = compare;
  }

  public String getImportName() {
    return importName;
  }

  public void setImportName(String importName) {
    this.importName = importName;
  }

  public String getCheckpointPath() {
    return checkpointPath;
  }

  public void setCheckpointPath(String checkpointPath) {
    this.checkpointPath = checkpointPath;
  }

  public String getTokenizerPath() {
    return tokenizerPath;
  }

  public void setTokenizerPath(String tokenizerPath) {
    this.tokenizerPath = tokenizerPath;
  }
}

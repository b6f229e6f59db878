package dev.froster.interfaces.faces.dashboard;

import dev.froster.application.EmbeddingCoverageService;
import dev.froster.application.ModelRegistry;
import dev.froster.application.ReviewOrder;
import dev.froster.application.ReviewPage;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.ReviewService;
import dev.froster.application.VersionCoverage;
import dev.froster.domain.model.model.ModelVersion;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * dashboard.xhtml: where the catalogue stands, in one look: the active model, the embedding
 * coverage of every version that has embeddings (active, candidates being re-embedded, retired ones
 * still kept for rollback), the review queue and recent jobs. The review queue length is counted up
 * to one page of the queue ({@link ReviewQueueQuery#MAX_LIMIT}; more shows as "200+"), and only for
 * the roles that may review.
 */
@Named
@RequestScoped
public class DashboardPage {

  @EJB private ModelRegistry models;
  @EJB private EmbeddingCoverageService embeddings;
  @EJB private ReviewService review;
  @Inject FacesContext faces;

  private ModelVersion activeModel;
  private List<VersionCoverage> coverage;
  private String reviewQueueLength;

  @PostConstruct
  void load() {
    Optional<ModelVersion> active = models.active();
    activeModel = active.orElse(null);
    coverage = embeddings.perVersion();
    if (faces.getExternalContext().isUserInRole("tagger")
        || faces.getExternalContext().isUserInRole("admin")) {
      try {
        ReviewPage page =
            review.pending(
                new ReviewQueueQuery(
                    null, null, null, null, ReviewOrder.OLDEST, null, ReviewQueueQuery.MAX_LIMIT));
        reviewQueueLength = page.items().size() + (page.next() == null ? "" : "+");
      } catch (EJBAccessException notAllowed) {
        reviewQueueLength = null;
      }
    }
  }

  public ModelVersion getActiveModel() {
    return activeModel;
  }

  /** Every version with embeddings, the active one first. */
  public List<VersionCoverage> getCoverage() {
    return coverage;
  }

  public String getReviewQueueLength() {
    return reviewQueueLength;
  }
}

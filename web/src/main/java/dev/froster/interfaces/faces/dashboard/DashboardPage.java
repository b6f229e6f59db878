package dev.froster.interfaces.faces.dashboard;

import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddingProgress;
import dev.froster.application.ModelRegistry;
import dev.froster.application.ReviewOrder;
import dev.froster.application.ReviewPage;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.ReviewService;
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
 * dashboard.xhtml: where the catalogue stands, in one look. The review queue length is counted up
 * to one page of the queue ({@link ReviewQueueQuery#MAX_LIMIT}; more shows as "200+"), and only for
 * the roles that may review.
 */
@Named
@RequestScoped
public class DashboardPage {

  @EJB private ModelRegistry models;
  @EJB private CatalogueEmbeddingService embeddings;
  @EJB private ReviewService review;
  @Inject FacesContext faces;

  private ModelVersion activeModel;
  private EmbeddingProgress coverage;
  private String reviewQueueLength;

  @PostConstruct
  void load() {
    Optional<ModelVersion> active = models.active();
    activeModel = active.orElse(null);
    coverage = active.map(version -> embeddings.progress(version.id(), List.of())).orElse(null);
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

  public EmbeddingProgress getCoverage() {
    return coverage;
  }

  /** Percent of the catalogue's segments the active version has embedded. */
  public double getCoveragePercent() {
    return coverage == null || coverage.total() == 0
        ? 0
        : 100.0 * coverage.done() / coverage.total();
  }

  public String getReviewQueueLength() {
    return reviewQueueLength;
  }
}

package dev.froster.infrastructure.training;

import dev.froster.application.LabelledExample;
import dev.froster.application.LabelledExamples;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.MediaAsset;
import dev.froster.domain.model.asset.MediaAssetRepository;
import dev.froster.domain.model.vocabulary.Term;
import dev.froster.engine.retraining.LabelledClip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The review queue's labelled examples (accepted and relabelled moments) as clips to cut: the
 * asset's file, the moment's span, the term's label and description. Asset-level tags without a
 * span and assets whose source is not a file are left out (counted by the caller).
 */
@ApplicationScoped
public class ReviewClips {

  private static final int PAGE = LabelledExamples.MAX_LIMIT;

  @Inject private LabelledExamples examples;
  @Inject private MediaAssetRepository assets;

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  /** Every labelled moment, in decision order; call inside a transaction. */
  public List<LabelledClip> all() {
    List<LabelledClip> clips = new ArrayList<>();
    long after = 0;
    while (true) {
      List<LabelledExample> page = examples.list(null, after, PAGE);
      for (LabelledExample example : page) {
        after = Math.max(after, example.decisionId());
        if (example.range() == null) {
          continue;
        }
        MediaAsset asset = assets.find(new AssetId(example.assetId())).orElse(null);
        if (asset == null || !asset.sourceUri().startsWith("file:")) {
          continue;
        }
        Term term = entityManager.find(Term.class, example.term().id());
        String description = term == null ? null : term.description();
        clips.add(
            new LabelledClip(
                Path.of(URI.create(asset.sourceUri())),
                example.range().startMs(),
                example.range().endMs(),
                example.term().label(),
                description == null || description.isBlank() ? example.term().label() : description,
                String.format("decision-%010d", example.decisionId())));
      }
      if (page.size() < PAGE) {
        return clips;
      }
    }
  }

  /** Whether the review queue holds at least one labelled example. */
  public boolean any() {
    return !examples.list(null, 0, 1).isEmpty();
  }
}

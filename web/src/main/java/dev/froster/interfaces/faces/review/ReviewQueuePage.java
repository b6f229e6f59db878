package dev.froster.interfaces.faces.review;

import dev.froster.application.DecidedTag;
import dev.froster.application.InvalidDecisionException;
import dev.froster.application.ReviewItem;
import dev.froster.application.ReviewOrder;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.ReviewRequest;
import dev.froster.application.ReviewService;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.review.Decision;
import dev.froster.domain.model.tag.TagId;
import dev.froster.interfaces.faces.Links;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * review.xhtml: the pending tags, oldest first, filtered by vocabulary and confidence. The first
 * item is shown large (keyframe, playable segment, suggested term, confidence, runners-up) with
 * accept / reject / relabel; the grid shows the page of items with a bulk accept.
 */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE = 48;

  @EJB private transient ReviewService review;
  @EJB private transient VocabularyService vocabularies;

  private Long vocabularyId;
  private Double minConfidence;
  private Double maxConfidence;
  private boolean grid;
  private Long relabelTermId;
  private List<ReviewCard> items = List.of();
  private List<ReviewCard> selected = new ArrayList<>();
  private List<VocabularyDetails> vocabularyChoices = List.of();

  @PostConstruct
  void init() {
    vocabularyChoices = vocabularies.list();
    reload();
  }

  public void reload() {
    try {
      items =
          review
              .pending(
                  new ReviewQueueQuery(
                      vocabularyId,
                      minConfidence == null ? null : minConfidence.floatValue(),
                      maxConfidence == null ? null : maxConfidence.floatValue(),
                      null,
                      ReviewOrder.OLDEST,
                      null,
                      PAGE))
              .items()
              .stream()
              .map(ReviewCard::of)
              .toList();
    } catch (IllegalArgumentException refused) {
      items = List.of();
      Messages.error("filters:minConfidence", refused.getMessage());
    }
    selected = new ArrayList<>();
    relabelTermId = null;
  }

  public void accept() {
    decideCurrent(new ReviewRequest(Decision.ACCEPT, null, null));
  }

  public void reject() {
    decideCurrent(new ReviewRequest(Decision.REJECT, null, null));
  }

  public void relabel() {
    if (relabelTermId == null) {
      Messages.error("item:relabelTerm", "Choose the term to relabel to");
      return;
    }
    decideCurrent(new ReviewRequest(Decision.RELABEL, relabelTermId, null));
  }

  /** Relabels the current item to one of its runners-up. */
  public void relabelTo(long termId) {
    decideCurrent(new ReviewRequest(Decision.RELABEL, termId, null));
  }

  public void acceptSelected() {
    if (selected == null || selected.isEmpty()) {
      Messages.error(null, "Select the items to accept first");
      return;
    }
    decide(
        selected.stream().map(card -> new TagId(card.tagId())).toList(),
        new ReviewRequest(Decision.ACCEPT, null, null));
  }

  private void decideCurrent(ReviewRequest request) {
    ReviewCard current = getCurrent();
    if (current == null) {
      Messages.error(null, "The queue is empty");
      return;
    }
    decide(List.of(new TagId(current.tagId())), request);
  }

  private void decide(List<TagId> tags, ReviewRequest request) {
    try {
      Roles.require("tagger", "admin");
      List<DecidedTag> decided = review.decide(tags, request);
      Messages.info(
          decided.size() == 1
              ? describe(decided.get(0))
              : decided.size() + " items " + request.decision().word() + "ed");
    } catch (SecurityException
        | InvalidDecisionException
        | StateConflictException
        | UnknownEntityException
        | IllegalArgumentException refused) {
      Messages.error(null, refused.getMessage());
    }
    reload();
  }

  private static String describe(DecidedTag decided) {
    return switch (decided.decision()) {
      case ACCEPT -> "Accepted " + decided.termAfter().label();
      case REJECT -> "Rejected " + decided.termBefore().label();
      case RELABEL ->
          "Relabelled " + decided.termBefore().label() + " → " + decided.termAfter().label();
    };
  }

  /** The item shown large: the oldest pending one that passes the filters. */
  public ReviewCard getCurrent() {
    return items.isEmpty() ? null : items.get(0);
  }

  /** Terms a relabel may choose: those of the current item's vocabulary. */
  public List<VocabularyDetails.TermDetails> getRelabelChoices() {
    ReviewCard current = getCurrent();
    if (current == null) {
      return List.of();
    }
    return vocabularyChoices.stream()
        .filter(vocabulary -> vocabulary.id() == current.vocabularyId())
        .findFirst()
        .map(VocabularyDetails::terms)
        .orElse(List.of());
  }

  /** A review item as the page shows it. */
  public record ReviewCard(
      long tagId,
      long assetId,
      String assetTitle,
      Long segmentId,
      Long startMs,
      Long endMs,
      String timeRange,
      String keyframeUrl,
      String videoUrl,
      String term,
      long vocabularyId,
      String vocabulary,
      Float confidence,
      List<RunnerUpCard> runnersUp)
      implements Serializable {

    /** The video with the segment's media fragment, so the player starts and ends with it. */
    public String playUrl() {
      return startMs == null
          ? videoUrl
          : videoUrl + "#t=" + startMs / 1000.0 + "," + endMs / 1000.0;
    }

    static ReviewCard of(ReviewItem item) {
      return new ReviewCard(
          item.id().value(),
          item.assetId(),
          item.assetTitle() == null ? "Asset " + item.assetId() : item.assetTitle(),
          item.segmentId(),
          item.range() == null ? null : item.range().startMs(),
          item.range() == null ? null : item.range().endMs(),
          item.range() == null
              ? "whole asset"
              : Links.time(item.range().startMs()) + " – " + Links.time(item.range().endMs()),
          item.hasKeyframe() && item.segmentId() != null ? Links.keyframe(item.segmentId()) : null,
          Links.video(item.assetId()),
          item.term().label(),
          item.term().vocabularyId(),
          item.term().vocabularyName(),
          item.confidence(),
          item.runnersUp().stream()
              .map(r -> new RunnerUpCard(r.term().id(), r.term().label(), r.confidence()))
              .toList());
    }
  }

  /** A runner-up term with its confidence. */
  public record RunnerUpCard(long termId, String label, float confidence) implements Serializable {

    public long percent() {
      return Math.round(confidence * 100);
    }
  }

  public List<ReviewCard> getItems() {
    return items;
  }

  public List<ReviewCard> getSelected() {
    return selected;
  }

  public void setSelected(List<ReviewCard> selected) {
    this.selected = selected;
  }

  public List<VocabularyDetails> getVocabularyChoices() {
    return vocabularyChoices;
  }

  public Long getVocabularyId() {
    return vocabularyId;
  }

  public void setVocabularyId(Long vocabularyId) {
    this.vocabularyId = vocabularyId;
  }

  public Double getMinConfidence() {
    return minConfidence;
  }

  public void setMinConfidence(Double minConfidence) {
    this.minConfidence = minConfidence;
  }

  public Double getMaxConfidence() {
    return maxConfidence;
  }

  public void setMaxConfidence(Double maxConfidence) {
    this.maxConfidence = maxConfidence;
  }

  public boolean isGrid() {
    return grid;
  }

  public void setGrid(boolean grid) {
    this.grid = grid;
  }

  public Long getRelabelTermId() {
    return relabelTermId;
  }

  public void setRelabelTermId(Long relabelTermId) {
    this.relabelTermId = relabelTermId;
  }
}

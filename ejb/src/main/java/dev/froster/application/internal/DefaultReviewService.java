package dev.froster.application.internal;

import dev.froster.application.DecidedTag;
import dev.froster.application.InvalidDecisionException;
import dev.froster.application.ReviewCursor;
import dev.froster.application.ReviewItem;
import dev.froster.application.ReviewPage;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.ReviewRequest;
import dev.froster.application.ReviewService;
import dev.froster.application.StateConflictException;
import dev.froster.application.TagQueries;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.audit.AuditLog;
import dev.froster.domain.model.review.Decision;
import dev.froster.domain.model.review.ReviewDecision;
import dev.froster.domain.model.review.ReviewDecisionRepository;
import dev.froster.domain.model.tag.Tag;
import dev.froster.domain.model.tag.TagId;
import dev.froster.domain.model.tag.TagRepository;
import dev.froster.domain.model.tag.TagSource;
import dev.froster.domain.model.tag.TermRef;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

// Only user requests call it (REST and pages, which check the same roles): defence in depth.
@RolesAllowed({"tagger", "admin"})
@Stateless
public class DefaultReviewService implements ReviewService {

  private static final Logger LOG = Logger.getLogger(DefaultReviewService.class.getName());

  @Resource private SessionContext session;
  @Inject private TagRepository tags;
  @Inject private ReviewDecisionRepository decisions;
  @Inject private TagQueries queries;
  @Inject private AuditLog audit;

  @Override
  public ReviewPage pending(ReviewQueueQuery query) {
    // One row more than the page tells whether another page follows.
    List<ReviewItem> rows = queries.pending(query, query.limit() + 1);
    if (rows.size() <= query.limit()) {
      return new ReviewPage(rows, null);
    }
    List<ReviewItem> page = rows.subList(0, query.limit());
    return new ReviewPage(
        List.copyOf(page), ReviewCursor.after(query.order(), page.get(page.size() - 1)));
  }

  @Override
  public ReviewItem item(TagId id) {
    return queries.item(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  @Override
  public List<DecidedTag> decide(List<TagId> items, ReviewRequest request) {
    requireDistinct(items);
    String reviewer = session.getCallerPrincipal().getName();
    TermRef replacement =
        request.decision() == Decision.RELABEL
            ? queries
                .term(request.termId())
                .orElseThrow(
                    () ->
                        new InvalidDecisionException(
                            "termId " + request.termId() + " names no term"))
            : null;
    Instant now = Instant.now();
    // Rows are locked in id order, so two bulk decisions over the same items cannot deadlock.
    List<TagId> lockOrder = new ArrayList<>(items);
    lockOrder.sort(Comparator.comparingLong(TagId::value));
    Map<TagId, DecidedTag> decided = new HashMap<>();
    for (TagId id : lockOrder) {
      decided.put(id, decideOne(id, request, replacement, reviewer, now));
    }
    LOG.info(
        reviewer
            + " "
            + request.decision().word()
            + (replacement == null ? "" : " to " + replacement)
            + ": tags "
            + items.stream().map(id -> Long.toString(id.value())).toList());
    return items.stream().map(decided::get).toList();
  }

  private DecidedTag decideOne(
      TagId id, ReviewRequest request, TermRef replacement, String reviewer, Instant now) {
    Tag tag = tags.findForDecision(id).orElseThrow(() -> new UnknownEntityException(id));
    TermRef before =
        queries
            .term(tag.termId())
            .orElseThrow(() -> new IllegalStateException(tag + " names a missing term"));
    String beforeJson = state(tag, before);
    if (replacement != null) {
      requireNoAutomaticTagFor(tag, replacement);
    }
    try {
      switch (request.decision()) {
        case ACCEPT -> tag.accept(now);
        case REJECT -> tag.reject(now);
        case RELABEL -> tag.relabel(before, replacement, now);
      }
    } catch (IllegalStateException notPending) {
      throw new StateConflictException(notPending.getMessage());
    } catch (IllegalArgumentException wrongTerm) {
      throw new InvalidDecisionException(wrongTerm.getMessage());
    }
    TermRef after = replacement == null ? before : replacement;
    decisions.add(
        new ReviewDecision(
            id.value(),
            reviewer,
            request.decision(),
            before.id(),
            after.id(),
            request.comment(),
            now));
    audit.record(
        reviewer,
        "tag." + request.decision().word(),
        "tag",
        Long.toString(id.value()),
        beforeJson,
        state(tag, after));
    return new DecidedTag(id, request.decision(), tag.status(), before, after, reviewer, now);
  }

  /**
   * A segment has one automatic tag per term and model version; relabelling onto a term that
   * already has one there would break that, so the reviewer is pointed at the other tag instead.
   * Checked before the change: the query would flush the relabelled tag and fail on the index.
   */
  private void requireNoAutomaticTagFor(Tag tag, TermRef replacement) {
    if (tag.source() != TagSource.AUTO || tag.segmentId() == null) {
      return;
    }
    queries
        .automaticTag(tag.segmentId(), replacement.id(), tag.modelVersionId())
        .filter(other -> !other.equals(tag.id()))
        .ifPresent(
            other -> {
              throw new StateConflictException(
                  "segment "
                      + tag.segmentId()
                      + " already has "
                      + other
                      + " for "
                      + replacement
                      + ": decide that one and reject "
                      + tag.id());
            });
  }

  private static void requireDistinct(List<TagId> items) {
    if (items.isEmpty()) {
      throw new InvalidDecisionException("items must name at least one tag");
    }
    if (items.size() > MAX_ITEMS_PER_DECISION) {
      throw new InvalidDecisionException(
          "items names "
              + items.size()
              + " tags, at most "
              + MAX_ITEMS_PER_DECISION
              + " may be decided at once");
    }
    Set<TagId> seen = new HashSet<>();
    for (TagId id : items) {
      if (!seen.add(id)) {
        throw new InvalidDecisionException("items names " + id + " twice");
      }
    }
  }

  /** The tag as the audit trail keeps it before and after a decision. */
  private static String state(Tag tag, TermRef term) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", tag.id().value())
            .add("status", tag.status().name().toLowerCase(Locale.ROOT))
            .add("source", tag.source().name().toLowerCase(Locale.ROOT))
            .add("termId", term.id())
            .add("term", term.label())
            .add("vocabularyId", term.vocabularyId())
            .add("vocabulary", term.vocabularyName());
    if (tag.confidence() != null) {
      json.add("confidence", tag.confidence().doubleValue());
    }
    if (tag.segmentId() != null) {
      json.add("segmentId", tag.segmentId());
    }
    if (tag.assetId() != null) {
      json.add("assetId", tag.assetId());
    }
    return json.build().toString();
  }
}

package dev.froster.application.internal;

import dev.froster.application.InvalidSearchException;
import dev.froster.application.Moment;
import dev.froster.application.SearchCursor;
import dev.froster.application.SearchFilters;
import dev.froster.application.SearchPage;
import dev.froster.application.SearchPaging;
import dev.froster.application.SearchQuery;
import dev.froster.application.SearchService;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.SegmentEmbedding;
import dev.froster.domain.model.embedding.SegmentEmbeddingRepository;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.domain.model.segment.SegmentId;
import dev.froster.domain.model.segment.SegmentRepository;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.infrastructure.inference.QueryEmbeddings;
import dev.froster.infrastructure.inference.VideoEmbedders;
import dev.froster.infrastructure.search.MomentSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

// Only user requests call it (REST and pages, which check the same roles): defence in depth.
@RolesAllowed({"archivist", "tagger", "admin"})
@Stateless
public class DefaultSearchService implements SearchService {

  private static final Logger LOG = Logger.getLogger(DefaultSearchService.class.getName());

  @Inject private ModelVersionRepository modelVersions;
  @Inject private SegmentRepository segments;
  @Inject private SegmentEmbeddingRepository embeddings;
  @Inject private QueryEmbeddings queryEmbeddings;
  @Inject private VideoEmbedders embedders;
  @Inject private MomentSearch moments;

  @Override
  public SearchPage search(SearchQuery query, SearchFilters filters, SearchPaging paging) {
    ModelVersion version = activeVersion();
    Embedding embedding = queryEmbeddings.of(version, query.normalised());
    return page(version, embedding, "text:" + query.normalised(), null, filters, paging);
  }

  @Override
  public SearchPage similarToSegment(
      SegmentId segment, SearchFilters filters, SearchPaging paging) {
    ModelVersion version = activeVersion();
    if (segments.find(segment).isEmpty()) {
      throw new UnknownEntityException(segment);
    }
    Embedding example =
        embeddings
            .find(segment, version.id())
            .map(SegmentEmbedding::embedding)
            .orElseThrow(
                () ->
                    new StateConflictException(
                        segment + " has no embedding by the active " + version.id() + " yet"));
    return page(version, example, "segment:" + segment.value(), segment.value(), filters, paging);
  }

  @Override
  public SearchPage similarToClip(Path clip, SearchFilters filters, SearchPaging paging) {
    ModelVersion version = activeVersion();
    Embedding example;
    try {
      example = Embedding.of(embedders.of(version).embedClip(clip));
    } catch (VideoDecodingException unreadable) {
      throw new InvalidSearchException("clip", unreadable.getMessage());
    }
    // The cursor is bound to the clip's embedding: another clip is another query.
    return page(version, example, "clip:" + example.toPgVectorLiteral(), null, filters, paging);
  }

  private SearchPage page(
      ModelVersion version,
      Embedding query,
      String what,
      Long excludedSegment,
      SearchFilters filters,
      SearchPaging paging) {
    String fingerprint =
        what + "|" + filters.canonical() + "|" + version.id().value() + "|" + paging.exact();
    byte[] key = moments.cursorKey();
    SearchCursor after =
        paging.cursor() == null ? null : SearchCursor.decode(key, paging.cursor(), fingerprint);
    // One row more than the page shows: whether it exists says whether a next page does.
    List<Moment> found =
        moments.nearest(
            version, query, filters, after, excludedSegment, paging.limit() + 1, paging.exact());
    List<Moment> shown =
        filters.minScore() == null
            ? found
            : found.stream().takeWhile(moment -> moment.score() >= filters.minScore()).toList();
    String next = null;
    if (shown.size() > paging.limit()) {
      shown = shown.subList(0, paging.limit());
      Moment last = shown.get(shown.size() - 1);
      next = new SearchCursor(last.distance(), last.segmentId()).encode(key, fingerprint);
    }
    LOG.fine(
        () ->
            "Search "
                + what.substring(0, Math.min(what.length(), 80))
                + " with "
                + version.id()
                + ": "
                + found.size()
                + " rows");
    return new SearchPage(shown, next, version.id().value(), paging.exact());
  }

  private ModelVersion activeVersion() {
    return modelVersions
        .active()
        .orElseThrow(
            () ->
                new StateConflictException(
                    "no model version is active: an admin registers and activates one"
                        + " (POST model-versions, then its activation) before anyone can search"));
  }
}

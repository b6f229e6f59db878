package dev.froster.interfaces.faces.search;

import dev.froster.application.InvalidSearchException;
import dev.froster.application.Moment;
import dev.froster.application.SearchFilters;
import dev.froster.application.SearchPage;
import dev.froster.application.SearchPaging;
import dev.froster.application.SearchQuery;
import dev.froster.application.SearchService;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.segment.SegmentId;
import dev.froster.interfaces.faces.Links;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * search.xhtml. Every parameter of a search lives in the page URL (view parameters, submitted by a
 * GET form): a result page can be bookmarked and shared, and a search typed when the session has
 * expired survives the detour through the login page. Refused parameters get their message next to
 * their field.
 */
@Named("momentSearch")
@RequestScoped
public class MomentSearchPage {

  /** The form's fields by the names the search service uses for them in its refusals. */
  private static final Map<String, String> FIELD_OF_PARAMETER =
      Map.of("q", "q", "collection", "collection", "tag", "tag", "minScore", "minScore");

  @EJB private SearchService search;
  @Inject FacesContext faces;

  private String q;
  private String collection;
  private String tag;
  private Double minScore;
  private String cursor;
  private Long like;
  private int limit = 12;

  private List<MomentCard> moments = List.of();
  private String next;
  private boolean searched;

  /** The view action: runs the search the URL describes, if any. */
  public void load() {
    if (faces.isValidationFailed() || (blank(q) && like == null)) {
      return;
    }
    try {
      SearchFilters filters =
          new SearchFilters(
              blank(collection) ? null : collection.trim(),
              null,
              null,
              null,
              null,
              blank(tag) ? null : tag.trim(),
              minScore);
      SearchPaging paging = new SearchPaging(limit, blank(cursor) ? null : cursor, false);
      SearchPage page =
          like != null
              ? search.similarToSegment(new SegmentId(like), filters, paging)
              : search.search(new SearchQuery(q), filters, paging);
      moments = page.moments().stream().map(MomentCard::of).toList();
      next = page.next();
      searched = true;
    } catch (InvalidSearchException refused) {
      String field = FIELD_OF_PARAMETER.getOrDefault(refused.parameter(), null);
      faces.addMessage(
          field,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              field == null ? refused.getMessage() : refused.reason(),
              null));
    } catch (StateConflictException | UnknownEntityException | EJBAccessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** A moment as its card shows it. */
  public record MomentCard(
      long assetId,
      String assetTitle,
      String collection,
      long segmentId,
      long startMs,
      long endMs,
      double score,
      String keyframeUrl,
      String videoUrl,
      String timeRange) {

    public static MomentCard of(Moment moment) {
      return new MomentCard(
          moment.assetId(),
          moment.assetTitle() == null ? "Asset " + moment.assetId() : moment.assetTitle(),
          moment.collection(),
          moment.segmentId(),
          moment.startMs(),
          moment.endMs(),
          moment.score(),
          Links.keyframe(moment.segmentId()),
          Links.video(moment.assetId()),
          Links.time(moment.startMs()) + " – " + Links.time(moment.endMs()));
    }
  }

  public List<MomentCard> getMoments() {
    return moments;
  }

  public String getNext() {
    return next;
  }

  public boolean isSearched() {
    return searched;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getCollection() {
    return collection;
  }

  public void setCollection(String collection) {
    this.collection = collection;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public Double getMinScore() {
    return minScore;
  }

  public void setMinScore(Double minScore) {
    this.minScore = minScore;
  }

  public String getCursor() {
    return cursor;
  }

  public void setCursor(String cursor) {
    this.cursor = cursor;
  }

  public Long getLike() {
    return like;
  }

  public void setLike(Long like) {
    this.like = like;
  }

  public int getLimit() {
    return limit;
  }

  public void setLimit(int limit) {
    this.limit = limit;
  }
}

package dev.froster.application;

/**
 * Which page of results: at most {@code limit} moments after the position {@code cursor} encodes
 * (null: the first page), through the HNSW index or, with {@code exact}, by scanning every
 * embedding of the model version.
 */
public record SearchPaging(int limit, String cursor, boolean exact) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public SearchPaging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidSearchException(
          "limit", "must lie between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  public static SearchPaging firstPage() {
    return new SearchPaging(DEFAULT_LIMIT, null, false);
  }
}

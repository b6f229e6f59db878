package dev.froster.application;

import dev.froster.domain.model.segment.SegmentId;
import java.nio.file.Path;

/**
 * Finds moments with the active model version: by free text (the text tower with the prompt
 * ensemble), like a stored segment, or like an uploaded clip. Results are nearest first by cosine
 * distance; a page's {@code next} cursor continues the same search.
 *
 * @see InvalidSearchException for refused requests (the parameter is named)
 */
public interface SearchService {

  /**
   * @throws StateConflictException when no model version is active
   * @throws InvalidSearchException when the cursor is malformed or belongs to another search
   */
  SearchPage search(SearchQuery query, SearchFilters filters, SearchPaging paging);

  /**
   * Moments like {@code segment} (its embedding by the active version), itself excluded.
   *
   * @throws UnknownEntityException when the segment does not exist
   * @throws StateConflictException when no version is active or it has not embedded the segment
   */
  SearchPage similarToSegment(SegmentId segment, SearchFilters filters, SearchPaging paging);

  /**
   * Moments like the video {@code clip}, embedded whole as one span by the active version.
   *
   * @throws InvalidSearchException naming {@code clip} with the decoder's reason when the file is
   *     not a readable video
   */
  SearchPage similarToClip(Path clip, SearchFilters filters, SearchPaging paging);
}

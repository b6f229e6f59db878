package dev.froster.application;

import java.util.List;

/** One page of the review queue; {@code next} is null on the last page. */
public record ReviewPage(List<ReviewItem> items, ReviewCursor next) {}

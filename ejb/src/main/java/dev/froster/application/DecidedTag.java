package dev.froster.application;

import dev.froster.domain.model.review.Decision;
import dev.froster.domain.model.tag.TagId;
import dev.froster.domain.model.tag.TagStatus;
import dev.froster.domain.model.tag.TermRef;
import java.time.Instant;

/** What a decision did to one tag. */
public record DecidedTag(
    TagId tag,
    Decision decision,
    TagStatus status,
    TermRef termBefore,
    TermRef termAfter,
    String reviewer,
    Instant decidedAt) {}

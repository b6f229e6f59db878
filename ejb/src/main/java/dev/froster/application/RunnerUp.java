package dev.froster.application;

import dev.froster.domain.model.tag.TermRef;

/** A term the model ranked below a tag's suggested term, with its confidence. */
public record RunnerUp(TermRef term, float confidence) {}

package dev.froster.interfaces.rest;

import dev.froster.domain.model.embedding.Neighbour;

/** One search hit as JSON. */
public record NeighbourView(long segmentId, double cosineDistance) {

  static NeighbourView of(Neighbour neighbour) {
    return new NeighbourView(neighbour.segmentId().value(), neighbour.cosineDistance());
  }
}

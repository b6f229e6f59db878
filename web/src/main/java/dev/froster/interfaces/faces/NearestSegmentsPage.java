package dev.froster.interfaces.faces;

import dev.froster.application.SegmentEmbeddingService;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.Neighbour;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;

/** search.xhtml: paste a query vector, see the nearest segments of a model version. */
@Named
@RequestScoped
public class NearestSegmentsPage {

  @EJB private SegmentEmbeddingService embeddings;

  private Long modelVersionId;
  private String vector = "";
  private int limit = 10;
  private List<Neighbour> neighbours = List.of();

  public void search() {
    try {
      neighbours =
          embeddings.nearestSegments(
              new ModelVersionId(modelVersionId == null ? 0 : modelVersionId),
              parse(vector),
              limit);
    } catch (IllegalArgumentException | UnknownEntityException refused) {
      neighbours = List.of();
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  /** Accepts "0.1, -0.2, 0.3", with or without brackets. */
  static Embedding parse(String text) {
    String trimmed = text == null ? "" : text.trim().replaceAll("^\\[|]$", "");
    if (trimmed.isBlank()) {
      return Embedding.of(new float[0]);
    }
    String[] parts = trimmed.split("\\s*,\\s*");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("vector[" + i + "] is '" + parts[i] + "', not a number");
      }
    }
    return Embedding.of(values);
  }

  public Long getModelVersionId() {
    return modelVersionId;
  }

  public void setModelVersionId(Long modelVersionId) {
    this.modelVersionId = modelVersionId;
  }

  public String getVector() {
    return vector;
  }

  public void setVector(String vector) {
    this.vector = vector;
  }

  public int getLimit() {
    return limit;
  }

  public void setLimit(int limit) {
    this.limit = limit;
  }

  public List<Neighbour> getNeighbours() {
    return neighbours;
  }
}

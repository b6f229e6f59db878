package dev.froster.interfaces.faces.models;

import dev.froster.application.ModelVersionDetails;
import dev.froster.domain.model.model.ModelVersion;
import java.time.Instant;

/**
 * One version as the models page shows it: the registry's details, when it was retired and purged
 * (the domain entity knows, the details record does not) and its parsed metrics.
 */
public record VersionRow(
    ModelVersionDetails details, Instant retiredAt, Instant purgedAt, ModelMetrics metrics) {

  static VersionRow of(ModelVersionDetails details, ModelVersion version) {
    return new VersionRow(
        details,
        version.retiredAt(),
        version.embeddingsPurgedAt(),
        ModelMetrics.parse(details.metricsJson()));
  }

  public long id() {
    return details.id();
  }

  public String base() {
    return ModelMetrics.percent(metrics.base());
  }

  public String novel() {
    return ModelMetrics.percent(metrics.novel());
  }

  public String hm() {
    return ModelMetrics.percent(metrics.hm());
  }

  public boolean promotable() {
    return "candidate".equals(details.status());
  }

  /** A retired version whose embeddings are still kept: retention may purge them now. */
  public boolean purgeable() {
    return "retired".equals(details.status()) && purgedAt == null;
  }

  /** The class's accuracy as a percentage, or an en dash when not evaluated on it. */
  public String classAccuracy(String name) {
    ModelMetrics.ClassAccuracy c = metrics.classNamed(name);
    return c == null
        ? "–"
        : ModelMetrics.percent(c.accuracy()) + " (" + c.correct() + "/" + c.total() + ")";
  }

  public String lossCurve() {
    return SvgCharts.line("loss-" + id(), "loss per step", metrics.stepLoss());
  }

  public String epochLossCurve() {
    return SvgCharts.line("epoch-loss-" + id(), "loss per epoch", metrics.epochLoss());
  }

  public String accuracyCurve() {
    return SvgCharts.line(
        "accuracy-" + id(), "training accuracy per epoch", metrics.epochAccuracy());
  }

  public String accuracyBars() {
    return SvgCharts.accuracyBars("bars-" + id(), metrics.base(), metrics.novel(), metrics.hm());
  }
}

package dev.froster.engine.demo;

import dev.froster.engine.inference.TimeSpan;
import dev.froster.engine.inference.VideoEmbedder;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.segment.SegmentationSettings;
import dev.froster.engine.video.segment.SegmentedVideo;
import dev.froster.engine.video.segment.VideoSegment;
import dev.froster.engine.video.segment.VideoSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-text search over a demo catalogue, scored against its ground truth: the catalogue is cut
 * into segments as the server cuts uploads (VideoSegmenter, default settings), a model embeds them,
 * and every action of the vocabulary is a query, once by its label alone and once as "label:
 * description"; segments are ranked by cosine with the query's embedding.
 */
public final class SearchEvaluation {
  /** A segment of a catalogue video. */
  public record IndexedSegment(String file, long startMillis, long endMillis) {}

  /** How a query is worded. */
  public enum Wording {
    LABEL("label"),
    LABEL_DESCRIPTION("label: description");

    private final String title;

    Wording(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** One query's figures. */
  public record QueryResult(String label, Wording wording, SearchMetrics.QueryFigures figures) {}

  /**
   * One model's figures over all queries.
   *
   * @param model what was evaluated (e.g. "demo model")
   * @param weightsSha256 the checksum of its weights
   * @param queries per query and wording, in vocabulary order
   */
  public record ModelResult(String model, String weightsSha256, List<QueryResult> queries) {
    /** Mean top-1 over the queries of {@code wording}. */
    public double meanTop1(Wording wording) {
      return queries.stream()
          .filter(q -> q.wording() == wording)
          .mapToDouble(q -> q.figures().top1())
          .average()
          .orElse(Double.NaN);
    }

    /** Mean recall@10 over the queries of {@code wording}. */
    public double meanRecallAt10(Wording wording) {
      return queries.stream()
          .filter(q -> q.wording() == wording)
          .mapToDouble(q -> q.figures().recallAt10())
          .average()
          .orElse(Double.NaN);
    }
  }

  private final Path catalogue;
  private final List<CatalogueMoment> moments;
  private final List<CatalogueFiles.VocabularyEntry> vocabulary;
  private final List<IndexedSegment> segments;

  private SearchEvaluation(
      Path catalogue,
      List<CatalogueMoment> moments,
      List<CatalogueFiles.VocabularyEntry> vocabulary,
      List<IndexedSegment> segments) {
    this.catalogue = catalogue;
    this.moments = moments;
    this.vocabulary = vocabulary;
    this.segments = segments;
  }

  /**
   * Reads the catalogue's tables and segments every video its moments name.
   *
   * @throws IOException if a table is missing or malformed, a video is missing or unreadable, or a
   *     moment names a class the vocabulary lacks
   */
  public static SearchEvaluation prepare(Path catalogue) throws IOException {
    List<CatalogueMoment> moments =
        CatalogueFiles.readMoments(catalogue.resolve(DemoCatalogue.MOMENTS_FILE));
    List<CatalogueFiles.VocabularyEntry> vocabulary =
        CatalogueFiles.readVocabulary(catalogue.resolve(DemoCatalogue.VOCABULARY_FILE));
    for (CatalogueMoment m : moments) {
      if (vocabulary.stream().noneMatch(v -> v.label().equals(m.className()))) {
        throw new IOException(
            catalogue.resolve(DemoCatalogue.MOMENTS_FILE)
                + ": class '"
                + m.className()
                + "' of "
                + m.file()
                + " is not in "
                + DemoCatalogue.VOCABULARY_FILE);
      }
    }
    List<IndexedSegment> segments = new ArrayList<>();
    for (String file : files(moments)) {
      Path video = catalogue.resolve(file);
      if (!Files.isRegularFile(video)) {
        throw new IOException(video + ": named in moments.tsv but missing");
      }
      SegmentedVideo cut = VideoSegmenter.segment(video, SegmentationSettings.defaults());
      for (VideoSegment s : cut.segments()) {
        segments.add(new IndexedSegment(file, s.startMillis(), s.endMillis()));
      }
    }
    return new SearchEvaluation(catalogue, moments, vocabulary, segments);
  }

  /** Every segment of the catalogue, video by video in time order. */
  public List<IndexedSegment> segments() {
    return segments;
  }

  /** The queried actions. */
  public List<CatalogueFiles.VocabularyEntry> vocabulary() {
    return vocabulary;
  }

  /**
   * Embeds the segments and the queries with {@code embedder} and scores every query.
   *
   * @throws VideoDecodingException if a video cannot be decoded
   */
  public ModelResult evaluate(String modelName, VideoEmbedder embedder)
      throws VideoDecodingException {
    List<float[]> embeddings = new ArrayList<>(segments.size());
    Map<String, List<IndexedSegment>> byFile = new LinkedHashMap<>();
    segments.forEach(s -> byFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s));
    for (Map.Entry<String, List<IndexedSegment>> file : byFile.entrySet()) {
      List<TimeSpan> spans =
          file.getValue().stream().map(s -> new TimeSpan(s.startMillis(), s.endMillis())).toList();
      embeddings.addAll(embedder.embedSegments(catalogue.resolve(file.getKey()), spans));
    }
    List<QueryResult> results = new ArrayList<>();
    for (CatalogueFiles.VocabularyEntry action : vocabulary) {
      boolean[] relevant = relevance(action.label());
      if (!anyTrue(relevant)) {
        continue;
      }
      for (Wording wording : Wording.values()) {
        String text =
            wording == Wording.LABEL
                ? action.label()
                : action.label() + ": " + action.description();
        float[] query = embedder.embedText(text);
        double[] scores = new double[embeddings.size()];
        for (int i = 0; i < scores.length; i++) {
          scores[i] = dot(query, embeddings.get(i));
        }
        results.add(
            new QueryResult(action.label(), wording, SearchMetrics.evaluate(scores, relevant)));
      }
    }
    return new ModelResult(modelName, embedder.weightsSha256(), results);
  }

  /** Which segments show {@code label} for at least half their length. */
  boolean[] relevance(String label) {
    boolean[] relevant = new boolean[segments.size()];
    for (int i = 0; i < relevant.length; i++) {
      IndexedSegment s = segments.get(i);
      for (CatalogueMoment m : moments) {
        if (m.file().equals(s.file())
            && m.className().equals(label)
            && SearchMetrics.overlapsByHalf(
                s.startMillis(), s.endMillis(), m.startMillis(), m.endMillis())) {
          relevant[i] = true;
        }
      }
    }
    return relevant;
  }

  private static List<String> files(List<CatalogueMoment> moments) {
    return moments.stream().map(CatalogueMoment::file).distinct().toList();
  }

  private static boolean anyTrue(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}

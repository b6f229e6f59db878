package dev.froster.engine.clip.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.video.ClipPreprocessing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks whether a CLIP sees each attribute of its images or only matches the rest of the caption:
 * for an image captioned "a small red circle moving left on grass" and the family of shapes, the
 * model scores the image against the true caption and against the same caption with "circle"
 * swapped for every other shape seen in the probed captions; it is right when the true caption
 * wins. Retrieval accuracy alone can be high on backgrounds while the objects are unseen; this
 * probe tells the attributes apart. Chance is one over the number of alternatives.
 */
public final class SwappedCaptionProbe {

  /**
   * The probe's figures for one attribute family.
   *
   * @param accuracy share of probed images whose true caption beats every swapped one
   * @param chance one over the alternatives a caption was scored against
   * @param count images whose caption names exactly one member of the family
   */
  public record Result(double accuracy, double chance, int count) {}

  private static final int CHUNK = 128;

  private final Map<String, List<String>> families;

  /** A probe of the given families (name → phrases that replace one another in captions). */
  public SwappedCaptionProbe(Map<String, List<String>> families) {
    this.families = new LinkedHashMap<>(families);
    families.forEach(
        (name, phrases) -> {
          if (phrases.size() < 2) {
            throw new IllegalArgumentException(
                "attribute family " + name + " needs at least two phrases, has " + phrases);
          }
        });
  }

  /**
   * Probes {@code model} on {@code stills} (centre view, no gradients); families no caption names
   * (or only one member of which occurs) are left out of the result.
   */
  public Map<String, Result> measure(
      ClipModel model,
      ClipTokenizer tokenizer,
      List<CaptionedStills.Still> stills,
      NDManager manager) {
    Map<String, Result> results = new LinkedHashMap<>();
    try (NDManager scope = manager.newSubManager()) {
      NDArray images = imageFeatures(model, stills, scope); // (N, D)
      for (Map.Entry<String, List<String>> family : families.entrySet()) {
        measureFamily(model, tokenizer, stills, images, family.getValue(), scope)
            .ifPresent(r -> results.put(family.getKey(), r));
      }
    }
    return results;
  }

  private static NDArray imageFeatures(
      ClipModel model, List<CaptionedStills.Still> stills, NDManager scope) {
    ClipPreprocessing preprocessing = new ClipPreprocessing(model.config().imageResolution());
    List<NDArray> chunks = new ArrayList<>();
    for (int from = 0; from < stills.size(); from += CHUNK) {
      List<CaptionedStills.Still> chunk =
          stills.subList(from, Math.min(stills.size(), from + CHUNK));
      List<java.awt.image.BufferedImage> pixels =
          chunk.stream().map(CaptionedStills.Still::image).toList();
      chunks.add(ClipModel.normalise(model.encodeImage(preprocessing.batch(scope, pixels))));
    }
    return NDArrays.concat(new NDList(chunks));
  }

  private static Optional<Result> measureFamily(
      ClipModel model,
      ClipTokenizer tokenizer,
      List<CaptionedStills.Still> stills,
      NDArray imageFeatures,
      List<String> phrases,
      NDManager manager) {
    List<Integer> probed = new ArrayList<>();
    List<Match> matches = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < stills.size(); i++) {
      Match match = Match.find(stills.get(i).caption(), phrases);
      if (match != null) {
        probed.add(i);
        matches.add(match);
        if (!seen.contains(match.phrase())) {
          seen.add(match.phrase());
        }
      }
    }
    if (seen.size() < 2) {
      return Optional.empty();
    }
    List<String> alternatives = phrases.stream().filter(seen::contains).toList();
    int context = model.config().contextLength();
    int correct = 0;
    for (int i = 0; i < probed.size(); i++) {
      Match match = matches.get(i);
      List<String> variants = alternatives.stream().map(match::swappedFor).toList();
      try (NDManager scope = manager.newSubManager()) {
        NDArray image = imageFeatures.get(probed.get(i)).expandDims(0); // (1, D)
        NDArray texts =
            ClipModel.normalise(
                model.encodeText(
                    scope.create(
                        ClipPretrainer.asLongs(tokenizer.encodeBatch(variants, context)))));
        // (1, A) cosine of the image and every variant of its caption
        int best = (int) image.matMul(texts.transpose()).argMax(1).getLong();
        correct += alternatives.get(best).equals(match.phrase()) ? 1 : 0;
      }
    }
    return Optional.of(
        new Result((double) correct / probed.size(), 1.0 / alternatives.size(), probed.size()));
  }

  /**
   * Where a family's phrase occurs in a caption, as a whole word ("circle" is not in "circling"),
   * the longest phrase winning ("moving left then up" over "moving left").
   */
  record Match(String caption, String phrase, int start, int end) {

    static Match find(String caption, List<String> phrases) {
      Match best = null;
      for (String phrase : phrases) {
        Matcher m =
            Pattern.compile("(?<![\\p{L}])" + Pattern.quote(phrase) + "(?![\\p{L}])")
                .matcher(caption);
        if (m.find() && (best == null || phrase.length() > best.phrase().length())) {
          best = new Match(caption, phrase, m.start(), m.end());
        }
      }
      return best;
    }

    String swappedFor(String other) {
      return caption.substring(0, start) + other + caption.substring(end);
    }
  }
}

package dev.froster.engine.froster;

import dev.froster.engine.synth.ActionClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The texts a class is encoded from (froster-method.md, "Text side"): the class text "name:
 * description" in each of CLIP's 28 video prompt templates, plus the bare class text. Training uses
 * one random template and the bare text per class per step; testing uses all 29. Embeddings are
 * averaged per class and renormalised by {@link VideoClassifier#classEmbeddings}.
 */
public final class PromptEnsemble {

  /** CLIP's 28 Kinetics-700 prompt templates; {@code {}} stands for the class text. */
  public static final List<String> TEMPLATES =
      List.of(
          "a photo of {}.",
          "a photo of a person {}.",
          "a photo of a person using {}.",
          "a photo of a person doing {}.",
          "a photo of a person during {}.",
          "a photo of a person performing {}.",
          "a photo of a person practicing {}.",
          "a video of {}.",
          "a video of a person {}.",
          "a video of a person using {}.",
          "a video of a person doing {}.",
          "a video of a person during {}.",
          "a video of a person performing {}.",
          "a video of a person practicing {}.",
          "a example of {}.",
          "a example of a person {}.",
          "a example of a person using {}.",
          "a example of a person doing {}.",
          "a example of a person during {}.",
          "a example of a person performing {}.",
          "a example of a person practicing {}.",
          "a demonstration of {}.",
          "a demonstration of a person {}.",
          "a demonstration of a person using {}.",
          "a demonstration of a person doing {}.",
          "a demonstration of a person during {}.",
          "a demonstration of a person performing {}.",
          "a demonstration of a person practicing {}.");

  /** Texts per class at test time: every template and the bare text. */
  public static final int TEST_PROMPTS = TEMPLATES.size() + 1;

  /** Texts per class in a training step: one template and the bare text. */
  public static final int TRAINING_PROMPTS = 2;

  private final List<String> classTexts;

  /** An ensemble over the given class texts ("name: description"), in class-index order. */
  public PromptEnsemble(List<String> classTexts) {
    if (classTexts.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs at least one class");
    }
    for (int i = 0; i < classTexts.size(); i++) {
      if (classTexts.get(i) == null || classTexts.get(i).isBlank()) {
        throw new IllegalArgumentException("class " + i + " has an empty text");
      }
    }
    this.classTexts = List.copyOf(classTexts);
  }

  /** The ensemble of {@code classes}' prompts ("name: description"). */
  public static PromptEnsemble of(List<ActionClass> classes) {
    return new PromptEnsemble(classes.stream().map(ActionClass::prompt).toList());
  }

  public int classes() {
    return classTexts.size();
  }

  public List<String> classTexts() {
    return classTexts;
  }

  /** Text {@code prompt} (0..27 a template, 28 the bare text) of class {@code classIndex}. */
  public String text(int classIndex, int prompt) {
    String classText = classTexts.get(classIndex);
    return prompt == TEMPLATES.size() ? classText : TEMPLATES.get(prompt).replace("{}", classText);
  }

  /** All 29 texts of every class, class by class: (C × 29). */
  public List<String> testTexts() {
    List<String> texts = new ArrayList<>(classTexts.size() * TEST_PROMPTS);
    for (int c = 0; c < classTexts.size(); c++) {
      for (int p = 0; p < TEST_PROMPTS; p++) {
        texts.add(text(c, p));
      }
    }
    return texts;
  }

  /** One random template index per class for a training step. */
  public int[] drawTemplates(Random random) {
    int[] choice = new int[classTexts.size()];
    for (int c = 0; c < choice.length; c++) {
      choice[c] = random.nextInt(TEMPLATES.size());
    }
    return choice;
  }

  /** The chosen template and the bare text of every class, class by class: (C × 2). */
  public List<String> trainingTexts(int[] templateChoice) {
    List<String> texts = new ArrayList<>(classTexts.size() * TRAINING_PROMPTS);
    for (int c = 0; c < classTexts.size(); c++) {
      texts.add(text(c, templateChoice[c]));
      texts.add(text(c, TEMPLATES.size()));
    }
    return texts;
  }
}

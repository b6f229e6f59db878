package dev.froster.engine.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.engine.video.FrameSampler;
import dev.froster.engine.video.RgbFrame;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.VideoProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick world, generated through the command line, as the trainer and evaluator read it. */
class SyntheticWorldTest {
  @TempDir static Path dir;
  private static ActionDataset world;

  @BeforeAll
  static void generate() throws IOException {
    Path output = dir.resolve("world");
    assertEquals(0, SynthCommand.run(new String[] {"--output", output.toString(), "--quick"}));
    world = ActionDatasetReader.read(output);
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.split("[^a-z]+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }

  @Test
  void theQuickWorldHasTheDocumentedSize() {
    assertEquals(26, world.classes().size());
    assertEquals(12, world.classes(ClassSplit.BASE).size());
    assertEquals(14, world.classes(ClassSplit.NOVEL).size());
    assertEquals(26 * 2 * 2, world.videos().size());
    assertEquals(45, world.images().size());
    assertEquals(List.of("a", "b"), world.domains());
    assertEquals(104, world.manifest().getAsJsonObject("counts").get("videos").getAsInt());
    assertEquals(
        SynthGenerator.GENERATOR_VERSION, world.manifest().get("generatorVersion").getAsInt());
  }

  @Test
  void everyVideoDecodesWithTheConfiguredFormat() throws IOException {
    for (VideoEntry video : world.videos()) {
      VideoFacts facts = VideoProbe.probe(video.file());
      assertEquals(32, facts.width(), video.file().toString());
      assertEquals(32, facts.height());
      assertEquals(15.0, facts.framesPerSecond(), 1e-6);
      assertEquals(30, facts.frameCount());
      assertEquals("h264", facts.codec());
    }
    VideoEntry any = world.videos().get(7);
    assertEquals(2, FrameSampler.frames(any.file(), new int[] {0, 29}).size());
  }

  @Test
  void noUnfinishedFileIsLeft() throws IOException {
    try (Stream<Path> files = Files.walk(world.root())) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
    }
  }

  @Test
  void theSameSeedGivesTheSameFilesAndFrames() throws IOException {
    ActionDataset again = new SynthGenerator(SynthSettings.quick(dir.resolve("again"))).generate();
    for (String index : List.of("classes.tsv", "images.tsv", "manifest.json")) {
      assertEquals(
          Files.readString(world.root().resolve(index)),
          Files.readString(again.root().resolve(index)));
    }
    for (int i : new int[] {0, 33, 101}) {
      Path a = world.videos().get(i).file();
      Path b = again.videos().get(i).file();
      int[] frames = FrameSampler.uniformIndices(30, 5);
      List<RgbFrame> fa = FrameSampler.framesRgb(a, frames);
      List<RgbFrame> fb = FrameSampler.framesRgb(b, frames);
      for (int k = 0; k < frames.length; k++) {
        assertArrayEquals(fa.get(k).rgb(), fb.get(k).rgb());
      }
      assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "byte-identical " + a);
    }
    assertArrayEquals(
        Files.readAllBytes(world.images().get(20).file()),
        Files.readAllBytes(again.images().get(20).file()));
  }

  @Test
  void baseAndNovelClassesAreDisjoint() {
    Set<String> base = names(ClassSplit.BASE);
    Set<String> novel = names(ClassSplit.NOVEL);
    assertTrue(base.stream().noneMatch(novel::contains));
  }

  @Test
  void everyWordOfEveryNovelClassNameIsInTheCaptions() {
    Set<String> captionWords = new HashSet<>();
    world.images().forEach(image -> captionWords.addAll(words(image.caption())));
    for (ActionClass novel : world.classes(ClassSplit.NOVEL)) {
      for (String word : words(novel.name())) {
        assertTrue(captionWords.contains(word), "'" + word + "' of " + novel.name());
      }
    }
    for (String place :
        List.of("grass", "sand", "brick", "wall", "water", "snow", "night", "sky")) {
      assertTrue(captionWords.contains(place), place);
    }
  }

  @Test
  void novelClassesRecombineBaseShapesAndMotionsOrUseCaptionOnlyMotions() {
    Set<String> base = names(ClassSplit.BASE);
    Set<String> baseWords = new HashSet<>();
    base.forEach(name -> baseWords.addAll(words(name)));
    int compositional = 0;
    int captionOnly = 0;
    for (ActionClass novel : world.classes(ClassSplit.NOVEL)) {
      String shape = novel.name().substring(0, novel.name().indexOf(' '));
      String motion = novel.name().substring(shape.length() + 1);
      assertTrue(base.stream().anyMatch(b -> b.startsWith(shape + " ")), "shape of " + novel);
      if (base.stream().anyMatch(b -> b.endsWith(" " + motion))) {
        compositional++;
      } else {
        captionOnly++;
        assertTrue(words(motion).stream().noneMatch(baseWords::contains), novel.name());
      }
    }
    assertEquals(12, compositional);
    assertEquals(2, captionOnly);
  }

  @Test
  void domainsSeparatePlacesAndStyles() {
    for (VideoEntry video : world.videos()) {
      Domain domain = video.domain().equals("a") ? Domain.A : Domain.B;
      assertTrue(
          domain.places().stream().anyMatch(p -> p.words().equals(video.attributes().get("place"))),
          video.toString());
      assertTrue(
          domain.styles().stream().anyMatch(s -> s.word().equals(video.attributes().get("style"))),
          video.toString());
    }
  }

  @Test
  void shotsDrawKTrainingVideosPerBaseClass() {
    List<VideoEntry> shots = world.shots(1, "a", 3);
    assertEquals(12, shots.size());
    assertEquals(12, shots.stream().map(VideoEntry::classId).distinct().count());
    assertTrue(shots.stream().allMatch(v -> v.subset() == Subset.TRAIN && v.domain().equals("a")));
    assertTrue(
        shots.stream().allMatch(v -> world.classById(v.classId()).split() == ClassSplit.BASE));
    IllegalArgumentException tooMany =
        assertThrows(IllegalArgumentException.class, () -> world.shots(2, "a", 3));
    assertTrue(tooMany.getMessage().contains("2 shots asked"), tooMany.getMessage());
    assertEquals(14, world.videos(ClassSplit.NOVEL, Subset.TEST, "b").size());
  }

  @Test
  void aColourWorldKeepsTheBaseVideosAndLabelsNovelVideosByColour() throws IOException {
    Path output = dir.resolve("colour");
    assertEquals(
        0,
        SynthCommand.run(
            new String[] {"--output", output.toString(), "--quick", "--novel-classes", "colour"}));
    ActionDataset colour = ActionDatasetReader.read(output);
    assertEquals(
        "colour",
        colour.manifest().getAsJsonObject("parameters").get("novelClasses").getAsString());
    assertEquals(world.classes(ClassSplit.BASE), colour.classes(ClassSplit.BASE));
    List<String> novel = colour.classes(ClassSplit.NOVEL).stream().map(ActionClass::name).toList();
    assertEquals(
        Arrays.stream(ObjectColour.values()).map(c -> c.word() + " shape moving").toList(), novel);
    for (VideoEntry video : colour.videos()) {
      ActionClass label = colour.classById(video.classId());
      if (label.split() == ClassSplit.NOVEL) {
        assertTrue(label.name().startsWith(video.attributes().get("colour") + " "), video + "");
      }
    }
    // the same seed renders the same base videos, byte for byte, whatever the novel classes
    VideoEntry firstBase = colour.videos(ClassSplit.BASE, Subset.TRAIN, "a").get(0);
    Path sameInTheShapeMotionWorld =
        world.root().resolve(colour.root().relativize(firstBase.file()));
    assertArrayEquals(
        Files.readAllBytes(sameInTheShapeMotionWorld), Files.readAllBytes(firstBase.file()));
  }

  @Test
  void theCommandRefusesBadArgumentsAndNonEmptyFolders() throws IOException {
    Path fresh = dir.resolve("refused");
    assertEquals(
        2,
        SynthCommand.run(new String[] {"--output", fresh.toString(), "--quick", "--images", "10"}));
    assertEquals(2, SynthCommand.run(new String[] {"--quick"}));
    assertEquals(2, SynthCommand.run(new String[] {"--output", fresh.toString(), "--size", "33"}));
    assertEquals(
        2,
        SynthCommand.run(
            new String[] {"--output", fresh.toString(), "--quick", "--novel-classes", "shape"}));
    assertFalse(Files.exists(fresh.resolve("manifest.json")));
    assertEquals(
        1, SynthCommand.run(new String[] {"--output", world.root().toString(), "--quick"}));
  }

  private static Set<String> names(ClassSplit split) {
    return world.classes(split).stream().map(ActionClass::name).collect(Collectors.toSet());
  }
}

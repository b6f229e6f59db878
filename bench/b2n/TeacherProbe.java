/*
 * What a CLIP bundle names zero-shot in freshly rendered pictures of the synthetic world: the
 * object's shape (circle / square / star), colour (7), motion (the 12 video motions) and kind of
 * motion (moving, rotating, changing size, two-step), in stills at rest, stills of a motion (with
 * the trails the teacher learned from), and single video frames (first, middle, last; before
 * H.264). Prompts: "a photo of a {shape}", "a photo of a {colour} shape", "a photo of a {shape}
 * {motion}". Used for issue 4's diagnosis (docs/benchmarks.md, "Base-to-novel on the synthetic
 * world"). Run from the repository root once an engine command (e.g. `./froster synth --help`) has
 * built the engine:
 *
 *   java -cp "engine/target/froster-engine-0.1.0-SNAPSHOT.jar:engine/target/lib/*" \
 *       -Dai.djl.offline=true bench/b2n/TeacherProbe.java demo/teacher [renders]
 */
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.froster.Pooling;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.synth.ActionClip;
import dev.froster.engine.synth.Appearance;
import dev.froster.engine.synth.ClipRenderer;
import dev.froster.engine.synth.Motion;
import dev.froster.engine.synth.ObjectColour;
import dev.froster.engine.synth.ObjectSize;
import dev.froster.engine.synth.ObjectStyle;
import dev.froster.engine.synth.Place;
import dev.froster.engine.synth.ShapeKind;
import dev.froster.engine.synth.StillRenderer;
import dev.froster.engine.synth.StillScene;
import dev.froster.engine.synth.VideoFormat;
import dev.froster.engine.video.ClipPreprocessing;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

public class TeacherProbe {
  static final List<ShapeKind> SHAPES = List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.STAR);
  static final List<Motion> MOTIONS = List.of(Motion.values()).subList(0, 12);
  static final String[] PICTURES = {"still at rest", "still of a motion", "frame first", "frame middle", "frame last"};
  static final int SIZE = 32;

  /** Kind of motion: moving, rotating, changing size, two-step (Motion order). */
  static int kind(int motion) {
    return new int[] {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3}[motion];
  }

  public static void main(String[] args) throws Exception {
    int renders = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Random random = new Random(5);
    int[][] right = new int[4][PICTURES.length]; // shape, colour, motion, kind
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle bundle = ModelBundle.load(Path.of(args[0]), manager);
      ClipModel clip = bundle.model();
      VideoClassifier tokens = new VideoClassifier(clip, false, Pooling.values()[0]);
      List<String> shapeTexts = SHAPES.stream().map(s -> "a photo of a " + s.word()).toList();
      List<String> colourTexts =
          List.of(ObjectColour.values()).stream().map(c -> "a photo of a " + c.word() + " shape").toList();
      NDArray shapes = texts(clip, tokens, bundle, shapeTexts, manager);
      NDArray colours = texts(clip, tokens, bundle, colourTexts, manager);
      ClipPreprocessing preprocessing = new ClipPreprocessing(clip.config().imageResolution());
      VideoFormat format = VideoFormat.of(SIZE, 15, 2);
      for (int i = 0; i < renders; i++) {
        int shape = random.nextInt(SHAPES.size());
        Appearance look =
            new Appearance(
                SHAPES.get(shape),
                pick(ObjectColour.values(), random),
                pick(ObjectSize.values(), random),
                pick(ObjectStyle.values(), random));
        Place place = pick(Place.values(), random);
        int motion = random.nextInt(MOTIONS.size());
        long seed = random.nextLong();
        List<BufferedImage> pictures = new ArrayList<>();
        pictures.add(new StillRenderer(SIZE).render(new StillScene(look, place, null, seed)));
        pictures.add(new StillRenderer(SIZE).render(new StillScene(look, place, MOTIONS.get(motion), seed)));
        List<BufferedImage> frames = new ClipRenderer(format).frames(new ActionClip(MOTIONS.get(motion), look, place, seed));
        pictures.add(frames.get(0));
        pictures.add(frames.get(frames.size() / 2));
        pictures.add(frames.get(frames.size() - 1));
        List<String> motionTexts =
            MOTIONS.stream().map(m -> "a photo of a " + look.shape().word() + " " + m.phrase()).toList();
        try (NDManager scope = manager.newSubManager()) {
          NDArray images = ClipModel.normalise(clip.encodeImage(preprocessing.batch(scope, pictures)));
          NDArray motions = texts(clip, tokens, bundle, motionTexts, scope);
          long[] shapeGuess = images.matMul(shapes.transpose()).argMax(1).toLongArray();
          long[] colourGuess = images.matMul(colours.transpose()).argMax(1).toLongArray();
          long[] motionGuess = images.matMul(motions.transpose()).argMax(1).toLongArray();
          for (int p = 0; p < PICTURES.length; p++) {
            right[0][p] += shapeGuess[p] == shape ? 1 : 0;
            right[1][p] += colourGuess[p] == look.colour().ordinal() ? 1 : 0;
            right[2][p] += motionGuess[p] == motion ? 1 : 0;
            right[3][p] += kind((int) motionGuess[p]) == kind(motion) ? 1 : 0;
          }
        }
      }
    }
    String[] attributes = {"shape (chance 33.3)", "colour (chance 14.3)", "motion (chance 8.3)", "kind of motion (uniform guess 27.8)"};
    System.out.printf(Locale.ROOT, "%d renders; top-1 %% by picture%n| Attribute | %s |%n", renders, String.join(" | ", PICTURES));
    for (int a = 0; a < attributes.length; a++) {
      StringBuilder row = new StringBuilder("| " + attributes[a] + " |");
      for (int p = 0; p < PICTURES.length; p++) {
        row.append(String.format(Locale.ROOT, " %.1f |", 100.0 * right[a][p] / renders));
      }
      System.out.println(row);
    }
  }

  static NDArray texts(ClipModel clip, VideoClassifier tokens, ModelBundle bundle, List<String> texts, NDManager manager) {
    return ClipModel.normalise(clip.encodeText(tokens.tokens(bundle.tokenizer(), texts, manager)));
  }

  static <T> T pick(T[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}

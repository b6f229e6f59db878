package dev.froster.engine.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.engine.video.FrameSampler;
import dev.froster.engine.video.RgbFrame;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.VideoProbe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The motion measured on decoded video frames is the one the class names. */
class ClipMotionTest {
  private static final int SIZE = 64;
  private static final VideoFormat FORMAT = VideoFormat.of(SIZE, 15, 2);

  @TempDir Path dir;

  private List<FrameMeasure> measured(Motion motion, ShapeKind shape) throws IOException {
    Path file = dir.resolve(motion.name() + "-" + shape.name() + ".mp4");
    Appearance look = new Appearance(shape, ObjectColour.RED, ObjectSize.LARGE, ObjectStyle.FILLED);
    new ClipRenderer(FORMAT).write(new ActionClip(motion, look, Place.SNOW, 42), file);
    VideoFacts facts = VideoProbe.probe(file);
    assertEquals(FORMAT.frameCount(), facts.frameCount());
    assertEquals(SIZE, facts.width());
    assertEquals(SIZE, facts.height());
    assertEquals(15.0, facts.framesPerSecond(), 1e-6);
    assertEquals("h264", facts.codec());
    int[] all = new int[facts.frameCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return FrameSampler.frames(file, all).stream().map(FrameMeasure::of).toList();
  }

  private static FrameMeasure first(List<FrameMeasure> m) {
    return m.get(0);
  }

  private static FrameMeasure middle(List<FrameMeasure> m) {
    return m.get(m.size() / 2);
  }

  private static FrameMeasure last(List<FrameMeasure> m) {
    return m.get(m.size() - 1);
  }

  @Test
  void movingLeftAndRightShiftTheColourCentroidHorizontally() throws IOException {
    List<FrameMeasure> left = measured(Motion.MOVING_LEFT, ShapeKind.CIRCLE);
    List<FrameMeasure> right = measured(Motion.MOVING_RIGHT, ShapeKind.CIRCLE);
    assertTrue(
        last(left).x < first(left).x - 0.25 * SIZE,
        "left: " + first(left).x + " -> " + last(left).x);
    assertTrue(last(right).x > first(right).x + 0.25 * SIZE);
    assertEquals(first(left).y, last(left).y, 2.0, "no vertical drift");
  }

  @Test
  void movingUpAndDownShiftTheColourCentroidVertically() throws IOException {
    List<FrameMeasure> up = measured(Motion.MOVING_UP, ShapeKind.SQUARE);
    List<FrameMeasure> down = measured(Motion.MOVING_DOWN, ShapeKind.SQUARE);
    assertTrue(last(up).y < first(up).y - 0.25 * SIZE);
    assertTrue(last(down).y > first(down).y + 0.25 * SIZE);
  }

  @Test
  void growingAndShrinkingChangeTheArea() throws IOException {
    List<FrameMeasure> growing = measured(Motion.GROWING, ShapeKind.STAR);
    List<FrameMeasure> shrinking = measured(Motion.SHRINKING, ShapeKind.STAR);
    assertTrue(last(growing).area > 2.5 * first(growing).area);
    assertTrue(last(shrinking).area < 0.4 * first(shrinking).area);
    List<FrameMeasure> upDown = measured(Motion.GROWING_THEN_SHRINKING, ShapeKind.CIRCLE);
    List<FrameMeasure> downUp = measured(Motion.SHRINKING_THEN_GROWING, ShapeKind.CIRCLE);
    assertTrue(middle(upDown).area > 2 * Math.max(first(upDown).area, last(upDown).area));
    assertTrue(middle(downUp).area < 0.5 * Math.min(first(downUp).area, last(downUp).area));
  }

  @Test
  void clockwiseAndCounterclockwiseTurnTheHandOppositeWays() throws IOException {
    assertTrue(totalTurn(measured(Motion.ROTATING_CLOCKWISE, ShapeKind.CIRCLE)) > 2.5);
    assertTrue(totalTurn(measured(Motion.ROTATING_COUNTERCLOCKWISE, ShapeKind.CIRCLE)) < -2.5);
    assertTrue(totalTurn(measured(Motion.ROTATING_CLOCKWISE, ShapeKind.SQUARE)) > 2.5);
  }

  @Test
  void orderDependentMovesDifferInWhichLegComesFirst() throws IOException {
    List<FrameMeasure> leftThenUp = measured(Motion.MOVING_LEFT_THEN_UP, ShapeKind.TRIANGLE);
    List<FrameMeasure> upThenLeft = measured(Motion.MOVING_UP_THEN_LEFT, ShapeKind.TRIANGLE);
    FrameMeasure a0 = first(leftThenUp);
    FrameMeasure a1 = middle(leftThenUp);
    FrameMeasure a2 = last(leftThenUp);
    assertTrue(a1.x < a0.x - 0.2 * SIZE && Math.abs(a1.y - a0.y) < 3, "first leg goes left");
    assertTrue(a2.y < a1.y - 0.2 * SIZE && Math.abs(a2.x - a1.x) < 3, "second leg goes up");
    FrameMeasure b0 = first(upThenLeft);
    FrameMeasure b1 = middle(upThenLeft);
    FrameMeasure b2 = last(upThenLeft);
    assertTrue(b1.y < b0.y - 0.2 * SIZE && Math.abs(b1.x - b0.x) < 3, "first leg goes up");
    assertTrue(b2.x < b1.x - 0.2 * SIZE && Math.abs(b2.y - b1.y) < 3, "second leg goes left");
  }

  @Test
  void aSeedRendersTheSameFramesAndAnotherSeedOthers() throws IOException {
    Appearance look =
        new Appearance(ShapeKind.RING, ObjectColour.BLUE, ObjectSize.SMALL, ObjectStyle.STRIPED);
    ClipRenderer renderer = new ClipRenderer(FORMAT);
    Path one = dir.resolve("one.mp4");
    Path two = dir.resolve("two.mp4");
    Path other = dir.resolve("other.mp4");
    renderer.write(new ActionClip(Motion.BOUNCING, look, Place.GRASS, 5), one);
    renderer.write(new ActionClip(Motion.BOUNCING, look, Place.GRASS, 5), two);
    renderer.write(new ActionClip(Motion.BOUNCING, look, Place.GRASS, 6), other);
    int[] frames = FrameSampler.uniformIndices(FORMAT.frameCount(), 6);
    List<RgbFrame> a = FrameSampler.framesRgb(one, frames);
    List<RgbFrame> b = FrameSampler.framesRgb(two, frames);
    List<RgbFrame> c = FrameSampler.framesRgb(other, frames);
    for (int i = 0; i < frames.length; i++) {
      assertArrayEquals(a.get(i).rgb(), b.get(i).rgb(), "frame " + frames[i]);
    }
    assertFalse(java.util.Arrays.equals(a.get(0).rgb(), c.get(0).rgb()));
  }

  @Test
  void aStillOfAMoveShowsItsDirectionByAFadingTrail() {
    StillRenderer stills = new StillRenderer(SIZE);
    Appearance look =
        new Appearance(ShapeKind.SQUARE, ObjectColour.RED, ObjectSize.SMALL, ObjectStyle.FILLED);
    double left =
        trailOffset(stills.render(new StillScene(look, Place.SNOW, Motion.MOVING_LEFT, 9)));
    double right =
        trailOffset(stills.render(new StillScene(look, Place.SNOW, Motion.MOVING_RIGHT, 9)));
    assertTrue(left > 3, "trail lies right of an object moving left: " + left);
    assertTrue(right < -3, "trail lies left of an object moving right: " + right);
  }

  /** Horizontal offset of the faint (reddish, not red) trail from the solid red object. */
  private static double trailOffset(BufferedImage still) {
    RgbFrame frame = RgbFrame.of(still);
    double solid = 0;
    int solidCount = 0;
    double faint = 0;
    int faintCount = 0;
    for (int y = 0; y < frame.height(); y++) {
      for (int x = 0; x < frame.width(); x++) {
        int r = frame.channel(x, y, 0);
        int g = frame.channel(x, y, 1);
        if (r > 180 && g < 80) {
          solid += x;
          solidCount++;
        } else if (r - g > 25) {
          faint += x;
          faintCount++;
        }
      }
    }
    return faint / faintCount - solid / solidCount;
  }

  private static double totalTurn(List<FrameMeasure> frames) {
    double total = 0;
    for (int i = 1; i < frames.size(); i++) {
      total += FrameMeasure.turn(frames.get(i - 1).handAngle, frames.get(i).handAngle);
    }
    return total;
  }
}

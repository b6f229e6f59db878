package dev.froster.engine.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.Test;

/** FROSTER's temporal attention as a mode of the same attention blocks. */
class TemporalAttentionTest {

  private static final int WIDTH = 16;
  private static final int HEADS = 2;
  private static final int TOKENS = 5;

  @Test
  void temporalModeMatchesAnExplicitReferenceOverNeighbourFrames() {
    for (int frames : new int[] {1, 2, 4}) {
      try (NDManager manager = NDManager.newBaseManager()) {
        MultiHeadSelfAttention attention = new MultiHeadSelfAttention(WIDTH, HEADS);
        attention.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
        attention.setInitializer(new NormalInitializer(0.5f), Parameter.Type.BIAS);
        attention.initialize(manager, DataType.FLOAT32, new Shape(1, TOKENS, WIDTH));
        int videos = 2;
        // every frame of every video different
        NDArray x = TinyModels.random(manager, new Shape(videos * frames, TOKENS, WIDTH), 11);
        NDArray actual =
            attention
                .forward(
                    new ParameterStore(manager, false),
                    new NDList(x),
                    false,
                    new FrameLayout(frames, true).asParams())
                .head();
        NDArray expected = reference(attention, x, videos, frames);
        float difference = actual.sub(expected).abs().max().getFloat();
        // the reference multiplies matrices of other shapes, so float rounding differs (1e-5 was
        // seen); a wrong neighbour gives differences of order one
        assertTrue(difference < 1e-4f, "T=" + frames + ": differs from reference by " + difference);
      }
    }
  }

  /**
   * Frame by frame: keys and values of [frame t-1 | frame t | frame t+1], zeros where the clip has
   * no such frame, plain softmax attention per head, output projection.
   */
  private static NDArray reference(
      MultiHeadSelfAttention attention, NDArray x, int videos, int frames) {
    NDManager manager = x.getManager();
    NDArray inWeight = parameter(attention, "in_proj_weight");
    NDArray inBias = parameter(attention, "in_proj_bias");
    NDArray outWeight =
        attention.getChildren().get(0).getValue().getParameters().get("weight").getArray();
    NDArray outBias =
        attention.getChildren().get(0).getValue().getParameters().get("bias").getArray();
    NDArray wq = inWeight.get("0:16, :");
    NDArray wk = inWeight.get("16:32, :");
    NDArray wv = inWeight.get("32:48, :");
    NDArray bq = inBias.get("0:16");
    NDArray bk = inBias.get("16:32");
    NDArray bv = inBias.get("32:48");
    NDList outputs = new NDList();
    int headWidth = WIDTH / HEADS;
    for (int b = 0; b < videos; b++) {
      for (int t = 0; t < frames; t++) {
        NDArray frame = x.get(b * frames + t);
        NDList keys = new NDList();
        NDList values = new NDList();
        for (int neighbour = t - 1; neighbour <= t + 1; neighbour++) {
          if (neighbour < 0 || neighbour >= frames) {
            keys.add(manager.zeros(new Shape(TOKENS, WIDTH)));
            values.add(manager.zeros(new Shape(TOKENS, WIDTH)));
          } else {
            NDArray other = x.get(b * frames + neighbour);
            keys.add(other.matMul(wk.transpose()).add(bk));
            values.add(other.matMul(wv.transpose()).add(bv));
          }
        }
        NDArray q = frame.matMul(wq.transpose()).add(bq);
        NDArray k = NDArrays.concat(keys, 0);
        NDArray v = NDArrays.concat(values, 0);
        NDList heads = new NDList();
        for (int h = 0; h < HEADS; h++) {
          String columns = ":, " + (h * headWidth) + ":" + ((h + 1) * headWidth);
          NDArray scores =
              q.get(columns).matMul(k.get(columns).transpose()).div(Math.sqrt(headWidth));
          NDArray weights = scores.exp().div(scores.exp().sum(new int[] {1}, true));
          heads.add(weights.matMul(v.get(columns)));
        }
        NDArray mixed = NDArrays.concat(heads, 1);
        outputs.add(mixed.matMul(outWeight.transpose()).add(outBias));
      }
    }
    return NDArrays.stack(outputs, 0);
  }

  private static NDArray parameter(MultiHeadSelfAttention attention, String name) {
    return attention.getDirectParameters().get(name).getArray();
  }

  @Test
  void onIdenticalFramesOnlyFramesFurtherFromTheClipEndsThanTheDepthMatchFrameWise() {
    ClipConfig config = TinyModels.config();
    int layers = config.visionLayers();
    // the zero padding at the clip ends reaches one frame further per layer
    int frames = 2 * layers + 1;
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      NDArray frame = TinyModels.images(manager, config, 1, 3);
      NDArray video = frame.expandDims(0).repeat(1, frames);
      assertEquals(new Shape(1, frames, 3, 32, 32), video.getShape());

      NDArray single = model.encodeImage(frame);
      NDArray frameWise = model.encodeVideo(video, false);
      NDArray temporal = model.encodeVideo(video, true);
      assertEquals(new Shape(1, frames, config.embedDim()), temporal.getShape());
      for (int t = 0; t < frames; t++) {
        float frameWiseGap = frameWise.get(0, t).sub(single.get(0)).abs().max().getFloat();
        assertTrue(frameWiseGap < 1e-5f, "frame-wise frame " + t + " differs from the image");
        float temporalGap = temporal.get(0, t).sub(single.get(0)).abs().max().getFloat();
        boolean interior = Math.min(t, frames - 1 - t) >= layers;
        if (interior) {
          assertTrue(temporalGap < 1e-5f, "frame " + t + " should match: " + temporalGap);
        } else {
          assertTrue(temporalGap > 1e-4f, "frame " + t + " should differ: " + temporalGap);
        }
      }
    }
  }

  /**
   * The method's temporal attention has no notion of before and after: frame t attends to the union
   * of frames t-1, t and t+1, with the same zero padding at both clip ends. Reversing a clip
   * therefore reverses its frame features, and the frame-averaged score of a clip equals that of
   * its reverse: FROSTER (and every method compared with it) tells "moving left" from "moving
   * right" only through what single frames show (docs/benchmarks.md, "Base-to-novel on the
   * synthetic world"). A change that made the attention direction-aware would fail here and should
   * say so.
   */
  @Test
  void reversingAClipReversesItsFrameFeatures() {
    ClipConfig config = TinyModels.config();
    int frames = 5;
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      NDArray video =
          TinyModels.images(manager, config, frames, 5).expandDims(0); // (1, T, 3, R, R)
      NDArray forward = model.encodeVideo(video, true); // (1, T, D)
      NDArray backward = model.encodeVideo(video.flip(1), true);
      float gap = backward.flip(1).sub(forward).abs().max().getFloat();
      assertTrue(gap < 1e-5f, "reversed clip's features differ by " + gap);
      // not trivially so: the frames of the clip are told apart
      float framesApart = forward.get(0, 0).sub(forward.get(0, 1)).abs().max().getFloat();
      assertTrue(framesApart > 1e-3f, "frames should differ: " + framesApart);
    }
  }

  @Test
  void neighbourFramesAreLaidOutPreviousCurrentNext() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // one video of 3 frames, one token of one channel, valued 1, 2, 3
      NDArray x = manager.create(new float[] {1, 2, 3}, new Shape(3, 1, 1));
      NDArray laidOut = MultiHeadSelfAttention.withNeighbourFrames(x, 3);
      assertEquals(new Shape(3, 3, 1), laidOut.getShape());
      float[] expected = {0, 1, 2, 1, 2, 3, 2, 3, 0};
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, laidOut.toFloatArray());
    }
  }
}

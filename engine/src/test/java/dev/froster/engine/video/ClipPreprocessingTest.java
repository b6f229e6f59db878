package dev.froster.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipPreprocessingTest {

  @Test
  void uniformColourBecomesItsNormalisedValue() {
    int[] frame = new int[40 * 30];
    java.util.Arrays.fill(frame, 0x336699);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray batch = new ClipPreprocessing(16).batchPacked(manager, List.of(frame), 40, 30);
      assertEquals(new Shape(1, 3, 16, 16), batch.getShape());
      int[] rgb = {0x33, 0x66, 0x99};
      for (int c = 0; c < 3; c++) {
        float expected = (rgb[c] / 255f - ClipPreprocessing.MEAN[c]) / ClipPreprocessing.STD[c];
        float[] plane = batch.get(0, c).toFloatArray();
        for (float value : plane) {
          assertEquals(expected, value, 1e-5f);
        }
      }
    }
  }

  @Test
  void shortSideAtTheResolutionIsCentreCroppedWithoutResampling() {
    // 8 wide, 4 high, R = 4: no resize; the crop keeps columns 2..5
    int width = 8;
    int height = 4;
    int[] frame = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        frame[y * width + x] = (x * 30) << 16 | (y * 50) << 8 | 7;
      }
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] red =
          new ClipPreprocessing(4)
              .batchPacked(manager, List.of(frame), width, height)
              .get(0, 0)
              .toFloatArray();
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) {
          float expected =
              ((x + 2) * 30 / 255f - ClipPreprocessing.MEAN[0]) / ClipPreprocessing.STD[0];
          assertEquals(expected, red[y * 4 + x], 1e-5f, "pixel " + x + "," + y);
        }
      }
    }
  }

  @Test
  void shrinkingAveragesFineDetailAway() {
    // a one-pixel checkerboard of black and white halves to uniform grey when antialiased
    int size = 64;
    int[] frame = new int[size * size];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = ((i / size + i % size) % 2 == 0) ? 0xFFFFFF : 0x000000;
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] red =
          new ClipPreprocessing(16)
              .batchPacked(manager, List.of(frame), size, size)
              .get(0, 0)
              .toFloatArray();
      float grey = (127.5f / 255f - ClipPreprocessing.MEAN[0]) / ClipPreprocessing.STD[0];
      // interior pixels (away from the borders, where Pillow's filter is cut) are grey
      for (int y = 2; y < 14; y++) {
        for (int x = 2; x < 14; x++) {
          assertEquals(grey, red[y * 16 + x], 0.05f);
        }
      }
    }
  }

  @Test
  void bufferedImagesAndPackedFramesGiveTheSameBatch() {
    int width = 50;
    int height = 37;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] frame = new int[width * height];
    java.util.Random random = new java.util.Random(4);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = random.nextInt(0x1000000);
        image.setRGB(x, y, rgb);
        frame[y * width + x] = rgb;
      }
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipPreprocessing preprocessing = new ClipPreprocessing(24);
      NDArray fromImage = preprocessing.batch(manager, List.of(image, image));
      NDArray fromFrames = preprocessing.batchPacked(manager, List.of(frame, frame), width, height);
      assertEquals(new Shape(2, 3, 24, 24), fromImage.getShape());
      assertArrayEquals(fromFrames.toFloatArray(), fromImage.toFloatArray(), 0f);
    }
  }
}

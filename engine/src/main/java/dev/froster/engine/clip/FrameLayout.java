package dev.froster.engine.clip;

import ai.djl.util.PairList;

/**
 * How the rows of a batch going through the image transformer group into videos, and whether
 * attention looks across frames.
 *
 * <p>Rows are laid out video by video: row {@code b * frames + t} is frame t of video b. In {@link
 * #temporal} mode (FROSTER), the queries of frame t attend to the keys and values of frames t-1, t
 * and t+1, with zeros beyond the clip ends; otherwise every frame is an independent image. It
 * travels to the attention blocks in DJL's per-call parameter list, so that the same blocks serve
 * the frozen frame-wise teacher and the temporal student.
 *
 * @param frames frames per video (1 for still images)
 * @param temporal whether attention spans the neighbouring frames
 */
public record FrameLayout(int frames, boolean temporal) {

  /** Key of this layout in the {@code params} list of {@code Block.forward}. */
  public static final String KEY = "froster.frameLayout";

  /** Still images: every row on its own. */
  public static final FrameLayout IMAGES = new FrameLayout(1, false);

  public FrameLayout {
    if (frames <= 0) {
      throw new IllegalArgumentException("frames must be positive, was " + frames);
    }
  }

  /** The layout carried by {@code params}, or {@link #IMAGES} when there is none. */
  public static FrameLayout from(PairList<String, Object> params) {
    if (params != null) {
      Object value = params.get(KEY);
      if (value instanceof FrameLayout layout) {
        return layout;
      }
    }
    return IMAGES;
  }

  /** A parameter list carrying this layout. */
  public PairList<String, Object> asParams() {
    PairList<String, Object> params = new PairList<>();
    params.add(KEY, this);
    return params;
  }
}

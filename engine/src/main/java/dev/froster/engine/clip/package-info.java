/**
 * CLIP as OpenAI's {@code model.py} lays it out, one DJL block per block of the paper, in the order
 * the data flows: {@link dev.froster.engine.clip.QuickGelu}, {@link
 * dev.froster.engine.clip.MultiHeadSelfAttention}, {@link
 * dev.froster.engine.clip.ResidualAttentionBlock}, {@link dev.froster.engine.clip.Transformer},
 * {@link dev.froster.engine.clip.VisionTransformer}, {@link
 * dev.froster.engine.clip.TextTransformer} and {@link dev.froster.engine.clip.ClipModel}.
 *
 * <p>The configuration is a handful of integers ({@link dev.froster.engine.clip.ClipConfig}).
 * Parameters carry OpenAI's state-dict names ({@link dev.froster.engine.clip.ClipParameters}), so
 * an OpenAI checkpoint maps one to one and every other layout maps onto those names. The image
 * tower also encodes videos (B, T, 3, H, W); FROSTER's temporal attention is a mode of the same
 * attention blocks ({@link dev.froster.engine.clip.FrameLayout}), not a second model.
 */
package dev.froster.engine.clip;

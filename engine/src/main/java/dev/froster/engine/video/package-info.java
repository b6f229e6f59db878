/**
 * Video files through JavaCV/FFmpeg: facts about a file ({@link
 * dev.froster.engine.video.VideoProbe} → {@link dev.froster.engine.video.VideoFacts}), decoding the
 * frames a model needs ({@link dev.froster.engine.video.FrameSampler}: T frames spread uniformly,
 * or from a start frame with a stride as FROSTER's training clips are taken), one checked
 * sequential pass over all frames with their times ({@link
 * dev.froster.engine.video.VideoFrameStream}, which the catalogue's segmenter in {@code segment}
 * and the embedder read through), and writing H.264 MP4 files ({@link
 * dev.froster.engine.video.H264Mp4Writer}), which the synthetic action world uses.
 *
 * <p>Every file that cannot be read as video (missing, empty, random bytes, a truncated MP4, a text
 * file, a file without a video stream) ends in a {@link
 * dev.froster.engine.video.VideoDecodingException} that names the file; FFmpeg's own messages are
 * kept as the cause. Turning decoded frames into model tensors (CLIP resizing, cropping and
 * normalisation) lives beside these classes in {@code ClipPreprocessing}.
 */
package dev.froster.engine.video;

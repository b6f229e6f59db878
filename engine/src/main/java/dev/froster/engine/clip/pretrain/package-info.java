/**
 * Contrastive pretraining of the project's own small CLIP teacher, because real CLIP weights cannot
 * be downloaded everywhere: FROSTER needs a frozen CLIP that knows the words of the actions, and
 * the synthetic world's captioned stills teach one.
 *
 * <p>In the order a run flows ({@link dev.froster.engine.clip.pretrain.ClipPretraining}, driven by
 * {@code froster pretrain-clip}, {@link dev.froster.engine.clip.pretrain.PretrainClipCommand}):
 *
 * <ol>
 *   <li>{@link dev.froster.engine.clip.pretrain.CaptionedStills}: the dataset's {@code images.tsv},
 *       decoded, split into training and held-out images;
 *   <li>{@link dev.froster.engine.clip.tokenizer.BpeTrainer}: a byte-level BPE vocabulary learned
 *       from the training captions in CLIP's scheme;
 *   <li>{@link dev.froster.engine.clip.pretrain.ClipPretrainer}: the training loop on a model of
 *       {@link dev.froster.engine.clip.pretrain.TinyClipArchitecture} with {@link
 *       dev.froster.engine.clip.pretrain.PretrainSettings}: batches of hard-negative groups ({@code
 *       CaptionNeighbours}: images whose captions differ in a word or two), {@code
 *       RandomSquareCrop} augmentation, {@code ContrastiveLoss}, AdamW, warm-up/cosine schedule and
 *       clipping from {@code dev.froster.engine.training};
 *   <li>{@link dev.froster.engine.clip.pretrain.RetrievalAccuracy}: image→text and text→image
 *       retrieval, and {@link dev.froster.engine.clip.pretrain.SwappedCaptionProbe}: per attribute
 *       (shape, colour, size, motion, place), how often the true caption beats the same caption
 *       with that attribute swapped; the figures the bundle's metrics carry. Retrieval can be high
 *       on backgrounds alone; the probe tells which attributes the teacher actually sees.
 * </ol>
 */
package dev.froster.engine.clip.pretrain;

/**
 * FROSTER's training core, one class per line of {@code froster-method.md}:
 *
 * <ul>
 *   <li>{@link dev.froster.engine.froster.VideoClassifier}: "Scoring a video" (per-frame cosine
 *       logits times exp(logit_scale), averaged over frames, or ViFi-CLIP's feature mean: {@link
 *       dev.froster.engine.froster.Pooling}), the student and the inference model;
 *   <li>{@link dev.froster.engine.froster.PromptEnsemble}: "Text side" (28 templates + the bare
 *       "name: description"; one random template + bare per class in training, all 29 at test);
 *   <li>{@link dev.froster.engine.froster.FrozenTeacher}: the frozen CLIP teacher, frame-wise, with
 *       its text embeddings cached;
 *   <li>{@link dev.froster.engine.froster.ResidualHead}: "Two residual heads" (Linear-GELU-Linear,
 *       no bias, Kaiming-normal / zero init, f + alpha · head(f), alpha 0.1);
 *   <li>{@link dev.froster.engine.froster.FrosterLoss}: "Distillation loss" and "Classification
 *       loss" (CE + beta · [(1 - cos)_visual + (1 - cos)_text], beta 2.0);
 *   <li>{@link dev.froster.engine.froster.FrosterTrainer}: "Optimisation" (AdamW with no decay on
 *       1-D parameters, warm-up + cosine, clipping at 1.0) with checkpoints and resume, the
 *       checkpoint folders and their configuration check in {@link
 *       dev.froster.engine.froster.RunCheckpoints};
 *   <li>{@link dev.froster.engine.froster.WeightAveraging}: "Weight averaging" (uniform mean of the
 *       epoch-end weights from epoch 2);
 *   <li>{@link dev.froster.engine.froster.VideoClips}: "Frames" (8 frames, stride 16, random start,
 *       jittered short side, random crop, flip; 3 evenly spread centre-cropped test clips);
 *   <li>{@link dev.froster.engine.froster.FrosterSettings} and {@link
 *       dev.froster.engine.froster.Method}: every constant with the paper's value as default, and
 *       the baselines (frozen CLIP, ViFi-CLIP fine-tuning, temporal fine-tuning) as switches of the
 *       same trainer.
 * </ul>
 *
 * <p><b>Horizontal flips and direction.</b> The paper flips training clips, as is usual for
 * Kinetics. A mirrored "moving left" clip shows a shape moving right but keeps the label "moving
 * left": for direction-dependent classes the flip corrupts labels. {@link
 * dev.froster.engine.froster.FrosterSettings#horizontalFlip()} defaults to the paper's choice; the
 * synthetic benchmark, whose classes are directions, turns it off.
 */
package dev.froster.engine.froster;

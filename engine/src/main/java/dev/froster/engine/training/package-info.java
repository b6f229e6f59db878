/**
 * Reusable pieces of a DJL training loop, independent of the model trained: {@link
 * dev.froster.engine.training.AdamW} (PyTorch's AdamW with {@link
 * dev.froster.engine.training.WeightDecayMask}: no decay on 1-D parameters and embeddings), {@link
 * dev.froster.engine.training.LearningRateSchedule} (warm-up then cosine), {@link
 * dev.froster.engine.training.GradientClipping} (global L2 norm), {@link
 * dev.froster.engine.training.Gradients} (leak-free gradient access and zeroing), {@link
 * dev.froster.engine.training.TrainingState} (a checkpoint folder of named arrays and facts),
 * {@link dev.froster.engine.training.TrainingRandom} (random numbers as a function of the step, so
 * that a resumed run repeats the uninterrupted one) and {@link
 * dev.froster.engine.training.MetricsWriter} (per-step and per-epoch CSV).
 *
 * <p>A step, as FROSTER's trainer and the CLIP pretraining run it:
 *
 * <pre>{@code
 * try (NDManager step = root.newSubManager()) {
 *   Gradients.zero(parameters, step);
 *   try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
 *     NDArray loss = ...;                 // built in the step manager
 *     collector.backward(loss);
 *   }
 *   double norm = GradientClipping.clipGlobalNorm(parameters, 1.0, step);
 *   optimiser.step(parameters, schedule.at(globalStep), step);
 * }
 * }</pre>
 *
 * <p>Every temporary belongs to the step's manager (see djl-notes.md); optimiser moments belong to
 * the optimiser, and are saved with {@link dev.froster.engine.training.AdamW#saveInto}.
 */
package dev.froster.engine.training;

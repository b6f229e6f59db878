/**
 * Evaluation of trained video models (froster-method.md, "Evaluation protocols"): zero-shot top-1
 * accuracy of a model over a class vocabulary ({@link dev.froster.engine.eval.ZeroShotEvaluator},
 * shared by every protocol and command), the base-to-novel and cross-dataset protocols, the report
 * they write (report.json and a Markdown table), and the {@code froster train}, {@code froster
 * eval} and {@code froster benchmark b2n} commands.
 */
package dev.froster.engine.eval;

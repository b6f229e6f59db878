/**
 * The model bundle: the engine's own on-disk form of one model version. A folder holding {@code
 * manifest.json} (architecture, tokenizer, provenance, training metrics, and the SHA-256 of every
 * other file), {@code weights.safetensors} (fp32, OpenAI's parameter names) and the tokenizer's
 * {@code tokenizer/vocab.json} + {@code tokenizer/merges.txt}.
 *
 * <p>Importers write bundles; everything else loads them ({@link
 * dev.froster.engine.bundle.ModelBundle}). Every checksum is verified on load, and a bundle is
 * written into a temporary folder beside the target, forced to disk and renamed into place ({@link
 * dev.froster.engine.bundle.AtomicDirectory}), so a crash never leaves a half-written bundle.
 * Problems are {@link dev.froster.engine.bundle.BundleException}s naming the file.
 */
package dev.froster.engine.bundle;

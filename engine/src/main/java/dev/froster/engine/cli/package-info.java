/**
 * The engine's command line, {@code froster <command>} ({@link dev.froster.engine.cli.FrosterCli},
 * picocli): {@code clip-encode} (features of texts and images as JSON, a contract other tools rely
 * on) and {@code import-clip} (an OpenAI or Hugging Face checkpoint into a model bundle). Failures
 * print one line naming the file or field and exit with status 1.
 */
package dev.froster.engine.cli;

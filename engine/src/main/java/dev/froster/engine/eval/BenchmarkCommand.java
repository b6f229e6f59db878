package dev.froster.engine.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code froster benchmark <protocol>}: end-to-end benchmarks on the synthetic world. */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmarks on the synthetic action world.",
    subcommands = {BaseToNovelBenchmarkCommand.class})
public final class BenchmarkCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required (b2n)");
  }
}

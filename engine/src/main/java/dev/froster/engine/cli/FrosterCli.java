package dev.froster.engine.cli;

import dev.froster.engine.clip.pretrain.PretrainClipCommand;
import dev.froster.engine.demo.DemoCatalogueCommand;
import dev.froster.engine.demo.DemoModelCommand;
import dev.froster.engine.demo.EvalSearchCommand;
import dev.froster.engine.eval.BenchmarkCommand;
import dev.froster.engine.eval.EvalCommand;
import dev.froster.engine.eval.TrainCommand;
import dev.froster.engine.synth.SynthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code froster <command>}: the engine's entry point. The launcher runs it as {@code java -cp
 * engine/target/froster-engine-*.jar:engine/target/lib/* -Dai.djl.offline=true
 * -Dai.djl.default_engine=PyTorch dev.froster.engine.cli.FrosterCli ...}.
 */
@Command(
    name = "froster",
    mixinStandardHelpOptions = true,
    version = "froster engine 0.1.0",
    description = "Froster engine commands (CLIP models, bundles, synthetic action world).",
    subcommands = {
      ClipEncodeCommand.class,
      ImportClipCommand.class,
      SynthCommand.class,
      PretrainClipCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      BenchmarkCommand.class,
      DemoModelCommand.class,
      DemoCatalogueCommand.class,
      EvalSearchCommand.class
    })
public final class FrosterCli implements Runnable {

  private static final String CUDA_PROBE_LOG_LEVEL =
      "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (0 success, 1 failure, 2 usage). */
  public static int run(String... args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      // DJL's start-up chatter would drown the one line a failing command prints
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (System.getProperty(CUDA_PROBE_LOG_LEVEL) == null) {
      // on a machine without a GPU, DJL warns at every start that it found no CUDA driver
      System.setProperty(CUDA_PROBE_LOG_LEVEL, "error");
    }
    CommandLine commandLine = new CommandLine(new FrosterCli());
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          command
              .getErr()
              .println("froster " + command.getCommandName() + ": " + describe(exception));
          return 1;
        });
    return commandLine.execute(args);
  }

  private static String describe(Exception exception) {
    String message = exception.getMessage();
    return message == null ? exception.toString() : message;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}

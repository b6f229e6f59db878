package dev.froster.engine.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster demo-catalogue}: writes the demo catalogue (see {@link DemoCatalogue}).
 *
 * <p>Exit codes: 0 done, 1 writing failed (e.g. the folder is not empty), 2 bad arguments.
 */
@Command(
    name = "demo-catalogue",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the demo catalogue: multi-shot H.264 videos of the demo actions, moments.tsv (the"
          + " ground truth) and vocabulary.csv (the actions, for the vocabulary import)."
    })
public final class DemoCatalogueCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "New or empty folder for the catalogue.")
  private Path output;

  @Option(
      names = "--videos",
      paramLabel = "N",
      description = "Videos (default: ${DEFAULT-VALUE}; 6 shots of 2 s each).")
  private int videos = CatalogueSettings.DEFAULT_VIDEOS;

  @Option(
      names = "--size",
      paramLabel = "PX",
      description = "Frame side in pixels, even (default: ${DEFAULT-VALUE}).")
  private int size = CatalogueSettings.DEFAULT_SIZE;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed = CatalogueSettings.DEFAULT_SEED;

  @Override
  public Integer call() throws IOException {
    CatalogueSettings defaults = CatalogueSettings.defaults(output);
    CatalogueSettings settings =
        new CatalogueSettings(
            output,
            seed,
            videos,
            defaults.shotsPerVideo(),
            size,
            defaults.framesPerSecond(),
            defaults.shotSeconds(),
            defaults.threads());
    long started = System.nanoTime();
    List<CatalogueMoment> moments = new DemoCatalogue(settings).generate();
    System.out.printf(
        Locale.ROOT,
        "Wrote %d videos with %d action shots of %d classes to %s in %.1f s%n",
        videos,
        moments.size(),
        moments.stream().map(CatalogueMoment::className).distinct().count(),
        output.toAbsolutePath().normalize(),
        (System.nanoTime() - started) / 1e9);
    return 0;
  }
}

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * REST load generator for free-text search ({@code GET /froster/api/v1/search?q=...}): a fixed
 * number of concurrent clients, each sending its next request as soon as the previous answer has
 * arrived (closed loop), with plain {@code java.net.http.HttpClient}. Run as a single source file
 * (no build): {@code java bench/search/SearchLoad.java MODE BASE_URL REQUESTS CLIENTS}.
 *
 * <p>Modes:
 *
 * <ul>
 *   <li>{@code prime}: sends each of the {@link #CACHED_TEXTS} fixed query texts once (fills the
 *       server's query-embedding cache), then REQUESTS more over them as warm-up; not measured.
 *   <li>{@code cached}: REQUESTS measured requests, texts drawn from the same fixed set.
 *   <li>{@code uncached}: REQUESTS measured requests, every text new (each goes through the text
 *       tower), for information.
 * </ul>
 *
 * <p>Every answer must be 200 with a non-empty page of moments; any other answer is counted as an
 * error and makes the run fail (exit status 1), so a broken server cannot pass as a fast one. Prints
 * p50/p95/p99 latency and throughput. The user is {@code archivist} with the password in {@code
 * FROSTER_ARCHIVIST_PASSWORD} (HTTP Basic, as the product's dev users).
 */
public final class SearchLoad {

  static final int CACHED_TEXTS = 256;

  private static final String[] ACTIONS = {
    "running", "jumping over a fence", "riding a bicycle", "swimming", "playing guitar",
    "cutting vegetables", "climbing a wall", "dancing", "throwing a ball", "opening a door",
    "pouring water", "skateboarding", "walking a dog", "typing on a laptop", "diving into a pool",
    "kicking a football"
  };
  private static final String[] SCENES = {
    "in a park", "at night", "on a beach", "in a kitchen", "in the rain", "in slow motion",
    "in a crowded street", "indoors", "on a stage", "in the snow", "at sunset", "close up",
    "from above", "in a forest", "in an office", "on a boat"
  };

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "arguments: prime|cached|uncached BASE_URL (e.g. http://localhost:9781/froster/api/v1)"
              + " REQUESTS CLIENTS");
    }
    String mode = args[0];
    String base = args[1];
    int requests = Integer.parseInt(args[2]);
    int clients = Integer.parseInt(args[3]);
    String password = System.getenv("FROSTER_ARCHIVIST_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException("FROSTER_ARCHIVIST_PASSWORD is not set");
    }
    String authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("archivist:" + password).getBytes(StandardCharsets.UTF_8));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < CACHED_TEXTS; i++) {
      texts.add(
          "a person " + ACTIONS[i % ACTIONS.length] + " " + SCENES[(i / ACTIONS.length) % 16]);
    }
    Run run = new Run(http, base, authorization, clients);
    switch (mode) {
      case "prime" -> {
        run.send(texts.size(), texts::get);
        run.send(requests, i -> texts.get((i * 7) % texts.size()));
        System.out.printf(
            Locale.ROOT,
            "primed %d texts and warmed up with %d requests (%d errors)%n",
            texts.size(),
            requests,
            run.errors.get());
      }
      case "cached" -> run.report("cached texts", run.send(requests, i -> texts.get((i * 7) % 256)));
      case "uncached" -> {
        String prefix = Long.toString(System.nanoTime(), 36);
        run.report(
            "uncached texts",
            run.send(requests, i -> texts.get(i % texts.size()) + " take " + prefix + "-" + i));
      }
      default -> throw new IllegalArgumentException("mode must be prime, cached or uncached: " + mode);
    }
    if (run.errors.get() > 0) {
      System.out.println("FAILED: " + run.errors.get() + " requests did not answer a page; first: "
          + run.firstError);
      System.exit(1);
    }
  }

  interface Texts {
    String text(int request);
  }

  static final class Run {
    final HttpClient http;
    final String base;
    final String authorization;
    final int clients;
    final AtomicInteger errors = new AtomicInteger();
    volatile String firstError;
    double seconds;

    Run(HttpClient http, String base, String authorization, int clients) {
      this.http = http;
      this.base = base;
      this.authorization = authorization;
      this.clients = clients;
    }

    /** Sends requests 0..count-1 from the clients; returns each request's latency in ms. */
    List<Double> send(int count, Texts texts) throws Exception {
      AtomicInteger next = new AtomicInteger();
      List<Double> millis = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    millis.add(one(texts.text(i)));
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      return millis;
    }

    private double one(String text) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(base + "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
              .header("Authorization", authorization)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build();
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200 || !response.body().contains("\"segmentId\"")) {
          fail(text + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return millis;
      } catch (Exception e) {
        fail(text + ": " + e);
        return (System.nanoTime() - start) / 1e6;
      }
    }

    private void fail(String what) {
      if (errors.getAndIncrement() == 0) {
        firstError = what;
      }
    }

    void report(String label, List<Double> millis) {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "REST %s: %d requests, %d clients, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
              + " %.1f requests/s, %d errors%n",
          label,
          sorted.size(),
          clients,
          percentile(sorted, 50),
          percentile(sorted, 95),
          percentile(sorted, 99),
          sorted.size() / seconds,
          errors.get());
    }

    static double percentile(List<Double> sorted, int p) {
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String abbreviate(String body) {
      return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
  }
}

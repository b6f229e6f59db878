package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, item 1: {@code GET search}, {@code GET search/similar} and {@code POST search/similar}
 * in the real server against the real database, with a tiny random model bundle activated through
 * the API and segment embeddings placed at known similarities to the query (see {@link
 * SearchWorld}), so every expected order and score is known.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");
  private static final HttpClientAs TAGGER = HttpClientAs.user("tagger");

  private static SearchWorld world;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @AfterAll
  static void removeTheWorld() throws Exception {
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Order(1)
  void withoutAnActiveModelSearchIsAConflictSayingSo() throws Exception {
    SearchWorld.retireActiveVersions();
    HttpResponse<String> response = ARCHIVIST.get(API + "/search?q=run");
    assertEquals(409, response.statusCode(), response.body());
    assertProblem(response);
    assertTrue(
        json(response).asJsonObject().getString("detail").contains("no model version is active"));
  }

  @Test
  @Order(2)
  void momentsComeNearestFirstWithTheirVisibleScores() throws Exception {
    JsonObject page = search("limit=12");
    JsonArray moments = page.getJsonArray("moments");
    assertEquals(world().expected(k -> true), ids(moments));
    assertEquals(12, page.getInt("count"));
    assertFalse(page.containsKey("next"), "12 of 12 is the last page");
    for (int k = 0; k < SearchWorld.SEGMENTS; k++) {
      JsonObject moment = moments.getJsonObject(k);
      assertEquals(SearchWorld.score(k), moment.getJsonNumber("score").doubleValue(), 1e-3);
      assertEquals(world.assets[k % 3], moment.getJsonNumber("assetId").longValue());
      assertEquals(SearchWorld.ASSETS[k % 3][0], moment.getString("collection"));
      assertTrue(moment.getString("assetTitle").startsWith("search-it " + world.unique));
      assertEquals((k / 3) * 2000L, moment.getJsonNumber("startMs").longValue());
      assertEquals((k / 3) * 2000L + 2000, moment.getJsonNumber("endMs").longValue());
      assertTrue(
          moment
              .getString("keyframe")
              .endsWith(API + "/segments/" + world.segments[k] + "/keyframe"),
          moment.getString("keyframe"));
    }
    // The query text is normalised: extra white space is the same query.
    JsonObject spaced =
        json(ARCHIVIST.get(
                API
                    + "/search?q="
                    + encode("  " + SearchWorld.QUERY.replace(" ", "   "))
                    + "&limit=3"))
            .asJsonObject();
    assertEquals(world.expected(k -> k < 3), ids(spaced.getJsonArray("moments")));
  }

  @Test
  @Order(3)
  void minScoreDropsTheWeakerMoments() throws Exception {
    JsonObject page = search("minScore=0.72&limit=3");
    assertEquals(world().expected(k -> k < 3), ids(page.getJsonArray("moments")));
    JsonObject rest = search("minScore=0.72&limit=3&cursor=" + page.getString("next"));
    assertEquals(world.expected(k -> k >= 3 && k < 5), ids(rest.getJsonArray("moments")));
    assertFalse(rest.containsKey("next"));
  }

  @Test
  @Order(4)
  void everyFilterKeepsOnlyTheMomentsItDescribes() throws Exception {
    world();
    Map<String, java.util.function.IntPredicate> filters =
        Map.of(
            "collection=sport",
            k -> k % 3 == 1,
            "collection=news",
            k -> k % 3 != 1,
            "ingestedFrom=2026-02-01&ingestedTo=2026-02-28",
            k -> k % 3 == 1,
            "ingestedTo=2026-01-10",
            k -> k % 3 == 0,
            "ingestedFrom=2026-02-15T12:00:00Z",
            k -> k % 3 != 0,
            "minDuration=100",
            k -> k % 3 != 0,
            "maxDuration=200",
            k -> k % 3 != 2,
            "minDuration=100&maxDuration=200",
            k -> k % 3 == 1,
            "tag=" + world.tagLabel.toUpperCase(java.util.Locale.ROOT),
            k -> k % 3 == 1 || k == 5,
            "tag=" + world.termId + "&collection=news",
            k -> k == 5);
    for (Map.Entry<String, java.util.function.IntPredicate> filter : filters.entrySet()) {
      for (String mode : List.of("", "&exact=true")) {
        JsonObject page = search(filter.getKey() + mode + "&limit=20");
        assertEquals(
            world.expected(filter.getValue()),
            ids(page.getJsonArray("moments")),
            filter.getKey() + mode);
      }
    }
  }

  @Test
  @Order(5)
  void groupedByAssetEachAssetCarriesItsBestMomentsInScoreOrder() throws Exception {
    JsonObject page = search("group=asset&limit=12");
    assertFalse(page.containsKey("moments"));
    JsonArray assets = page.getJsonArray("assets");
    assertEquals(3, assets.size());
    for (int a = 0; a < 3; a++) {
      JsonObject asset = assets.getJsonObject(a);
      int owner = a;
      assertEquals(world().assets[a], asset.getJsonNumber("assetId").longValue());
      assertEquals(SearchWorld.score(a), asset.getJsonNumber("bestScore").doubleValue(), 1e-3);
      assertEquals(world.expected(k -> k % 3 == owner), ids(asset.getJsonArray("moments")));
    }
  }

  @Test
  @Order(6)
  void cursorsPageThroughEveryMomentOnceWithoutGaps() throws Exception {
    for (String mode : List.of("", "&exact=true")) {
      List<Long> seen = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      String cursor = null;
      do {
        JsonObject page = search("limit=5" + mode + (cursor == null ? "" : "&cursor=" + cursor));
        List<Long> ids = ids(page.getJsonArray("moments"));
        seen.addAll(ids);
        sizes.add(ids.size());
        cursor = page.containsKey("next") ? page.getString("next") : null;
      } while (cursor != null);
      assertEquals(List.of(5, 5, 2), sizes, mode);
      assertEquals(world().expected(k -> true), seen, mode);
      assertEquals(seen.size(), new HashSet<>(seen).size());
    }
  }

  @Test
  @Order(7)
  void aCursorUsedWithAnotherSearchOrTamperedWithIsRefused() throws Exception {
    String next = search("limit=2").getString("next");
    String other = API + "/search?q=" + encode("someone runs") + "&limit=2&cursor=" + next;
    assertInvalid(ARCHIVIST.get(other), "cursor");
    assertInvalid(get("limit=2&collection=news&cursor=" + next), "cursor");
    assertInvalid(get("limit=2&exact=true&cursor=" + next), "cursor");
    char flipped = next.charAt(5) == 'A' ? 'B' : 'A';
    String tampered = next.substring(0, 5) + flipped + next.substring(6);
    assertInvalid(get("limit=2&cursor=" + tampered), "cursor");
    assertInvalid(get("limit=2&cursor=not-a-cursor"), "cursor");
    assertInvalid(get("limit=2&cursor=%25%25"), "cursor");
    // The same search with its own cursor still works, also with another page size.
    assertEquals(
        world().expected(k -> k >= 2 && k < 5),
        ids(search("limit=3&cursor=" + next).getJsonArray("moments")));
  }

  @Test
  @Order(8)
  void moreLikeASegmentRanksTheOthersByTheirSimilarityToIt() throws Exception {
    long example = world().segments[4];
    HttpResponse<String> response =
        ARCHIVIST.get(API + "/search/similar?segment=" + example + "&limit=20");
    assertEquals(200, response.statusCode(), response.body());
    JsonArray moments = json(response).asJsonObject().getJsonArray("moments");
    assertEquals(world.nearest(world.embeddings[4], example), ids(moments));
    assertEquals(
        SearchWorld.cosine(world.embeddings[4], world.embeddings[indexOf(ids(moments).get(0))]),
        moments.getJsonObject(0).getJsonNumber("score").doubleValue(),
        1e-4);

    HttpResponse<String> missing = ARCHIVIST.get(API + "/search/similar?segment=999999999");
    assertEquals(404, missing.statusCode(), missing.body());
    assertInvalid(ARCHIVIST.get(API + "/search/similar?segment=abc"), "segment");
    assertInvalid(ARCHIVIST.get(API + "/search/similar?segment=" + example + "&q=run"), "q");
  }

  @Test
  @Order(9)
  void moreLikeAnUploadedClipEmbedsTheWholeClipWithTheActiveModel() throws Exception {
    Path scratch = Files.createTempDirectory("search-it");
    Path clip = EmbeddingWorld.writeVideo(scratch.resolve("example.mp4"), 3, 5);
    float[] expected;
    HttpResponse<String> response;
    try {
      expected = world().clipEmbedding(clip);
      response =
          SearchWorld.postClip("archivist", API + "/search/similar?limit=20", clip, "video/mp4");
    } finally {
      Files.delete(clip);
      Files.delete(scratch);
    }
    assertEquals(200, response.statusCode(), response.body());
    JsonArray moments = json(response).asJsonObject().getJsonArray("moments");
    List<Long> mine = new ArrayList<>(ids(moments));
    assertEquals(world.nearest(expected, -1), mine);
    assertEquals(
        SearchWorld.cosine(expected, world.embeddings[indexOf(mine.get(0))]),
        moments.getJsonObject(0).getJsonNumber("score").doubleValue(),
        1e-3);

    Path text = Files.writeString(Files.createTempFile("not-a-video", ".mp4"), "just some text");
    HttpResponse<String> refused;
    try {
      refused = SearchWorld.postClip("archivist", API + "/search/similar", text, "video/mp4");
    } finally {
      Files.delete(text);
    }
    assertInvalid(refused, "clip");
    assertTrue(
        json(refused).asJsonObject().getString("detail").contains(text.getFileName().toString()),
        refused.body());
  }

  @Test
  @Order(9)
  void aFilterSentAsAFormFieldWithTheClipIsRefusedNotIgnored() throws Exception {
    world();
    Path scratch = Files.createTempDirectory("search-it");
    Path clip = EmbeddingWorld.writeVideo(scratch.resolve("example.mp4"), 3, 5);
    HttpResponse<String> withField;
    try {
      withField =
          SearchWorld.postClip(
              "archivist",
              API + "/search/similar",
              clip,
              "video/mp4",
              Map.of("collection", "sport"));
    } finally {
      Files.delete(clip);
      Files.delete(scratch);
    }
    assertInvalid(withField, "collection");
    assertTrue(
        json(withField).asJsonObject().getString("detail").contains("query string"),
        withField.body());
  }

  @Test
  @Order(10)
  void exactAndIndexSearchGiveTheSameTopResults() throws Exception {
    JsonArray index = search("limit=6").getJsonArray("moments");
    JsonArray exact = search("limit=6&exact=true").getJsonArray("moments");
    assertEquals(ids(exact), ids(index));
    assertTrue(search("limit=1&exact=true").getBoolean("exact"));
  }

  @Test
  @Order(11)
  void badInputIsAProblemNamingTheParameter() throws Exception {
    world();
    assertInvalid(ARCHIVIST.get(API + "/search"), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q="), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q=%20%20%09"), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q=" + "a".repeat(513)), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q=run%00away"), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q=%1B%5B2J"), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q=run&q=jump"), "q");
    assertInvalid(ARCHIVIST.get(API + "/search?q=%FF%FE"), "q");
    assertInvalid(get("collection=a%00b"), "collection");
    assertInvalid(get("collection=news%1B"), "collection");
    assertInvalid(get("collection=%FF%FE"), "collection");
    assertInvalid(get("tag=div%00ing"), "tag");
    assertInvalid(get("tag=%FF"), "tag");
    assertInvalid(get("ingestedFrom=0000-01-01"), "ingestedFrom");
    assertInvalid(get("ingestedTo=0000-12-31T23:59:59Z"), "ingestedTo");
    assertInvalid(get("ingestedTo=%2B10000-01-01T00:00:00Z"), "ingestedTo");
    assertInvalid(get("ingestedFrom=9999-12-31T23:00:00-05:00"), "ingestedFrom");
    assertTrue(
        json(get("ingestedFrom=0000-01-01")).asJsonObject().getString("detail").contains("9999"));
    // The widest dates, and the last day as ingestedTo (whose exclusive end would be year 10000).
    assertEquals(
        world.expected(k -> true),
        ids(
            search("ingestedFrom=0001-01-01&ingestedTo=9999-12-31&limit=20")
                .getJsonArray("moments")));
    assertEquals(
        List.of(),
        ids(
            search("ingestedFrom=9999-12-31T23:59:59.999999Z&ingestedTo=9999-12-31&exact=true")
                .getJsonArray("moments")));
    assertInvalid(get("colour=red"), "colour");
    assertInvalid(get("ingestedFrom=last-week"), "ingestedFrom");
    assertInvalid(get("ingestedTo=2026-13-01"), "ingestedTo");
    assertInvalid(get("ingestedFrom=2026-03-01&ingestedTo=2026-01-01"), "ingestedFrom");
    assertInvalid(get("minDuration=long"), "minDuration");
    assertInvalid(get("maxDuration=-3"), "maxDuration");
    assertInvalid(get("minScore=1.5"), "minScore");
    assertInvalid(get("minScore=-2"), "minScore");
    assertInvalid(get("limit=0"), "limit");
    assertInvalid(get("limit=101"), "limit");
    assertInvalid(get("limit=ten"), "limit");
    assertInvalid(get("group=collection"), "group");
    assertInvalid(get("exact=maybe"), "exact");
    assertInvalid(get("cursor=AAAA"), "cursor");
    assertEquals(200, get("limit=100").statusCode());
    assertEquals(
        200, ARCHIVIST.get(API + "/search?q=" + "a".repeat(512) + "&limit=1").statusCode());
  }

  @Test
  @Order(12)
  void searchNeedsALoginAndEveryRoleMaySearch() throws Exception {
    world();
    HttpResponse<String> anonymous = HttpClientAs.anonymousGet(API + "/search?q=run");
    assertEquals(401, anonymous.statusCode());
    for (HttpClientAs user : List.of(ARCHIVIST, TAGGER, ADMIN)) {
      HttpResponse<String> response = user.get(API + "/search?q=run&limit=1");
      assertEquals(200, response.statusCode(), response.body());
      assertEquals(1, json(response).asJsonObject().getJsonArray("moments").size());
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The world, with its tiny bundle registered and activated through the API (once). */
  private static synchronized SearchWorld world() throws Exception {
    if (world == null) {
      String name = "search-it-" + UUID.randomUUID();
      Path bundle = TinyBundles.write(name, "SearchIT");
      HttpResponse<String> registered =
          ADMIN.post(
              API + "/model-versions",
              "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
      assertEquals(201, registered.statusCode(), registered.body());
      long id = json(registered).asJsonObject().getJsonNumber("id").longValue();
      HttpResponse<String> activated =
          ADMIN.post(API + "/model-versions/" + id + "/activation", "");
      assertEquals(200, activated.statusCode(), activated.body());
      world = new SearchWorld(id, bundle);
    }
    return world;
  }

  private static HttpResponse<String> get(String parameters) throws Exception {
    world();
    return ARCHIVIST.get(API + "/search?q=" + encode(SearchWorld.QUERY) + "&" + parameters);
  }

  private static JsonObject search(String parameters) throws Exception {
    HttpResponse<String> response = get(parameters);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject page = json(response).asJsonObject();
    assertTrue(page.getJsonNumber("modelVersion").longValue() > 0, response.body());
    return page;
  }

  private static List<Long> ids(JsonArray moments) {
    return moments.stream()
        .map(JsonValue::asJsonObject)
        .map(moment -> moment.getJsonNumber("segmentId").longValue())
        .toList();
  }

  private static int indexOf(long segment) {
    for (int k = 0; k < world.segments.length; k++) {
      if (world.segments[k] == segment) {
        return k;
      }
    }
    throw new AssertionError(segment + " is not a segment of the world");
  }

  private static void assertInvalid(HttpResponse<String> response, String parameter) {
    assertEquals(400, response.statusCode(), response.body());
    assertProblem(response);
    JsonObject problem = json(response).asJsonObject();
    assertEquals(parameter, problem.getString("parameter"), response.body());
    assertTrue(problem.getString("detail").startsWith(parameter), response.body());
  }

  private static void assertProblem(HttpResponse<String> response) {
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

package dev.froster.it;

import static dev.froster.it.VocabularyClient.VOCABULARIES;
import static dev.froster.it.VocabularyClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, vocabularies: CRUD of vocabularies and terms in the real server, import and export in
 * CSV and JSON read back as the same vocabulary, every bad input a 400 problem that names the field
 * or row with nothing stored, role checks, and every change in the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
class VocabularyIT {

  private static final VocabularyClient ADMIN = VocabularyClient.user("admin");
  private static final VocabularyClient ARCHIVIST = VocabularyClient.user("archivist");
  private static final VocabularyClient TAGGER = VocabularyClient.user("tagger");

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @Test
  void anAdminManagesAVocabularyAndEveryChangeIsAudited() throws Exception {
    String name = unique("sports");
    HttpResponse<String> created =
        ADMIN.json(
            "POST",
            VOCABULARIES,
            "{\"name\": \""
                + name
                + "\", \"description\": \"moves\", \"acceptThreshold\": 0.8,"
                + " \"reviewThreshold\": 0.3, \"terms\": [{\"label\": \"jump\","
                + " \"description\": \"leaping up\", \"synonyms\": [\"hop\"]}]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject vocabulary = object(created);
    long id = vocabulary.getJsonNumber("id").longValue();
    assertTrue(
        created.headers().firstValue("Location").orElseThrow().endsWith("/vocabularies/" + id));
    assertEquals(0.8, vocabulary.getJsonNumber("acceptThreshold").doubleValue(), 1e-9);
    assertTrue(vocabulary.getBoolean("active"));

    for (VocabularyClient reader : List.of(ARCHIVIST, TAGGER, ADMIN)) {
      HttpResponse<String> read = reader.get(VOCABULARIES + "/" + id);
      assertEquals(200, read.statusCode(), read.body());
      assertEquals("jump", object(read).getJsonArray("terms").getJsonObject(0).getString("label"));
    }
    HttpResponse<String> list = ARCHIVIST.get(VOCABULARIES);
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("\"" + name + "\""), list.body());

    HttpResponse<String> changed =
        ADMIN.json(
            "PATCH",
            VOCABULARIES + "/" + id,
            "{\"name\": \"" + name + "-renamed\", \"reviewThreshold\": 0.5, \"active\": false}");
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(name + "-renamed", object(changed).getString("name"));
    assertEquals(0.5, object(changed).getJsonNumber("reviewThreshold").doubleValue(), 1e-9);
    assertEquals(0.8, object(changed).getJsonNumber("acceptThreshold").doubleValue(), 1e-9);
    assertEquals(false, object(changed).getBoolean("active"));

    HttpResponse<String> added =
        ADMIN.json("POST", VOCABULARIES + "/" + id + "/terms", "{\"label\": \"wave\"}");
    assertEquals(201, added.statusCode(), added.body());
    long wave = object(added).getJsonNumber("id").longValue();
    HttpResponse<String> edited =
        ADMIN.json(
            "PUT",
            VOCABULARIES + "/" + id + "/terms/" + wave,
            "{\"label\": \"Wave\", \"description\": \"a hand moving\", \"synonyms\": [\"greet\"]}");
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals("a hand moving", object(edited).getString("description"));
    assertEquals(
        Json.createArrayBuilder().add("greet").build(), object(edited).getJsonArray("synonyms"));
    assertEquals(204, ADMIN.delete(VOCABULARIES + "/" + id + "/terms/" + wave).statusCode());
    assertEquals(404, ADMIN.delete(VOCABULARIES + "/" + id + "/terms/" + wave).statusCode());
    assertEquals(1, object(ADMIN.get(VOCABULARIES + "/" + id)).getJsonArray("terms").size());

    assertEquals(204, ADMIN.delete(VOCABULARIES + "/" + id).statusCode());
    HttpResponse<String> gone = ADMIN.get(VOCABULARIES + "/" + id);
    assertEquals(404, gone.statusCode(), gone.body());

    List<String[]> trail = audit(id, wave);
    assertEquals(
        List.of(
            "vocabulary.create",
            "vocabulary.update",
            "term.create",
            "term.update",
            "term.delete",
            "vocabulary.delete"),
        trail.stream().map(entry -> entry[0]).toList());
    trail.forEach(entry -> assertEquals("admin", entry[1]));
    JsonObject updateBefore = Json.createReader(new StringReader(trail.get(1)[2])).readObject();
    JsonObject updateAfter = Json.createReader(new StringReader(trail.get(1)[3])).readObject();
    assertEquals(name, updateBefore.getString("name"));
    assertEquals(name + "-renamed", updateAfter.getString("name"));
    assertEquals(
        "wave",
        Json.createReader(new StringReader(trail.get(3)[2])).readObject().getString("label"));
    assertEquals(
        "Wave",
        Json.createReader(new StringReader(trail.get(3)[3])).readObject().getString("label"));
    assertEquals(null, trail.get(5)[3]);
  }

  @Test
  void csvAndJsonExportsImportBackAsTheSameVocabulary() throws Exception {
    String csv =
        "label,description,synonyms\n"
            + "jump,\"leaping up, both feet\",hop|leap\n"
            + "\"Café \"\"crème\"\"\",\"two\nlines\",\n"
            + "plié,,\n";
    String name = unique("dance");
    HttpResponse<String> created =
        ADMIN.csv(
            VOCABULARIES + "?name=" + name + "&acceptThreshold=0.9&reviewThreshold=0.25", csv);
    assertEquals(201, created.statusCode(), created.body());
    long id = object(created).getJsonNumber("id").longValue();
    JsonArray terms = object(created).getJsonArray("terms");
    assertEquals(3, terms.size());
    assertEquals("Café \"crème\"", terms.getJsonObject(1).getString("label"));
    assertEquals("two\nlines", terms.getJsonObject(1).getString("description"));

    HttpResponse<String> csvExport = ARCHIVIST.get(VOCABULARIES + "/" + id + "/export?format=csv");
    assertEquals(200, csvExport.statusCode(), csvExport.body());
    assertTrue(csvExport.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    HttpResponse<String> copy =
        ADMIN.csv(
            VOCABULARIES + "?name=" + name + "-copy&acceptThreshold=0.9&reviewThreshold=0.25",
            csvExport.body());
    assertEquals(201, copy.statusCode(), copy.body());
    assertEquals(withoutIds(terms), withoutIds(object(copy).getJsonArray("terms")));

    HttpResponse<String> jsonExport = TAGGER.get(VOCABULARIES + "/" + id + "/export?format=json");
    assertEquals(200, jsonExport.statusCode(), jsonExport.body());
    JsonObject document = object(jsonExport);
    assertEquals(name, document.getString("name"));
    String renamed =
        Json.createObjectBuilder(document).add("name", name + "-json").build().toString();
    HttpResponse<String> fromJson = ADMIN.json("POST", VOCABULARIES, renamed);
    assertEquals(201, fromJson.statusCode(), fromJson.body());
    assertEquals(withoutIds(terms), withoutIds(object(fromJson).getJsonArray("terms")));
    assertEquals(0.9, object(fromJson).getJsonNumber("acceptThreshold").doubleValue(), 1e-9);
    assertEquals(0.25, object(fromJson).getJsonNumber("reviewThreshold").doubleValue(), 1e-9);
    HttpResponse<String> reExport =
        ADMIN.get(VOCABULARIES + "/" + object(fromJson).getJsonNumber("id") + "/export");
    assertEquals(
        Json.createObjectBuilder(document).add("name", name + "-json").build(), object(reExport));
  }

  @Test
  void badInputIsA400NamingWhatIsWrongAndNothingIsStored() throws Exception {
    String name = unique("bad");
    HttpResponse<String> created =
        ADMIN.json(
            "POST",
            VOCABULARIES,
            "{\"name\": \""
                + name
                + "\", \"acceptThreshold\": 0.8, \"reviewThreshold\": 0.3,"
                + " \"terms\": [{\"label\": \"run\"}]}");
    assertEquals(201, created.statusCode(), created.body());
    long id = object(created).getJsonNumber("id").longValue();
    String terms = VOCABULARIES + "/" + id + "/terms";

    problem(
        ADMIN.json("POST", VOCABULARIES, vocabulary(unique("t"), "1.5", "0.2")), "acceptThreshold");
    problem(
        ADMIN.json("POST", VOCABULARIES, vocabulary(unique("t"), "0.5", "-0.1")),
        "reviewThreshold");
    problem(
        ADMIN.json("POST", VOCABULARIES, vocabulary(unique("t"), "0.3", "0.6")),
        "reviewThreshold (0.6) must not be above acceptThreshold");
    problem(
        ADMIN.json("PATCH", VOCABULARIES + "/" + id, "{\"acceptThreshold\": 0.1}"),
        "reviewThreshold");
    problem(
        ADMIN.json("POST", VOCABULARIES, vocabulary(name, "0.5", "0.1")),
        "name '" + name + "' is taken");
    problem(
        ADMIN.json(
            "POST",
            VOCABULARIES,
            "{\"name\": \""
                + unique("d")
                + "\", \"acceptThreshold\": 0.8, \"reviewThreshold\": 0.3,"
                + " \"terms\": [{\"label\": \"Kick\"}, {\"label\": \"jump\"}, {\"label\": \" kick \"}]}"),
        "terms[2] label 'kick' repeats terms[0] label 'Kick'");
    problem(ADMIN.json("POST", terms, "{\"label\": \" RUN \"}"), "repeats the existing term 'run'");
    problem(
        ADMIN.json("POST", terms, "{\"label\": \"dash\", \"synonyms\": [\"Run\"]}"),
        "synonym 'Run' repeats the existing term 'run'");
    problem(ADMIN.json("POST", terms, "{\"label\": \"\"}"), "label is required");
    problem(ADMIN.json("POST", terms, "{\"label\": \"x\", \"colour\": 1}"), "unknown field colour");
    problem(ADMIN.json("POST", VOCABULARIES, "not json"), "not valid JSON");
    problem(
        ADMIN.csv(terms, "label,description\nkick,a\njump,b,c\nwave,d\n"), "row 3: has 3 fields");
    problem(
        ADMIN.csv(terms, "label\nkick\nRun\n"),
        "row 3 label 'Run' repeats the existing term 'run'");
    problem(
        ADMIN.csv(terms, "label\nkick\n KICK\n"), "row 3 label 'KICK' repeats row 2 label 'kick'");
    problem(ADMIN.csv(terms, new byte[] {'l', 'a', 'b', (byte) 0xC3, (byte) 0x28}), "not UTF-8");
    problem(ADMIN.csv(terms, "label\n\"kick\n"), "malformed");
    problem(
        ADMIN.get(VOCABULARIES + "/" + id + "/export?format=xml"), "format must be json or csv");
    problem(
        ADMIN.csv(
            VOCABULARIES + "?name=" + unique("c") + "&acceptThreshold=high&reviewThreshold=0",
            "label\na\n"),
        "acceptThreshold must be a number");
    problem(
        ADMIN.csv(
            VOCABULARIES
                + "?name="
                + unique("c")
                + "&acceptThreshold=0.5&reviewThreshold=0.2&active=yes",
            "label\na\n"),
        "active must be true or false");
    // a file over 32 MiB is refused as too large, not read into memory
    byte[] huge = new byte[(32 << 20) + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    HttpResponse<String> tooLarge = ADMIN.csv(terms, huge);
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertTrue(object(tooLarge).getString("detail").contains("a vocabulary file"), tooLarge.body());

    // nothing of the refused imports and edits was stored
    JsonObject after = object(ADMIN.get(VOCABULARIES + "/" + id));
    assertEquals(1, after.getJsonArray("terms").size(), after.toString());
    assertEquals(0.8, after.getJsonNumber("acceptThreshold").doubleValue(), 1e-9);
    assertEquals(404, ADMIN.get(VOCABULARIES + "/999999999").statusCode());
  }

  @Test
  void onlyAdminsChangeVocabulariesAndEveryoneMustLogIn() throws Exception {
    String body = vocabulary(unique("roles"), "0.5", "0.2");
    for (VocabularyClient notAdmin : List.of(ARCHIVIST, TAGGER)) {
      assertEquals(403, notAdmin.json("POST", VOCABULARIES, body).statusCode());
    }
    HttpResponse<String> created = ADMIN.json("POST", VOCABULARIES, body);
    assertEquals(201, created.statusCode(), created.body());
    long id = object(created).getJsonNumber("id").longValue();
    String one = VOCABULARIES + "/" + id;
    assertEquals(403, ARCHIVIST.json("PATCH", one, "{\"active\": false}").statusCode());
    assertEquals(403, ARCHIVIST.delete(one).statusCode());
    assertEquals(403, ARCHIVIST.json("POST", one + "/terms", "{\"label\": \"a\"}").statusCode());
    assertEquals(403, TAGGER.csv(one + "/terms", "label\na\n").statusCode());
    VocabularyClient anonymous = VocabularyClient.anonymous();
    assertEquals(401, anonymous.get(VOCABULARIES).statusCode());
    assertEquals(401, anonymous.get(one + "/export").statusCode());
    assertEquals(200, ADMIN.get(one).statusCode());
    assertEquals(0, object(ADMIN.get(one)).getJsonArray("terms").size());
  }

  private static void problem(HttpResponse<String> response, String detail) {
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    String text = object(response).getString("detail");
    assertTrue(text.contains(detail), "'" + text + "' should contain '" + detail + "'");
  }

  private static String vocabulary(String name, String accept, String review) {
    return "{\"name\": \""
        + name
        + "\", \"acceptThreshold\": "
        + accept
        + ", \"reviewThreshold\": "
        + review
        + "}";
  }

  private static List<JsonObject> withoutIds(JsonArray terms) {
    List<JsonObject> stripped = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      stripped.add(Json.createObjectBuilder(terms.getJsonObject(i)).remove("id").build());
    }
    return stripped;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Action, actor, before and after of the audit entries of the vocabulary and the term. */
  private static List<String[]> audit(long vocabulary, long term) throws Exception {
    List<String[]> entries = new ArrayList<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select action, actor, before::text, after::text from audit_entry"
                    + " where (entity_type = 'vocabulary' and entity_id = ?)"
                    + " or (entity_type = 'term' and entity_id = ?) order by id")) {
      statement.setString(1, Long.toString(vocabulary));
      statement.setString(2, Long.toString(term));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new String[] {
                rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)
              });
        }
      }
    }
    return entries;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

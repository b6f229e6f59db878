package dev.froster.interfaces.rest;

import dev.froster.application.TermImport;
import dev.froster.application.UploadTooLargeException;
import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermId;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.infrastructure.vocabulary.VocabularyCsv;
import dev.froster.infrastructure.vocabulary.VocabularyJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Vocabularies and their terms: archivists, taggers and admins read, admins change. JSON bodies are
 * read strictly ({@link VocabularyJson}); CSV bodies ({@code text/csv}, UTF-8) hold terms as {@code
 * label,description,synonyms} rows ({@link VocabularyCsv}). Refused input is a 400 problem naming
 * the field or row, and nothing of it is stored.
 */
@Path("vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"archivist", "tagger", "admin"})
public class VocabularyResource {

  static final String CSV = "text/csv";

  /**
   * The largest vocabulary file (JSON document or CSV) taken: 32 MiB, room for the 10,000 terms a
   * file may hold with the longest labels (200 characters) and descriptions (2,000).
   */
  static final int MAX_FILE_BYTES = 32 << 20;

  @EJB private VocabularyService vocabularies;

  @GET
  public List<VocabularyViews.Summary> list() {
    return vocabularies.list().stream().map(VocabularyViews.Summary::of).toList();
  }

  @GET
  @Path("{id}")
  public VocabularyViews.Full find(@PathParam("id") @Positive long id) {
    return VocabularyViews.Full.of(vocabularies.find(new VocabularyId(id)));
  }

  /**
   * Creates a vocabulary from a JSON document ({@code name}, {@code description}, {@code
   * acceptThreshold}, {@code reviewThreshold}, {@code active}, {@code terms}): 201.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Response create(InputStream body, @Context UriInfo uri) throws IOException {
    String json = new String(bounded(body), StandardCharsets.UTF_8);
    return created(uri, vocabularies.create(VocabularyJson.readVocabulary(json)));
  }

  /** Creates a vocabulary named by the query from CSV terms: 201. */
  @POST
  @Consumes(CSV)
  @RolesAllowed("admin")
  public Response createFromCsv(
      InputStream body,
      @QueryParam("name") String name,
      @QueryParam("description") String description,
      @QueryParam("acceptThreshold") String acceptThreshold,
      @QueryParam("reviewThreshold") String reviewThreshold,
      @QueryParam("active") String active,
      @Context UriInfo uri)
      throws IOException {
    Thresholds thresholds =
        Thresholds.of(
            number("acceptThreshold", acceptThreshold), number("reviewThreshold", reviewThreshold));
    TermImport terms = VocabularyCsv.read(bounded(body));
    VocabularyDraft draft =
        VocabularyDraft.of(
            name,
            description,
            thresholds,
            flag("active", active, true),
            terms.terms(),
            i -> terms.positions().get(i));
    return created(uri, vocabularies.create(draft));
  }

  /**
   * Changes settings ({@code name}, {@code description}, {@code acceptThreshold}, {@code
   * reviewThreshold}, {@code active}); absent fields stay.
   */
  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public VocabularyViews.Full update(@PathParam("id") @Positive long id, String body) {
    return VocabularyViews.Full.of(
        vocabularies.update(new VocabularyId(id), VocabularyJson.readChange(body)));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("admin")
  public Response delete(@PathParam("id") @Positive long id) {
    vocabularies.delete(new VocabularyId(id));
    return Response.noContent().build();
  }

  /** Adds one term ({@code label}, {@code description}, {@code synonyms}): 201. */
  @POST
  @Path("{id}/terms")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Response addTerm(@PathParam("id") @Positive long id, String body) {
    return Response.status(Response.Status.CREATED)
        .entity(
            VocabularyViews.Term.of(
                vocabularies.addTerm(new VocabularyId(id), VocabularyJson.readTerm(body))))
        .build();
  }

  /** Adds the terms of a CSV file, all or none: 201 with the new terms. */
  @POST
  @Path("{id}/terms")
  @Consumes(CSV)
  @RolesAllowed("admin")
  public Response importTerms(@PathParam("id") @Positive long id, InputStream body)
      throws IOException {
    TermImport terms = VocabularyCsv.read(bounded(body));
    return Response.status(Response.Status.CREATED)
        .entity(
            vocabularies.importTerms(new VocabularyId(id), terms).stream()
                .map(VocabularyViews.Term::of)
                .toList())
        .build();
  }

  @PUT
  @Path("{id}/terms/{termId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public VocabularyViews.Term editTerm(
      @PathParam("id") @Positive long id, @PathParam("termId") @Positive long termId, String body) {
    return VocabularyViews.Term.of(
        vocabularies.editTerm(
            new VocabularyId(id), new TermId(termId), VocabularyJson.readTerm(body)));
  }

  @DELETE
  @Path("{id}/terms/{termId}")
  @RolesAllowed("admin")
  public Response removeTerm(
      @PathParam("id") @Positive long id, @PathParam("termId") @Positive long termId) {
    vocabularies.removeTerm(new VocabularyId(id), new TermId(termId));
    return Response.noContent().build();
  }

  /**
   * The vocabulary as a file to import elsewhere: {@code format=json} (default, the whole
   * vocabulary) or {@code csv} (its terms).
   */
  @GET
  @Path("{id}/export")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  public Response export(@PathParam("id") @Positive long id, @QueryParam("format") String format) {
    VocabularyDetails vocabulary = vocabularies.find(new VocabularyId(id));
    String chosen = format == null || format.isBlank() ? "json" : format.strip();
    return switch (chosen) {
      case "json" ->
          Response.ok(
                  VocabularyJson.write(vocabulary.toDraft()).toString(), MediaType.APPLICATION_JSON)
              .header("Content-Disposition", "attachment; filename=\"vocabulary-" + id + ".json\"")
              .build();
      case "csv" ->
          Response.ok(VocabularyCsv.write(vocabulary.toDraft().terms()), CSV + "; charset=UTF-8")
              .header("Content-Disposition", "attachment; filename=\"vocabulary-" + id + ".csv\"")
              .build();
      default ->
          throw new InvalidVocabularyException("format must be json or csv, was '" + chosen + "'");
    };
  }

  private static Response created(UriInfo uri, VocabularyDetails vocabulary) {
    return Response.created(
            uri.getBaseUriBuilder()
                .path("vocabularies")
                .path(Long.toString(vocabulary.id()))
                .build())
        .entity(VocabularyViews.Full.of(vocabulary))
        .build();
  }

  /**
   * The body of a vocabulary file, read up to {@link #MAX_FILE_BYTES}: a larger one is refused
   * (413) before it fills the server's memory.
   */
  static byte[] bounded(InputStream body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    byte[] read = body.readNBytes(MAX_FILE_BYTES + 1);
    if (read.length > MAX_FILE_BYTES) {
      throw new UploadTooLargeException(MAX_FILE_BYTES, "a vocabulary file");
    }
    return read;
  }

  /**
   * {@code true} or {@code false} (any case); anything else is refused rather than read as false.
   */
  static boolean flag(String field, String value, boolean absent) {
    if (value == null) {
      return absent;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidVocabularyException(
              field + " must be true or false, was '" + value + "'");
    };
  }

  private static Double number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException notANumber) {
      throw new InvalidVocabularyException(
          field + " must be a number from 0 to 1, was '" + value + "'");
    }
  }
}

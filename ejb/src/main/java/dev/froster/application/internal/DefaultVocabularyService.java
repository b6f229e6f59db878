package dev.froster.application.internal;

import dev.froster.application.ModelRegistry;
import dev.froster.application.TermImport;
import dev.froster.application.UnknownEntityException;
import dev.froster.application.VocabularyChange;
import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyDetails.TermDetails;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.audit.AuditLog;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.Term;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.TermId;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.Vocabulary;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.domain.model.vocabulary.VocabularyRepository;
import dev.froster.infrastructure.vector.PgVectorTagging;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultVocabularyService implements VocabularyService {

  private static final Logger LOG = Logger.getLogger(DefaultVocabularyService.class.getName());
  private static final String VOCABULARY = "vocabulary";
  private static final String TERM = "term";

  @Resource private SessionContext session;
  @Inject private VocabularyRepository vocabularies;
  @Inject private AuditLog audit;
  @Inject private TermEmbeddings termEmbeddings;
  @Inject private PgVectorTagging tagging;
  @EJB private ModelRegistry models;

  @Override
  public List<VocabularyDetails> list() {
    return vocabularies.all().stream().map(VocabularyDetails::of).toList();
  }

  @Override
  public VocabularyDetails find(VocabularyId id) {
    return VocabularyDetails.of(load(id));
  }

  @Override
  public VocabularyDetails create(VocabularyDraft draft) {
    requireNameFree(draft.name(), null);
    Vocabulary vocabulary = Vocabulary.of(draft);
    vocabularies.add(vocabulary);
    vocabularies.flush();
    embedTerms(vocabulary);
    VocabularyDetails created = VocabularyDetails.of(vocabulary);
    audit.record(
        actor(), "vocabulary.create", VOCABULARY, id(created), null, AuditDocuments.of(created));
    LOG.info(
        "Created "
            + vocabulary.id()
            + " '"
            + created.name()
            + "' with "
            + created.terms().size()
            + " term(s)");
    return created;
  }

  @Override
  public VocabularyDetails update(VocabularyId id, VocabularyChange change) {
    Vocabulary vocabulary = loadForChange(id);
    VocabularyDetails before = VocabularyDetails.of(vocabulary);
    if (change.name() != null) {
      requireNameFree(VocabularyDraft.cleanName(change.name()), id);
      vocabulary.rename(change.name());
    }
    if (change.description() != null) {
      vocabulary.describe(change.description());
    }
    Thresholds thresholds =
        new Thresholds(
            change.acceptThreshold() != null
                ? change.acceptThreshold()
                : before.thresholds().accept(),
            change.reviewThreshold() != null
                ? change.reviewThreshold()
                : before.thresholds().review());
    if (vocabulary.changeThresholds(thresholds)) {
      retag(vocabulary);
    }
    if (change.active() != null) {
      vocabulary.setActive(change.active());
    }
    vocabularies.flush();
    VocabularyDetails after = VocabularyDetails.of(vocabulary);
    audit.record(
        actor(),
        "vocabulary.update",
        VOCABULARY,
        id(after),
        AuditDocuments.of(before),
        AuditDocuments.of(after));
    return after;
  }

  @Override
  public void delete(VocabularyId id) {
    Vocabulary vocabulary = loadForChange(id);
    VocabularyDetails before = VocabularyDetails.of(vocabulary);
    vocabularies.remove(vocabulary);
    vocabularies.flush();
    audit.record(
        actor(), "vocabulary.delete", VOCABULARY, id(before), AuditDocuments.of(before), null);
    LOG.info("Deleted " + id + " '" + before.name() + "'");
  }

  @Override
  public TermDetails addTerm(VocabularyId id, TermDraft draft) {
    Vocabulary vocabulary = loadForChange(id);
    Term term = vocabulary.addTerm(draft);
    vocabularies.flush();
    retag(vocabulary);
    embedTerms(vocabulary);
    TermDetails added = TermDetails.of(term);
    audit.record(
        actor(), "term.create", TERM, Long.toString(added.id()), null, AuditDocuments.of(added));
    return added;
  }

  @Override
  public List<TermDetails> importTerms(VocabularyId id, TermImport terms) {
    Vocabulary vocabulary = loadForChange(id);
    VocabularyDetails before = VocabularyDetails.of(vocabulary);
    List<Term> added = vocabulary.addTerms(terms.terms(), i -> terms.positions().get(i));
    vocabularies.flush();
    retag(vocabulary);
    embedTerms(vocabulary);
    audit.record(
        actor(),
        "vocabulary.import-terms",
        VOCABULARY,
        id(before),
        AuditDocuments.of(before),
        AuditDocuments.of(VocabularyDetails.of(vocabulary)));
    return added.stream().map(TermDetails::of).toList();
  }

  @Override
  public TermDetails editTerm(VocabularyId id, TermId termId, TermDraft draft) {
    Vocabulary vocabulary = loadForChange(id);
    TermDetails before =
        TermDetails.of(
            vocabulary
                .term(termId)
                .orElseThrow(() -> new UnknownEntityException(id + " " + termId)));
    Term term = vocabulary.editTerm(termId, draft);
    vocabularies.flush();
    TermDetails after = TermDetails.of(term);
    if (!before.equals(after)) {
      termEmbeddings.forget(termId.value());
      retag(vocabulary);
      embedTerms(vocabulary);
    }
    audit.record(
        actor(),
        "term.update",
        TERM,
        Long.toString(after.id()),
        AuditDocuments.of(before),
        AuditDocuments.of(after));
    return after;
  }

  @Override
  public void removeTerm(VocabularyId id, TermId termId) {
    Vocabulary vocabulary = loadForChange(id);
    vocabulary.term(termId).orElseThrow(() -> new UnknownEntityException(id + " " + termId));
    TermDetails before = TermDetails.of(vocabulary.removeTerm(termId));
    retag(vocabulary);
    vocabularies.flush();
    audit.record(
        actor(), "term.delete", TERM, Long.toString(before.id()), AuditDocuments.of(before), null);
  }

  private Vocabulary load(VocabularyId id) {
    return vocabularies.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  private Vocabulary loadForChange(VocabularyId id) {
    return vocabularies.findForUpdate(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  private void requireNameFree(String name, VocabularyId except) {
    Optional<Vocabulary> holder = vocabularies.findByName(name);
    if (holder.isPresent() && !holder.get().id().equals(except)) {
      throw new InvalidVocabularyException("name '" + name + "' is taken by " + holder.get().id());
    }
  }

  /** The vocabulary's earlier decisions no longer hold: its segments are tagged again. */
  private void retag(Vocabulary vocabulary) {
    tagging.invalidate(vocabulary.id(), models.active().map(ModelVersion::id).orElse(null));
  }

  /**
   * Computes the active version's embeddings of the vocabulary's terms that lack one. A model that
   * cannot be loaded does not stop the change: the auto-tag job computes them when it runs.
   */
  private void embedTerms(Vocabulary vocabulary) {
    Optional<ModelVersion> active = models.active();
    if (active.isEmpty()) {
      return;
    }
    try {
      termEmbeddings.fillMissing(active.get(), vocabulary.id());
    } catch (UncheckedIOException unloadable) {
      LOG.warning(
          "Term embeddings of "
              + vocabulary.id()
              + " left to the auto-tag job: "
              + unloadable.getMessage());
    }
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }

  private static String id(VocabularyDetails vocabulary) {
    return Long.toString(vocabulary.id());
  }
}

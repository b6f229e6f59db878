package dev.froster.interfaces.faces.vocabulary;

import dev.froster.application.InvalidSearchException;
import dev.froster.application.SearchFilters;
import dev.froster.application.SearchPaging;
import dev.froster.application.SearchQuery;
import dev.froster.application.SearchService;
import dev.froster.application.StateConflictException;
import dev.froster.application.TermImport;
import dev.froster.application.UnknownEntityException;
import dev.froster.application.VocabularyChange;
import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.TermId;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.infrastructure.vocabulary.VocabularyCsv;
import dev.froster.infrastructure.vocabulary.VocabularyJson;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import dev.froster.interfaces.faces.search.MomentSearchPage.MomentCard;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.file.UploadedFile;

/**
 * vocabularies.xhtml (admins). A new vocabulary comes from an uploaded CSV (terms as {@code
 * label,description,synonyms}; name and thresholds from the form) or JSON file (everything in the
 * file). The selected vocabulary's terms can be added, edited in place ({@link TermEditing}) and
 * removed, its thresholds changed, and any term previewed: the moments the active model finds
 * nearest its label and description, i.e. what the term would tag.
 */
@Named
@ViewScoped
public class VocabulariesPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PREVIEW_MOMENTS = 8;

  @EJB private transient VocabularyService vocabularies;
  @EJB private transient SearchService search;

  private List<VocabularyDetails> all = List.of();
  private VocabularyDetails selected;

  @Size(max = VocabularyDraft.MAX_NAME_LENGTH, message = "A name has at most 200 characters")
  private String importName;

  @NotNull(message = "The accept threshold is required")
  @DecimalMin(value = "0", message = "Thresholds lie between 0 and 1")
  @DecimalMax(value = "1", message = "Thresholds lie between 0 and 1")
  private Double importAccept = 0.8;

  @NotNull(message = "The review threshold is required")
  @DecimalMin(value = "0", message = "Thresholds lie between 0 and 1")
  @DecimalMax(value = "1", message = "Thresholds lie between 0 and 1")
  private Double importReview = 0.5;

  private transient UploadedFile importFile;

  private Double editAccept;
  private Double editReview;
  private boolean editActive;

  @NotBlank(message = "A term needs a label")
  @Size(max = TermDraft.MAX_LABEL_LENGTH, message = "A label has at most 200 characters")
  private String termLabel;

  @Size(max = TermDraft.MAX_DESCRIPTION_LENGTH, message = "At most 2000 characters")
  private String termDescription;

  private String termSynonyms;
  private String previewTerm;
  private List<MomentCard> preview = List.of();

  @PostConstruct
  void init() {
    refresh();
  }

  private void refresh() {
    all = vocabularies.list();
    if (selected != null) {
      long id = selected.id();
      selected = all.stream().filter(v -> v.id() == id).findFirst().orElse(null);
    }
    if (selected != null) {
      editAccept = selected.thresholds().accept();
      editReview = selected.thresholds().review();
      editActive = selected.active();
    }
  }

  public void select(long id) {
    selected = all.stream().filter(v -> v.id() == id).findFirst().orElse(null);
    preview = List.of();
    previewTerm = null;
    refresh();
  }

  /** Creates a vocabulary from the uploaded file, all or nothing. */
  public void importFile() {
    if (importFile == null || importFile.getSize() == 0) {
      Messages.error("import:file", "Choose a CSV or JSON file");
      return;
    }
    String fileName = importFile.getFileName() == null ? "" : importFile.getFileName();
    try {
      Roles.require("admin");
      byte[] content = importFile.getContent();
      VocabularyDraft draft;
      if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
        draft = VocabularyJson.readVocabulary(new String(content, StandardCharsets.UTF_8));
      } else {
        if (importName == null || importName.isBlank()) {
          Messages.error("import:name", "A CSV import needs the vocabulary's name");
          return;
        }
        TermImport terms = VocabularyCsv.read(content);
        draft =
            VocabularyDraft.of(
                importName,
                null,
                new Thresholds(importAccept, importReview),
                true,
                terms.terms(),
                i -> terms.positions().get(i));
      }
      VocabularyDetails created = vocabularies.create(draft);
      Messages.info(
          "Imported "
              + created.name()
              + " with "
              + created.terms().size()
              + " terms from "
              + fileName);
      refresh();
      select(created.id());
    } catch (InvalidVocabularyException | IllegalArgumentException | SecurityException refused) {
      Messages.error("import:file", fileName + ": " + refused.getMessage());
    }
  }

  public void saveSettings() {
    change(
        () ->
            vocabularies.update(
                new VocabularyId(selected.id()),
                new VocabularyChange(null, null, editAccept, editReview, editActive)),
        "Saved the settings of " + selected.name());
  }

  public void addTerm() {
    change(
        () ->
            vocabularies.addTerm(
                new VocabularyId(selected.id()),
                TermDraft.of("term", termLabel, termDescription, synonymsOf(termSynonyms))),
        "Added " + termLabel);
    termLabel = null;
    termDescription = null;
    termSynonyms = null;
  }

  public void removeTerm(long termId) {
    change(
        () -> vocabularies.removeTerm(new VocabularyId(selected.id()), new TermId(termId)),
        "Removed the term");
  }

  public void deleteSelected() {
    String name = selected.name();
    change(() -> vocabularies.delete(new VocabularyId(selected.id())), "Deleted " + name);
    selected = null;
    refresh();
  }

  /** The moments the active model finds nearest {@code label: description}: what it would tag. */
  public void previewTerm(long termId) {
    VocabularyDetails.TermDetails term =
        selected.terms().stream().filter(t -> t.id() == termId).findFirst().orElse(null);
    if (term == null) {
      return;
    }
    previewTerm = term.label();
    String text =
        term.description() == null ? term.label() : term.label() + ": " + term.description();
    try {
      preview =
          search
              .search(
                  new SearchQuery(text.length() > 512 ? text.substring(0, 512) : text),
                  SearchFilters.NONE,
                  new SearchPaging(PREVIEW_MOMENTS, null, false))
              .moments()
              .stream()
              .map(MomentCard::of)
              .toList();
    } catch (StateConflictException | InvalidSearchException refused) {
      preview = List.of();
      Messages.error(null, refused.getMessage());
    }
  }

  private void change(Runnable action, String done) {
    try {
      Roles.require("admin");
      action.run();
      Messages.info(done);
    } catch (InvalidVocabularyException
        | UnknownEntityException
        | IllegalArgumentException
        | SecurityException refused) {
      Messages.error(null, refused.getMessage());
    }
    refresh();
  }

  /** Reads the vocabularies again (after a term edited in place, see {@link TermEditing}). */
  public void reload() {
    refresh();
  }

  /**
   * The term's synonyms as one line ("a, b"). A bean method, because EL resolves {@code
   * String.join} to its varargs form and prints nothing for a list.
   */
  public String synonymsText(VocabularyDetails.TermDetails term) {
    return String.join(", ", term.synonyms());
  }

  /** {@code "a | b"} → a, b (blank parts dropped). */
  static List<String> synonymsOf(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public List<VocabularyDetails> getAll() {
    return all;
  }

  public VocabularyDetails getSelected() {
    return selected;
  }

  public String getImportName() {
    return importName;
  }

  public void setImportName(String importName) {
    this.importName = importName;
  }

  public Double getImportAccept() {
    return importAccept;
  }

  public void setImportAccept(Double importAccept) {
    this.importAccept = importAccept;
  }

  public Double getImportReview() {
    return importReview;
  }

  public void setImportReview(Double importReview) {
    this.importReview = importReview;
  }

  public UploadedFile getImportFile() {
    return importFile;
  }

  public void setImportFile(UploadedFile importFile) {
    this.importFile = importFile;
  }

  public Double getEditAccept() {
    return editAccept;
  }

  public void setEditAccept(Double editAccept) {
    this.editAccept = editAccept;
  }

  public Double getEditReview() {
    return editReview;
  }

  public void setEditReview(Double editReview) {
    this.editReview = editReview;
  }

  public boolean isEditActive() {
    return editActive;
  }

  public void setEditActive(boolean editActive) {
    this.editActive = editActive;
  }

  public String getTermLabel() {
    return termLabel;
  }

  public void setTermLabel(String termLabel) {
    this.termLabel = termLabel;
  }

  public String getTermDescription() {
    return termDescription;
  }

  public void setTermDescription(String termDescription) {
    this.termDescription = termDescription;
  }

  public String getTermSynonyms() {
    return termSynonyms;
  }

  public void setTermSynonyms(String termSynonyms) {
    this.termSynonyms = termSynonyms;
  }

  public String getPreviewTerm() {
    return previewTerm;
  }

  public List<MomentCard> getPreview() {
    return preview;
  }
}

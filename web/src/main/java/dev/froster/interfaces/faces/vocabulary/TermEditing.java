package dev.froster.interfaces.faces.vocabulary;

import dev.froster.application.UnknownEntityException;
import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.TermId;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import jakarta.ejb.EJB;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * In-place editing of one term of the vocabulary open on vocabularies.xhtml: "Edit" turns the
 * term's row into fields (label, description, synonyms), "Save" hands them to {@link
 * VocabularyService#editTerm}, which checks them (a label is required and must not repeat another
 * term's). A refusal is shown next to the field it concerns and the row stays open with what was
 * typed; nothing is changed.
 */
@Named
@ViewScoped
public class TermEditing implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The id of the terms table (form {@code terms}), whose rows hold the fields. */
  static final String TABLE = "terms:table";

  @EJB private transient VocabularyService vocabularies;
  @Inject private VocabulariesPage page;

  private Long termId;
  private String label;
  private String description;
  private String synonyms;

  /** Opens the term's row for editing, filled with what it holds now. */
  public void edit(VocabularyDetails.TermDetails term) {
    termId = term.id();
    label = term.label();
    description = term.description();
    synonyms = String.join(" | ", term.synonyms());
  }

  public boolean editing(long id) {
    return termId != null && termId == id;
  }

  public void cancel() {
    termId = null;
  }

  public void save() {
    VocabularyDetails selected = page.getSelected();
    if (termId == null || selected == null) {
      return;
    }
    // The fields' client ids carry the row: read them while the table stands on the clicked row.
    String row = rowClientId();
    try {
      Roles.require("admin");
      VocabularyDetails.TermDetails saved =
          vocabularies.editTerm(
              new VocabularyId(selected.id()),
              new TermId(termId),
              TermDraft.of("term", label, description, VocabulariesPage.synonymsOf(synonyms)));
      Messages.info("Saved the term " + saved.label());
      termId = null;
    } catch (InvalidVocabularyException refused) {
      Messages.error(row + fieldOf(refused.getMessage()), refused.getMessage());
      FacesContext.getCurrentInstance().validationFailed();
    } catch (UnknownEntityException | SecurityException refused) {
      Messages.error(null, refused.getMessage());
      termId = null;
    }
    page.reload();
  }

  /**
   * The field a refusal names first (a duplicate's message goes on to name the other term's
   * wording): the label, a synonym or the description; the label when it names none.
   */
  static String fieldOf(String message) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    String field = "editLabel";
    int first = Integer.MAX_VALUE;
    for (String[] named :
        new String[][] {
          {"label", "editLabel"}, {"synonym", "editSynonyms"}, {"description", "editDescription"}
        }) {
      int at = text.indexOf(named[0]);
      if (at >= 0 && at < first) {
        first = at;
        field = named[1];
      }
    }
    return field;
  }

  private static String rowClientId() {
    FacesContext faces = FacesContext.getCurrentInstance();
    UIData table = (UIData) faces.getViewRoot().findComponent(TABLE);
    return table.getContainerClientId(faces) + faces.getNamingContainerSeparatorChar();
  }

  public Long getTermId() {
    return termId;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSynonyms() {
    return synonyms;
  }

  public void setSynonyms(String synonyms) {
    this.synonyms = synonyms;
  }
}

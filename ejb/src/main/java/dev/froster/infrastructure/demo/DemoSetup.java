package dev.froster.infrastructure.demo;

import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.ModelRegistry;
import dev.froster.application.TermImport;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import dev.froster.infrastructure.persistence.DatabaseSchema;
import dev.froster.infrastructure.vocabulary.VocabularyCsv;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets up the demo once the schema is ready: registers and activates the bundle named by {@code
 * froster.demo.model} (a folder under the models root) when no version is active, and imports the
 * CSV named by {@code froster.demo.vocabulary} as the vocabulary {@value #VOCABULARY_NAME} when
 * there is no vocabulary at all. An admin's own model or vocabularies are never touched. Until the
 * database is ready, or after a failure, it tries again every {@code froster.db.retry-seconds}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoSetup {

  static final String MODEL_PROPERTY = "froster.demo.model";
  static final String VOCABULARY_PROPERTY = "froster.demo.vocabulary";
  static final String VERSION_NAME = "demo";
  static final String VOCABULARY_NAME = "Synthetic actions";

  /**
   * With 26 terms and the model's logit scale, a clear match is far above 0.5 and a guess far
   * below; the band between 0.2 and 0.5 goes to the review queue.
   */
  static final Thresholds THRESHOLDS = new Thresholds(0.5, 0.2);

  private static final Logger LOG = Logger.getLogger(DemoSetup.class.getName());

  @EJB private ModelRegistry models;
  @EJB private VocabularyService vocabularies;
  @EJB private DatabaseSchema schema;
  @Resource private TimerService timers;

  private Optional<String> modelBundle;
  private Optional<String> vocabularyFile;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig(DemoSetup.class.getClassLoader());
    modelBundle = nonBlank(config.getOptionalValue(MODEL_PROPERTY, String.class));
    vocabularyFile = nonBlank(config.getOptionalValue(VOCABULARY_PROPERTY, String.class));
    if (modelBundle.isPresent() || vocabularyFile.isPresent()) {
      timers.createSingleActionTimer(0, new TimerConfig(null, false));
    }
  }

  @Timeout
  void setUp() {
    try {
      if (!schema.state().ready()) {
        retryLater("the database is not ready: " + schema.state().reason());
        return;
      }
      modelBundle.ifPresent(this::activateModel);
      vocabularyFile.ifPresent(this::importVocabulary);
    } catch (RuntimeException failure) {
      retryLater(DatabaseSchema.describe(failure));
    }
  }

  private void activateModel(String bundle) {
    if (models.active().isPresent()) {
      return;
    }
    ModelVersion version;
    try {
      version = models.register(VERSION_NAME, bundle);
    } catch (InvalidModelBundleException unusable) {
      // Waiting does not mend a wrong bundle (or a name an admin has taken): say so once.
      LOG.warning("Demo: model not set up: " + unusable.getMessage());
      return;
    }
    models.activate(version.id());
    LOG.info("Demo: model version '" + VERSION_NAME + "' from " + bundle + " is active");
  }

  private void importVocabulary(String file) {
    if (!vocabularies.list().isEmpty()) {
      return;
    }
    try {
      TermImport terms = VocabularyCsv.read(Files.readAllBytes(Path.of(file)));
      vocabularies.create(
          VocabularyDraft.of(
              VOCABULARY_NAME,
              "The actions of the synthetic demo catalogue",
              THRESHOLDS,
              true,
              terms.terms(),
              i -> terms.positions().get(i)));
    } catch (IOException | InvalidVocabularyException unusable) {
      LOG.warning("Demo: vocabulary " + file + " not imported: " + unusable.getMessage());
      return;
    }
    LOG.info("Demo: vocabulary '" + VOCABULARY_NAME + "' imported from " + file);
  }

  private void retryLater(String reason) {
    long seconds =
        ConfigProvider.getConfig(DemoSetup.class.getClassLoader())
            .getOptionalValue("froster.db.retry-seconds", Long.class)
            .orElse(10L);
    LOG.warning("Demo not set up yet (" + reason + "); trying again in " + seconds + " s");
    timers.createSingleActionTimer(seconds * 1000, new TimerConfig(null, false));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(v -> !v.isBlank());
  }
}

package dev.froster.infrastructure.demo;

import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.ModelPromotion;
import dev.froster.application.ModelRegistry;
import dev.froster.application.StateConflictException;
import dev.froster.application.TermImport;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
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
import jakarta.ejb.SessionContext;
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
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets up the demo once the schema is ready: registers the bundle named by {@code
 * froster.demo.model} (a folder under the models root) as a version of the same name and activates
 * it when no version is active, and imports the CSV named by {@code froster.demo.vocabulary} as the
 * vocabulary {@value #VOCABULARY_NAME} when there is no vocabulary at all. Until the database is
 * ready, or after a failure, it tries again every {@code froster.db.retry-seconds}.
 *
 * <p>A new demo model (the launcher names each committed bundle after its weights, {@code demo-<12
 * hex>}) reaches an installation that still runs an earlier demo version by promotion: the new
 * bundle is registered and re-embeds the catalogue beside the old one, and search switches when
 * that is complete. An admin's own model or vocabularies are never touched: only a version whose
 * name says it came from here ({@code demo} or {@code demo-<12 hex>}) is replaced, and a demo
 * bundle that is registered already is left to the admin (who may have rolled it back).
 */
// Looked up when needed, not injected: the batch module implements it and starts after this
// startup bean, so an injected reference would fail this module's start.
@EJB(name = DemoSetup.PROMOTION, beanInterface = ModelPromotion.class)
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoSetup {

  static final String MODEL_PROPERTY = "froster.demo.model";
  static final String VOCABULARY_PROPERTY = "froster.demo.vocabulary";

  /**
   * Names of the versions this class registers: the launcher's bundle folder, {@code demo} before
   * 2026-12 and {@code demo-<12 hex of the weights' sha256>} since.
   */
  private static final Pattern DEMO_VERSION = Pattern.compile("demo(-[0-9a-f]{12})?");

  static final String VOCABULARY_NAME = "Synthetic actions";

  /** The class-level reference to {@link ModelPromotion}, in {@code java:comp/env}. */
  static final String PROMOTION = "demo/promotion";

  /** Who the audit names for the promotion of a new demo model. */
  static final String ACTOR = "demo setup";

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
  @Resource private SessionContext context;

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
    String name = Path.of(bundle).getFileName().toString();
    Optional<ModelVersion> active = models.active();
    Optional<ModelVersionId> registered = models.findByName(name).map(ModelVersion::id);
    ModelStep step = nextStep(name, active.map(ModelVersion::name), registered.isPresent());
    if (step == ModelStep.NONE) {
      return;
    }
    // Before anything is registered: a lookup that fails now (the batch module still starting) is
    // tried again later, and a registered bundle would not be promoted then.
    ModelPromotion promotion =
        step == ModelStep.PROMOTE ? (ModelPromotion) context.lookup(PROMOTION) : null;
    ModelVersionId version;
    try {
      // Registered before and nothing active: the activation of an earlier start failed.
      version = registered.isPresent() ? registered.get() : models.register(name, bundle).id();
    } catch (InvalidModelBundleException unusable) {
      // Waiting does not mend a wrong bundle: say so once.
      LOG.warning("Demo: model not set up: " + unusable.getMessage());
      return;
    }
    if (step == ModelStep.ACTIVATE) {
      models.activate(version);
      LOG.info("Demo: model version '" + name + "' from " + bundle + " is active");
      return;
    }
    try {
      long execution = promotion.promote(version, ACTOR);
      LOG.info(
          "Demo: the demo model changed; version '"
              + name
              + "' re-embeds the catalogue (reembed job execution "
              + execution
              + ") and replaces '"
              + active.map(ModelVersion::name).orElseThrow()
              + "' when that is complete");
    } catch (StateConflictException busy) {
      LOG.warning("Demo: version '" + name + "' registered, not promoted: " + busy.getMessage());
    }
  }

  /** What the demo does with its bundle, given the active version and what is registered. */
  enum ModelStep {
    /** Nothing: the bundle is active or was registered before, or an admin's model is active. */
    NONE,
    /** Activate (registering the bundle first if needed): no version is active. */
    ACTIVATE,
    /** Register and promote: an earlier demo version is active. */
    PROMOTE
  }

  static ModelStep nextStep(String bundleName, Optional<String> activeName, boolean registered) {
    if (activeName.isEmpty()) {
      return ModelStep.ACTIVATE;
    }
    boolean earlierDemo =
        DEMO_VERSION.matcher(activeName.get()).matches() && !activeName.get().equals(bundleName);
    return earlierDemo && !registered ? ModelStep.PROMOTE : ModelStep.NONE;
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

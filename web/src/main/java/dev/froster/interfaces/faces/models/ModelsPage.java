package dev.froster.interfaces.faces.models;

import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.ModelRegistry;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * models.xhtml (admins): the active model version; a model bundle (an imported CLIP checkpoint or a
 * trained FROSTER model, in the models root) registered as a candidate; any version looked up by id
 * and activated. The registry has no listing, metrics, rollback or retirement yet (those come with
 * the retraining work), so the page shows what the registry offers today.
 */
@Named
@RequestScoped
public class ModelsPage {

  @EJB private ModelRegistry registry;

  @NotBlank(message = "A name is required")
  @Size(max = 200, message = "A name has at most 200 characters")
  private String name;

  @NotBlank(message = "The bundle's folder (under the models root) is required")
  @Size(max = 1000, message = "At most 1000 characters")
  private String bundlePath;

  @NotNull(message = "Enter a version id")
  @Positive(message = "A version id is a positive number")
  private Long versionId;

  private ModelVersion shown;

  public ModelVersion getActive() {
    return registry.active().orElse(null);
  }

  public void register() {
    try {
      Roles.require("admin");
      shown = registry.register(name, bundlePath);
      Messages.info("Registered " + shown.name() + " as candidate version " + shown.id().value());
    } catch (InvalidModelBundleException | IllegalArgumentException | SecurityException refused) {
      Messages.error("register:bundlePath", refused.getMessage());
    }
  }

  public void show() {
    try {
      shown = registry.find(new ModelVersionId(versionId));
    } catch (UnknownEntityException unknown) {
      Messages.error("lookup:versionId", unknown.getMessage());
    }
  }

  public void activate(long id) {
    try {
      Roles.require("admin");
      shown = registry.activate(new ModelVersionId(id));
      Messages.info("Version " + id + " is active");
    } catch (UnknownEntityException | IllegalStateException | SecurityException refused) {
      Messages.error(null, refused.getMessage());
    }
  }

  public ModelVersion getShown() {
    return shown;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getBundlePath() {
    return bundlePath;
  }

  public void setBundlePath(String bundlePath) {
    this.bundlePath = bundlePath;
  }

  public Long getVersionId() {
    return versionId;
  }

  public void setVersionId(Long versionId) {
    this.versionId = versionId;
  }
}

package dev.froster.interfaces.faces.jobs;

import dev.froster.application.InvalidTrainingRequestException;
import dev.froster.application.ModelPromotion;
import dev.froster.application.PromotionStatus;
import dev.froster.application.StateConflictException;
import dev.froster.application.TrainingOverrides;
import dev.froster.application.TrainingRunDetails;
import dev.froster.application.TrainingRunService;
import dev.froster.application.TrainingScheduleDetails;
import dev.froster.application.TrainingSchedules;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.schedule.InvalidScheduleException;
import dev.froster.domain.model.schedule.TrainingScheduleId;
import dev.froster.domain.model.training.TrainingRunId;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * The retraining half of jobs.xhtml (admins): training runs (start, stop, restart, abandon; live
 * step of total; history with the candidate and the failure reason), the latest promotion's
 * re-embedding and the retraining schedules (Quartz cron with the next fire times; create, enable,
 * disable, delete). Calls the same services as the REST API; every action checks the admin role on
 * the server, and a refused schedule names its field next to that field.
 */
@Named
@RequestScoped
public class RetrainingPage {

  static final int RUN_HISTORY = 20;
  private static final Set<String> RUNNING = Set.of("running");

  @EJB private TrainingRunService runs;
  @EJB private TrainingSchedules schedules;
  @EJB private ModelPromotion promotion;

  @NotBlank(message = "A schedule needs a name")
  @Size(max = 200, message = "A name has at most 200 characters")
  private String scheduleName;

  @NotBlank(message = "A cron expression is required")
  @Size(max = 200, message = "At most 200 characters")
  private String cron;

  private boolean enabled = true;

  private List<TrainingRunDetails> runHistory;
  private List<TrainingScheduleDetails> scheduleList;
  private PromotionStatus promotionStatus;
  private boolean promotionRead;

  public List<TrainingRunDetails> getRuns() {
    if (runHistory == null) {
      runHistory = runs.list(RUN_HISTORY);
    }
    return runHistory;
  }

  public List<TrainingScheduleDetails> getSchedules() {
    if (scheduleList == null) {
      scheduleList = schedules.list();
    }
    return scheduleList;
  }

  public PromotionStatus getPromotion() {
    if (!promotionRead) {
      promotionStatus = promotion.latest().orElse(null);
      promotionRead = true;
    }
    return promotionStatus;
  }

  /** Whether a run or the re-embedding still runs: the page polls while so. */
  public boolean isAnyRunning() {
    PromotionStatus latest = getPromotion();
    return getRuns().stream().anyMatch(this::running)
        || latest != null
            && Set.of("STARTING", "STARTED", "STOPPING").contains(latest.batchStatus());
  }

  public boolean running(TrainingRunDetails run) {
    return RUNNING.contains(run.status());
  }

  /** A stopped or failed run may be restarted from its checkpoint or abandoned for good. */
  public boolean resumable(TrainingRunDetails run) {
    return "stopped".equals(run.status()) || "failed".equals(run.status());
  }

  /** Percent of the run's optimiser steps done, null while the total is not known. */
  public Integer percent(TrainingRunDetails run) {
    if ("completed".equals(run.status())) {
      return 100;
    }
    Long total = run.totalSteps();
    return total == null || total == 0 ? null : (int) Math.min(100, 100 * run.step() / total);
  }

  public void startRun() {
    act(
        () ->
            Messages.info("Started training run " + runs.start(actor(), TrainingOverrides.none())));
  }

  public void stopRun(long id) {
    act(
        () -> {
          runs.stop(new TrainingRunId(id));
          Messages.info("Stopping training run " + id);
        });
  }

  public void restartRun(long id) {
    act(
        () ->
            Messages.info(
                "Restarted training run "
                    + id
                    + " as job execution "
                    + runs.restart(new TrainingRunId(id))));
  }

  public void abandonRun(long id) {
    act(
        () -> {
          runs.abandon(new TrainingRunId(id));
          Messages.info("Abandoned training run " + id);
        });
  }

  public void createSchedule() {
    try {
      Roles.require("admin");
      TrainingScheduleDetails created =
          schedules.create(scheduleName.trim(), cron.trim(), enabled, actor());
      Messages.info("Created schedule " + created.name());
      scheduleName = null;
      cron = null;
    } catch (InvalidScheduleException invalid) {
      String message = invalid.getMessage();
      Messages.error(
          message.startsWith("name") ? "schedule:scheduleName" : "schedule:cron", message);
    } catch (SecurityException | StateConflictException refused) {
      Messages.error(null, refused.getMessage());
    }
    scheduleList = null;
  }

  public void enableSchedule(long id, boolean enable) {
    act(
        () -> {
          schedules.enable(new TrainingScheduleId(id), enable, actor());
          Messages.info((enable ? "Enabled" : "Disabled") + " schedule " + id);
        });
  }

  public void deleteSchedule(long id) {
    act(
        () -> {
          schedules.delete(new TrainingScheduleId(id), actor());
          Messages.info("Deleted schedule " + id);
        });
  }

  private void act(Runnable action) {
    try {
      Roles.require("admin");
      action.run();
    } catch (StateConflictException
        | UnknownEntityException
        | InvalidTrainingRequestException
        | InvalidScheduleException
        | IllegalArgumentException
        | IllegalStateException
        | SecurityException refused) {
      Messages.error(null, refused.getMessage());
    }
    runHistory = null;
    scheduleList = null;
    promotionRead = false;
  }

  private static String actor() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  public String getScheduleName() {
    return scheduleName;
  }

  public void setScheduleName(String scheduleName) {
    this.scheduleName = scheduleName;
  }

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}

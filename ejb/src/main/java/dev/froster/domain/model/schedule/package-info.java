/**
 * Retraining schedules: a cron expression ({@link CronSchedule}, Quartz syntax) that starts a
 * training run whenever it fires, and the record of every firing and its outcome.
 */
package dev.froster.domain.model.schedule;

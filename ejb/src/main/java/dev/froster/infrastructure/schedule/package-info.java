/**
 * The timer that fires due retraining schedules (see {@link
 * dev.froster.application.TrainingSchedules}).
 */
package dev.froster.infrastructure.schedule;

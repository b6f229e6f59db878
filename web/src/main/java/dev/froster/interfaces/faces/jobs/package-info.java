/**
 * jobs.xhtml: the catalogue's batch jobs (start, stop, restart; live progress; history) and the
 * retraining half: training runs (start, stop, restart, abandon), the promotion's re-embedding and
 * the cron schedules of retraining.
 */
package dev.froster.interfaces.faces.jobs;

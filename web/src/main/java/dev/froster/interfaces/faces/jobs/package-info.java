/** jobs.xhtml: start, stop and restart the batch jobs; live progress; history. */
package dev.froster.interfaces.faces.jobs;

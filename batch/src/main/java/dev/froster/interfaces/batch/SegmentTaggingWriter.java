package dev.froster.interfaces.batch;

import dev.froster.application.TaggingService;
import dev.froster.application.UntaggedSegment;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Scores a chunk of segments and stores their tags and scorings in the chunk's transaction, which
 * also commits the reader's checkpoint: a chunk is either wholly stored with its checkpoint or
 * repeated after a restart (and the repeat changes nothing already stored).
 */
@Named("segmentTaggingWriter")
@Dependent
public class SegmentTaggingWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @Inject
  @BatchProperty(name = "vocabulary")
  private String vocabulary;

  @Inject private JobContext job;
  @Inject private JobProgress progress;
  @EJB private TaggingService tagging;

  @Override
  public void writeItems(List<Object> items) {
    tagging.tag(
        new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion)),
        UntaggedSegmentReader.vocabulary(vocabulary),
        items.stream().map(UntaggedSegment.class::cast).toList());
    progress.advance(job.getExecutionId(), items.size());
  }
}

package dev.froster.interfaces.batch;

import dev.froster.application.TaggingService;
import dev.froster.application.UntaggedSegment;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.vocabulary.VocabularyId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the segments the model version embedded that a vocabulary concerned has not scored yet, one
 * segment (with its embedding) per item, in segment id order, a page at a time. The checkpoint is
 * the last segment id read with the count done: a restart reads the segments above that id that
 * still lack a scoring, so nothing is scored twice or missed.
 */
@Named("untaggedSegmentReader")
@Dependent
public class UntaggedSegmentReader extends AbstractItemReader {

  /** Where the reader stands: segments up to {@code lastSegmentId} are handled. */
  record Position(long lastSegmentId, long done) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Segments fetched per query. */
  private static final int PAGE = 64;

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @Inject
  @BatchProperty(name = "vocabulary")
  private String vocabulary;

  @Inject private JobContext job;
  @Inject private JobProgress progress;
  @EJB private TaggingService tagging;

  private ModelVersionId version;
  private VocabularyId vocabularyId;
  private Position position;
  private final Deque<UntaggedSegment> page = new ArrayDeque<>();

  @Override
  public void open(Serializable checkpoint) {
    version = new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion));
    vocabularyId = vocabulary(vocabulary);
    position = checkpoint instanceof Position restart ? restart : new Position(0, 0);
    tagging.prepareTermEmbeddings(version, vocabularyId);
    long remaining = tagging.countUntagged(version, vocabularyId, position.lastSegmentId());
    progress.start(job.getExecutionId(), position.done(), position.done() + remaining);
  }

  @Override
  public UntaggedSegment readItem() {
    if (page.isEmpty()) {
      page.addAll(tagging.nextUntagged(version, vocabularyId, position.lastSegmentId(), PAGE));
      if (page.isEmpty()) {
        return null;
      }
    }
    UntaggedSegment next = page.poll();
    position = new Position(next.segmentId(), position.done() + 1);
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }

  @Override
  public void close() {
    progress.finish(job.getExecutionId());
  }

  /** The job's vocabulary parameter: empty means every active vocabulary. */
  static VocabularyId vocabulary(String value) {
    return value == null || value.isBlank()
        ? null
        : new VocabularyId(JobParameters.positiveLong("vocabulary", value));
  }
}

package dev.froster.infrastructure.persistence.jpa;

/**
 * Which tags the archive shows and searches by. An automatic tag belongs to the model version that
 * made it, and the active version re-tags every segment, so while a version is active the automatic
 * tags of the others are superseded: hidden from the review queue, the asset tags and the search
 * filter, yet kept, so that activating an older version again brings its tags back unchanged (with
 * no version active, none is superseded). A reviewer's decision is a fact about the footage, not
 * about a model: decided tags and manual tags count whichever version is active.
 */
public final class CurrentTags {

  private CurrentTags() {}

  /** A SQL condition on the tag row aliased {@code tag} (an alias of the statement, not input). */
  public static String condition(String tag) {
    return "("
        + tag
        + ".source <> 'auto'"
        + " or not exists (select 1 from model_version active where active.status = 'active'"
        + " and active.id <> "
        + tag
        + ".model_version_id)"
        + " or exists (select 1 from review_decision decision where decision.tag_id = "
        + tag
        + ".id))";
  }
}

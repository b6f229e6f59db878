-- Tagging and review (issue 6): which vocabularies take part in automatic tagging, the runner-up
-- terms an automatic tag was chosen over, and which segments each vocabulary has already been
-- applied to with which model version (so that the auto-tag job resumes where it stopped, a new
-- vocabulary reaches old segments and a new model version re-tags everything).

alter table vocabulary add column active boolean not null default true;

-- Runner-up terms of an automatic tag, best first: [{"termId": 12, "confidence": 0.21}, ...].
alter table tag add column alternatives jsonb not null default '[]'::jsonb;
alter table tag add constraint tag_alternatives_is_array check (jsonb_typeof(alternatives) = 'array');

-- One row per (segment, vocabulary, model version) that the auto-tag job has scored, whether or
-- not a tag came out of it; written in the same transaction as the tags.
create table segment_tagging (
  segment_id       bigint      not null references segment (id) on delete cascade,
  vocabulary_id    bigint      not null references vocabulary (id) on delete cascade,
  model_version_id bigint      not null references model_version (id) on delete cascade,
  tagged_at        timestamptz not null default now(),
  primary key (segment_id, vocabulary_id, model_version_id)
);
create index segment_tagging_vocabulary on segment_tagging (vocabulary_id, model_version_id);

create index term_embedding_model_version on term_embedding (model_version_id);
create index tag_segment on tag (segment_id);

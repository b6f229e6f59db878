-- Deleting a term that a review decision names was refused by the foreign keys (a 500 for the
-- admin, and a vocabulary holding such a term could not be deleted at all).
-- term_before_id, the term the model had suggested before a relabel: the decision stays, without
-- the term; the audit log keeps its label (before/after).
-- term_after_id, the term a relabel chose: it is the tag's own term, whose deletion deletes the tag
-- and so the decision; cascading here as well makes that independent of the order in which
-- PostgreSQL runs the two referential actions.
alter table review_decision
  drop constraint review_decision_term_before_id_fkey,
  add constraint review_decision_term_before_id_fkey
    foreign key (term_before_id) references term (id) on delete set null,
  drop constraint review_decision_term_after_id_fkey,
  add constraint review_decision_term_after_id_fkey
    foreign key (term_after_id) references term (id) on delete cascade;

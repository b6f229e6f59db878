-- A relabelled tag's decision names the term the model had suggested (term_before_id); the tag
-- itself carries the new term. Deleting that old term was refused by the foreign key (a 500 for
-- the admin). The decision stays, without the term: the audit log keeps its label (before/after).
-- term_after_id needs no change: it is the tag's own term, whose deletion deletes tag and decision.
alter table review_decision
  drop constraint review_decision_term_before_id_fkey,
  add constraint review_decision_term_before_id_fkey
    foreign key (term_before_id) references term (id) on delete set null;

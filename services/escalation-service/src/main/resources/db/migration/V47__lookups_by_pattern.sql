-- Every signal asks whether its key has an open escalation, and whether one was accepted and is not settled yet:
-- both found by key, not by reading every escalation or candidate.
create index candidate_accepted_by_pattern on candidate (pattern_key) where status = 'ACCEPTED';
create index escalation_view_by_pattern on escalation_view (pattern_key, raised_at);

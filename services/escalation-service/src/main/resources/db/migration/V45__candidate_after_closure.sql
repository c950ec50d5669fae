-- A pattern whose escalation the place has closed may be proposed and accepted again on fresh evidence: one open
-- candidate per pattern still holds, but a pattern may now have been escalated more than once over time.
drop index candidate_one_escalated_per_pattern;

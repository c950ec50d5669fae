-- The people behind an escalation as the place published them ("12", "<5" or "*"), beside people (the fewest the
-- evidence made sure of): every count shown outside is never more precise than this. Null for escalations raised
-- before it was kept (their people are then shown after disclosure control alone).
alter table escalation_view add column people_shown text;

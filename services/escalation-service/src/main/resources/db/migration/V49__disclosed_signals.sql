-- Evidence signals v2 carry counts after disclosure control. The integer columns now hold the fewest people the
-- service can be sure of (the count when shown); people_shown is what the place published ("12", "<5" or "*").
-- A pattern's latest signal also brings its recent shared learning (JSON list of organisation, concludedOn, summary).
alter table pattern_signal add column people_shown text;
alter table pattern_signal add column learning text;
alter table signal_trend add column people_shown text;
alter table candidate add column people_shown text;

-- voters: indexes tuned for segment counts on a million voters (measured with npm run bench:segments).
-- Segments and the voters list never show merged voters, so the segment-only indexes cover just the living
-- records: a count can then be answered from the index (index-only scan) without visiting the table to check
-- merged_into_voter_id.

-- segments / voters list: county = / IN (...) among unmerged voters
DROP INDEX voters.idx_voters_county;
CREATE INDEX idx_voters_county ON voters.voters (county) WHERE merged_into_voter_id IS NULL;
-- segments / voters list: precinct = / IN / prefix among unmerged voters
DROP INDEX voters.idx_voters_precinct;
CREATE INDEX idx_voters_precinct ON voters.voters (precinct text_pattern_ops) WHERE merged_into_voter_id IS NULL;
-- segments / voters list: party = among unmerged voters
DROP INDEX voters.idx_voters_party_affiliation;
CREATE INDEX idx_voters_party_affiliation ON voters.voters (party_affiliation) WHERE merged_into_voter_id IS NULL;
-- segments / voters list: engagement_score min/max among unmerged voters
DROP INDEX voters.idx_voters_engagement_score;
CREATE INDEX idx_voters_engagement_score ON voters.voters (engagement_score) WHERE merged_into_voter_id IS NULL;

-- seed index idx_interactions_type, widened so segment conditions "type X with outcome Y between dates" are
-- answered from the index alone; still serves the seed's lookups by interaction_type.
DROP INDEX voters.idx_interactions_type;
CREATE INDEX idx_interactions_type ON voters.interactions (interaction_type, outcome, interaction_date, voter_id);
-- segments: "outcome Y (any type) between dates"
CREATE INDEX idx_interactions_outcome ON voters.interactions (outcome, interaction_date, voter_id)
  WHERE outcome IS NOT NULL;

// A person's profile: the voter with their campaigns, tags, lists and survey answers, and their timeline of
// interactions across every module, newest first.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { iso, totalPages } from '../../http/presenters.ts';
import { presentInteraction } from './interaction.presenter.ts';
import { type InteractionRow, interactionColumns } from './interactions.service.ts';
import { presentVoter } from './voter.presenter.ts';
import { requireVoter } from './voters.service.ts';

export async function voterProfile(db: Db, voterId: number) {
  const voter = await requireVoter(db, voterId);
  const [campaigns, tags, lists, answers] = await Promise.all([
    rows<{ campaign_id: number; campaign_name: string; added_at: string }>(
      db,
      sql`SELECT c.campaign_id, c.campaign_name, cv.added_at
          FROM voters.campaign_voters cv JOIN voters.campaigns c USING (campaign_id)
          WHERE cv.voter_id = ${voterId} ORDER BY cv.added_at DESC, c.campaign_id`,
    ),
    rows<{ tag_id: number; name: string }>(
      db,
      sql`SELECT t.tag_id, t.name::text AS name FROM voters.voter_tags vt JOIN voters.tags t USING (tag_id)
          WHERE vt.voter_id = ${voterId} ORDER BY t.name`,
    ),
    rows<{ list_id: number; name: string; added_at: string }>(
      db,
      sql`SELECT l.list_id, l.name, li.added_at FROM voters.list_items li JOIN voters.lists l USING (list_id)
          WHERE li.voter_id = ${voterId} ORDER BY l.name, l.list_id`,
    ),
    rows<{
      response_id: number;
      question_id: number;
      question_text: string;
      question_type: string;
      campaign_id: number | null;
      interaction_id: number | null;
      response_value: string | null;
      response_values: unknown;
      responded_at: string;
    }>(
      db,
      sql`SELECT r.response_id, r.question_id, q.question_text, q.question_type, q.campaign_id, r.interaction_id,
                 r.response_value, r.response_values, r.responded_at
          FROM voters.survey_responses r JOIN voters.survey_questions q USING (question_id)
          WHERE r.voter_id = ${voterId} ORDER BY r.responded_at DESC, r.response_id DESC LIMIT 500`,
    ),
  ]);
  return {
    voter: presentVoter(voter),
    campaigns: campaigns.map((c) => ({ ...c, added_at: iso(c.added_at) as string })),
    tags,
    lists: lists.map((l) => ({ ...l, added_at: iso(l.added_at) as string })),
    survey_answers: answers.map((a) => ({ ...a, responded_at: iso(a.responded_at) as string })),
  };
}

export async function voterTimeline(db: Db, voterId: number, page: number, perPage: number) {
  await requireVoter(db, voterId);
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.interactions WHERE voter_id = ${voterId}`),
    rows<InteractionRow & { campaign_name: string | null }>(
      db,
      sql`SELECT ${interactionColumns}, c.campaign_name
          FROM voters.interactions i LEFT JOIN voters.campaigns c USING (campaign_id)
          WHERE i.voter_id = ${voterId}
          ORDER BY i.interaction_date DESC, i.interaction_id DESC
          LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return {
    interactions: found.map((r) => ({ ...presentInteraction(r), campaign_name: r.campaign_name })),
    total,
    current_page: page,
    total_pages: totalPages(total, perPage),
  };
}

// The helper actions every OSDI helper accepts beside its main object: add_tags / add_tags_uri,
// remove_tags / remove_tags_uri, add_lists / add_lists_uri and add_questions_responses_uri. Tags and lists are
// found by name or by our own URL; unknown ones are ignored (as Action Network does), never created.
// `triggers` and `osdi:control` are accepted and ignored.
import { type SQL, sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import { questionById, recordAnswer } from './answers.service.ts';
import { idFromHref } from './hal.ts';

export interface HelperActions {
  add_tags?: unknown;
  add_tags_uri?: unknown;
  remove_tags?: unknown;
  remove_tags_uri?: unknown;
  add_lists?: unknown;
  add_lists_uri?: unknown;
  add_questions_responses_uri?: unknown;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length <= 2000).slice(0, 100) : [];

const inList = (values: Array<string | number>): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const ids = (v: unknown, collection: string): number[] =>
  strings(v)
    .map((href) => idFromHref(href, collection))
    .filter((id): id is number => id !== null);

async function tagIds(tx: Db, names: string[], uris: number[]): Promise<number[]> {
  if (names.length === 0 && uris.length === 0) return [];
  const byName =
    names.length > 0 ? sql`lower(name::text) IN (${inList(names.map((n) => n.toLowerCase()))})` : sql`false`;
  const byId = uris.length > 0 ? sql`tag_id IN (${inList(uris)})` : sql`false`;
  const found = await rows<{ tag_id: number }>(tx, sql`SELECT tag_id FROM voters.tags WHERE ${byName} OR ${byId}`);
  return found.map((r) => r.tag_id);
}

async function listIds(tx: Db, names: string[], uris: number[]): Promise<number[]> {
  if (names.length === 0 && uris.length === 0) return [];
  // List names are not unique: a name adds the person to the oldest list of that name.
  const byName: SQL =
    names.length > 0
      ? sql`list_id IN (SELECT DISTINCT ON (lower(name)) list_id FROM voters.lists
                        WHERE lower(name) IN (${inList(names.map((n) => n.toLowerCase()))}) ORDER BY lower(name), list_id)`
      : sql`false`;
  const byId = uris.length > 0 ? sql`list_id IN (${inList(uris)})` : sql`false`;
  const found = await rows<{ list_id: number }>(tx, sql`SELECT list_id FROM voters.lists WHERE ${byName} OR ${byId}`);
  return found.map((r) => r.list_id);
}

/**
 * Applies the helper actions to one person inside the caller's transaction. Anonymous callers (browser forms)
 * may add but not remove tags. Answers are linked to `interactionId` when a canvass recorded them.
 */
export async function applyHelperActions(
  tx: Db,
  voterId: number,
  body: HelperActions,
  options: { anonymous: boolean; interactionId?: number | null },
): Promise<{ answers: number[] }> {
  for (const tagId of await tagIds(tx, strings(body.add_tags), ids(body.add_tags_uri, 'tags'))) {
    await tx.execute(
      sql`INSERT INTO voters.voter_tags (voter_id, tag_id) VALUES (${voterId}, ${tagId})
          ON CONFLICT ON CONSTRAINT uq_voter_tag DO NOTHING`,
    );
  }
  if (!options.anonymous) {
    const removed = await tagIds(tx, strings(body.remove_tags), ids(body.remove_tags_uri, 'tags'));
    if (removed.length > 0) {
      await tx.execute(
        sql`DELETE FROM voters.voter_tags WHERE voter_id = ${voterId} AND tag_id IN (${inList(removed)})`,
      );
    }
  }
  for (const listId of await listIds(tx, strings(body.add_lists), ids(body.add_lists_uri, 'lists'))) {
    await tx.execute(
      sql`INSERT INTO voters.list_items (list_id, voter_id) VALUES (${listId}, ${voterId})
          ON CONFLICT ON CONSTRAINT uq_list_item DO NOTHING`,
    );
  }
  const answers: number[] = [];
  const entries = Array.isArray(body.add_questions_responses_uri) ? body.add_questions_responses_uri.slice(0, 100) : [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const questionId = idFromHref((entry as Record<string, unknown>).question, 'questions');
    const question = questionId === null ? undefined : await questionById(tx, questionId);
    if (!question) continue;
    const { responses, value } = entry as Record<string, unknown>;
    const row = await recordAnswer(tx, question, voterId, { responses, value }, options.interactionId ?? null);
    answers.push(row.response_id);
  }
  return { answers };
}

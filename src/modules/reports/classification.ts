// rules-v1 classification: the department whose comma-separated keywords appear most often in the title and
// description wins; the report's ai_category is that department's category. Pure scoring plus one loader.
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';

export const classifierVersion = 'rules-v1';

export interface RoutingRule {
  department_id: number;
  keywords: string | null;
  /** The categories routed to this department (reports.categories.department_id). */
  categories: string[];
}

export interface Classification {
  category: string;
  department_id: number;
  confidence: number;
  matched: string[];
}

function keywordList(keywords: string | null): string[] {
  return (keywords ?? '')
    .split(',')
    .map((k) => k.trim().toLowerCase())
    .filter((k) => k.length >= 2);
}

/** The best rule for the text, or null when no keyword matches. Confidence grows with matches: 1 → 0.5, 2 → 0.75, 3+ → 0.9. */
export function classifyText(text: string, rules: RoutingRule[]): Classification | null {
  const haystack = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  let best: Classification | null = null;
  for (const rule of rules) {
    if (rule.categories.length === 0) continue;
    const matched = keywordList(rule.keywords).filter((k) =>
      haystack.includes(` ${k.replace(/[^\p{L}\p{N}]+/gu, ' ')}`),
    );
    if (matched.length === 0) continue;
    if (!best || matched.length > best.matched.length) {
      const confidence = matched.length >= 3 ? 0.9 : matched.length === 2 ? 0.75 : 0.5;
      best = { category: rule.categories[0], department_id: rule.department_id, confidence, matched };
    }
  }
  return best;
}

export async function loadRoutingRules(db: Db): Promise<RoutingRule[]> {
  return rows<RoutingRule>(
    db,
    sql`SELECT d.id AS department_id, d.keywords,
               COALESCE((SELECT array_agg(c.code ORDER BY c.code) FROM reports.categories c WHERE c.department_id = d.id),
                        ARRAY[]::varchar[]) AS categories
        FROM reports.departments d
        WHERE d.keywords IS NOT NULL AND d.keywords <> ''
        ORDER BY d.id`,
  );
}

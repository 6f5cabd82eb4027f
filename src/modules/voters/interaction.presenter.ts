// What goes over the wire for an interaction (one entry of a person's timeline).
import { Type } from '@fastify/type-provider-typebox';
import { iso } from '../../http/presenters.ts';
import { Nullable } from './common.schemas.ts';
import type { InteractionRow } from './interactions.service.ts';

export const InteractionSchema = Type.Object({
  interaction_id: Type.Integer(),
  voter_id: Type.Integer(),
  campaign_id: Nullable(Type.Integer()),
  user_id: Nullable(Type.Integer()),
  interaction_type: Type.String(),
  interaction_date: Type.String(),
  outcome: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  duration_minutes: Nullable(Type.Integer()),
  source_module: Type.String(),
  source_ref: Nullable(Type.String()),
  created_at: Type.String(),
});

export function presentInteraction(row: InteractionRow) {
  return {
    interaction_id: row.interaction_id,
    voter_id: row.voter_id,
    campaign_id: row.campaign_id,
    user_id: row.user_id,
    interaction_type: row.interaction_type,
    interaction_date: iso(row.interaction_date) as string,
    outcome: row.outcome,
    notes: row.notes,
    duration_minutes: row.duration_minutes,
    source_module: row.source_module,
    source_ref: row.source_ref,
    created_at: iso(row.created_at) as string,
  };
}

// POST /api/v1/signups, as Cerberus did it: match the person by email then phone (or create them with the
// campaign as first touch), always log a "Signed Up" interaction, and link them to the campaign.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { logInteraction } from './interactions.service.ts';
import { findOrCreatePerson, normalizeEmail, normalizePhone } from './person-match.ts';

export interface SignupBody {
  first_name?: string;
  last_name?: string;
  email_address?: string;
  campaign_id?: number;
  phone_number?: string;
  middle_name?: string;
  notes?: string;
  interaction_type?: string;
  interests?: { wants_to_endorse?: boolean; wants_to_get_involved?: boolean };
  website?: string;
}

export const invalidPayload = () => badRequest('invalid_payload', 'Invalid or empty JSON payload');

const required = ['first_name', 'last_name', 'email_address', 'campaign_id'] as const;
const filled = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && v !== 0;

/** The interaction notes: the payload's notes plus the interests, or "Website signup." when there are none. */
export function signupNotes(body: SignupBody): string {
  const parts: string[] = [];
  if (body.notes?.trim()) parts.push(body.notes.trim());
  if (body.interests?.wants_to_endorse) parts.push('Expressed interest: Endorse.');
  if (body.interests?.wants_to_get_involved) parts.push('Expressed interest: Get Involved.');
  return parts.join(' ').trim() || 'Website signup.';
}

export async function signUp(db: Db, context: AuditContext, body: SignupBody | undefined | null) {
  if (!body || typeof body !== 'object' || Object.keys(body).length === 0) throw invalidPayload();
  const missing = required.filter((f) => !filled(body[f]));
  if (missing.length > 0) {
    throw badRequest('missing_fields', `Missing required fields: ${missing.join(', ')}`, { fields: missing });
  }
  // Honeypot: people never see the hidden `website` field; bots fill it in. They get an answer that looks
  // like success (so they do not adapt) and nothing is stored.
  if (body.website?.trim()) {
    return { message: 'Signup processed successfully.', voter_id: 0, interaction_id: 0 };
  }
  const email = normalizeEmail(body.email_address);
  if (!email)
    throw badRequest('invalid_email', `email_address ${JSON.stringify(body.email_address)} is not an email address`);
  const phone = body.phone_number?.trim() ? normalizePhone(body.phone_number) : null;
  if (body.phone_number?.trim() && !phone) {
    throw badRequest('invalid_phone', `phone_number ${JSON.stringify(body.phone_number)} is not a phone number`);
  }
  const campaignId = body.campaign_id as number;
  return db.transaction(async (tx) => {
    const campaign = await one(tx, sql`SELECT campaign_id FROM voters.campaigns WHERE campaign_id = ${campaignId}`);
    if (!campaign) throw new AppError(404, 'not_found', `Campaign with ID ${campaignId} not found.`);
    const person = await findOrCreatePerson(tx, {
      first_name: (body.first_name as string).trim(),
      last_name: (body.last_name as string).trim(),
      middle_name: body.middle_name?.trim() || null,
      email,
      phone,
      source_campaign_id: campaignId,
    });
    const interaction = await logInteraction(tx, {
      voter_id: person.voter_id,
      campaign_id: campaignId,
      interaction_type: body.interaction_type?.trim() || 'Website Signup',
      outcome: 'Signed Up',
      notes: signupNotes(body),
    });
    await tx.execute(
      sql`INSERT INTO voters.campaign_voters (campaign_id, voter_id) VALUES (${campaignId}, ${person.voter_id})
          ON CONFLICT ON CONSTRAINT uq_campaign_voter DO NOTHING`,
    );
    await audit(tx, context, {
      action: 'signup.create',
      resourceType: 'voter',
      resourceId: person.voter_id,
      extra: { campaign_id: campaignId, created: person.created, interaction_id: interaction.interaction_id },
    });
    return {
      message: 'Signup processed successfully.',
      voter_id: person.voter_id,
      interaction_id: interaction.interaction_id,
    };
  });
}

// Request and response schemas of /api/v1/voters.
import { type Static, Type } from '@fastify/type-provider-typebox';
import { DateOnly, Id, JsonObject, Nullable, Order, OrNull, Page, PerPage, Str } from './common.schemas.ts';

export const VoterSchema = Type.Object({
  voter_id: Type.Integer(),
  first_name: Type.String(),
  middle_name: Nullable(Type.String()),
  last_name: Type.String(),
  date_of_birth: Nullable(Type.String()),
  birth_year: Nullable(Type.Integer()),
  gender: Nullable(Type.String()),
  street_address: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  zip_code: Nullable(Type.String()),
  county: Nullable(Type.String()),
  precinct: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  email_address: Nullable(Type.String()),
  registration_status: Nullable(Type.String()),
  voter_registration_id: Nullable(Type.String()),
  registration_date: Nullable(Type.String()),
  party_affiliation: Nullable(Type.String()),
  engagement_score: Type.Integer(),
  last_contacted_date: Nullable(Type.String()),
  preferred_contact_method: Nullable(Type.String()),
  custom_fields: Nullable(Type.Record(Type.String(), Type.Unknown())),
  employer: Nullable(Type.String()),
  occupation: Nullable(Type.String()),
  contact_email: Nullable(Type.Boolean()),
  contact_phone: Nullable(Type.Boolean()),
  contact_mail: Nullable(Type.Boolean()),
  contact_sms: Nullable(Type.Boolean()),
  source_campaign_id: Nullable(Type.Integer()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  merged_into_voter_id: Nullable(Type.Integer()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

const voterFields = {
  first_name: Type.String({ minLength: 1, maxLength: 100 }),
  middle_name: OrNull(Str(100)),
  last_name: Type.String({ minLength: 1, maxLength: 100 }),
  date_of_birth: OrNull(DateOnly),
  birth_year: OrNull(Type.Integer({ minimum: 1800, maximum: 2200 })),
  gender: OrNull(Str(50)),
  street_address: OrNull(Str(255)),
  city: OrNull(Str(100)),
  state: OrNull(Str(50)),
  zip_code: OrNull(Str(20)),
  county: OrNull(Str(100)),
  precinct: OrNull(Str(100)),
  phone_number: OrNull(Str(40)),
  email_address: OrNull(Str(255)),
  registration_status: Type.Unsafe<'Registered' | 'Not Registered' | 'Pending' | null>({
    type: ['string', 'null'],
    enum: ['Registered', 'Not Registered', 'Pending', null],
  }),
  voter_registration_id: OrNull(Str(100)),
  registration_date: OrNull(DateOnly),
  party_affiliation: OrNull(Str(100)),
  preferred_contact_method: Type.Unsafe<'Email' | 'Phone' | 'SMS' | null>({
    type: ['string', 'null'],
    enum: ['Email', 'Phone', 'SMS', null],
  }),
  custom_fields: OrNull(JsonObject),
  employer: OrNull(Str(255)),
  occupation: OrNull(Str(255)),
  contact_email: Type.Boolean(),
  contact_phone: Type.Boolean(),
  contact_mail: Type.Boolean(),
  contact_sms: Type.Boolean(),
  source_campaign_id: OrNull(Id),
  latitude: OrNull(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: OrNull(Type.Number({ minimum: -180, maximum: 180 })),
};

const optional = <T extends Record<string, any>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>>;
  };

/** POST: first_name, last_name and email_address are required (checked in the service to name them all). */
export const NewVoterBody = Type.Object(optional(voterFields), { additionalProperties: false });

/**
 * PUT: a partial update. voter_id, created_at and updated_at (and the computed engagement fields) may be sent
 * back as read from GET, and are ignored: they cannot be changed.
 */
export const VoterUpdateBody = Type.Object(
  {
    ...optional(voterFields),
    voter_id: Type.Optional(Type.Unknown()),
    created_at: Type.Optional(Type.Unknown()),
    updated_at: Type.Optional(Type.Unknown()),
    engagement_score: Type.Optional(Type.Unknown()),
    last_contacted_date: Type.Optional(Type.Unknown()),
    merged_into_voter_id: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

export type VoterFields = Partial<Static<typeof NewVoterBody>>;

export const voterSortColumns = [
  'voter_id',
  'last_name',
  'first_name',
  'created_at',
  'updated_at',
  'engagement_score',
  'last_contacted_date',
  'zip_code',
  'registration_date',
] as const;

const Filter = (max = 100) => Type.Optional(Type.String({ minLength: 1, maxLength: max }));
const Bool = Type.Optional(Type.Boolean());
const DateFilter = Type.Optional(DateOnly);

export const VoterListQuery = Type.Object(
  {
    page: Page,
    per_page: PerPage,
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Empty to start; next_cursor to continue' })),
    sort: Type.Optional(Type.Union(voterSortColumns.map((c) => Type.Literal(c)))),
    order: Type.Optional(Order),
    q: Filter(200),
    email: Filter(255),
    phone: Filter(40),
    voter_registration_id: Filter(),
    include_merged: Type.Boolean({ default: false }),
    // Prefix, case-insensitive
    first_name: Filter(),
    middle_name: Filter(),
    last_name: Filter(),
    street_address: Filter(255),
    city: Filter(),
    employer: Filter(255),
    occupation: Filter(255),
    zip_code: Filter(20),
    // Exact
    gender: Filter(50),
    state: Filter(50),
    county: Filter(),
    precinct: Filter(),
    registration_status: Filter(50),
    party_affiliation: Filter(),
    preferred_contact_method: Filter(50),
    contact_email: Bool,
    contact_phone: Bool,
    contact_mail: Bool,
    contact_sms: Bool,
    source_campaign_id: Type.Optional(Id),
    campaign_id: Type.Optional(Id),
    tag_id: Type.Optional(Id),
    list_id: Type.Optional(Id),
    birth_year_min: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2200 })),
    birth_year_max: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2200 })),
    engagement_score_min: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
    engagement_score_max: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
    date_of_birth_from: DateFilter,
    date_of_birth_to: DateFilter,
    registration_date_from: DateFilter,
    registration_date_to: DateFilter,
    last_contacted_from: DateFilter,
    last_contacted_to: DateFilter,
    created_from: DateFilter,
    created_to: DateFilter,
  },
  { additionalProperties: false },
);
export type VoterListQuery = Static<typeof VoterListQuery>;

export const VoterList = Type.Object({
  voters: Type.Array(VoterSchema),
  total_pages: Type.Optional(Type.Integer()),
  current_page: Type.Optional(Type.Integer()),
  total_voters: Type.Optional(Type.Integer()),
  next_cursor: Type.Optional(Nullable(Type.String())),
});

export const VoterOut = Type.Object({ voter: VoterSchema });

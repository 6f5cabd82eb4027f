// Request and response schemas shared by the OSDI routes. OSDI bodies keep unknown properties (O28: vendor fields
// and curies are ignored, not rejected), so bodies declare their known fields, bounded, and allow the rest; the
// services check the values themselves and answer OSDI error descriptions.
import { Type } from '@fastify/type-provider-typebox';
import { osdiNotFound } from './osdi-errors.ts';

const token = Type.Optional(Type.String({ maxLength: 200 }));

/** Every OSDI query may carry the API token; other unknown parameters are ignored. */
export const TokenQuery = Type.Object({ 'osdi-api-token': token }, { additionalProperties: true });

export const PageQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    // Above max_pagesize is clamped by paging(), not refused.
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    'osdi-api-token': token,
    $expand: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: true },
);

export const PeopleQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    filter: Type.Optional(Type.String({ maxLength: 2000 })),
    'osdi-api-token': token,
    $expand: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: true },
);

/** OSDI ids are opaque in URLs: anything that is not one of ours is simply not found. */
const Id = Type.String({ maxLength: 40 });
export const IdParams = Type.Object({ id: Id });
export const NestedParams = Type.Object({ id: Id, childId: Id });

export function parseId(value: string, resource: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw osdiNotFound(resource, value);
  return Number(value);
}

const Links = Type.Optional(Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()));

/** Any OSDI object: its fields are checked by the service (readPerson and friends). */
export const AnyBody = Type.Object({ _links: Links }, { additionalProperties: true });

export const TagBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    identifiers: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50 })),
  },
  { additionalProperties: true },
);

export const ListBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 255 })),
    title: Type.Optional(Type.String({ maxLength: 255 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    summary: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    identifiers: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50 })),
  },
  { additionalProperties: true },
);

export const QuestionBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 1000 })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    summary: Type.Optional(Type.String({ maxLength: 1000 })),
    question_type: Type.Optional(Type.String({ maxLength: 50 })),
    responses: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.Optional(Type.String({ maxLength: 100 })),
            name: Type.Optional(Type.String({ maxLength: 100 })),
            title: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: true },
        ),
        { maxItems: 100 },
      ),
    ),
  },
  { additionalProperties: true },
);

export const AnswerBody = Type.Object(
  {
    responses: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
    value: Type.Optional(Type.String({ maxLength: 10_000 })),
    action_date: Type.Optional(Type.String({ maxLength: 40 })),
    _links: Links,
  },
  { additionalProperties: true },
);

const HelperFields = {
  add_tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
  add_tags_uri: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 100 })),
  remove_tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
  remove_tags_uri: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 100 })),
  add_lists: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
  add_lists_uri: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 100 })),
  add_questions_responses_uri: Type.Optional(
    Type.Array(
      Type.Object(
        {
          question: Type.String({ maxLength: 2000 }),
          responses: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
          value: Type.Optional(Type.String({ maxLength: 10_000 })),
        },
        { additionalProperties: true },
      ),
      { maxItems: 100 },
    ),
  ),
};

export const SignupBody = Type.Object(
  { person: Type.Optional(Type.Unknown()), ...HelperFields },
  { additionalProperties: true },
);

export const CanvassBody = Type.Object(
  {
    canvass: Type.Optional(
      Type.Object(
        {
          action_date: Type.Optional(Type.String({ maxLength: 40 })),
          contact_type: Type.Optional(Type.String({ maxLength: 50 })),
          input_type: Type.Optional(Type.String({ maxLength: 50 })),
          success: Type.Optional(Type.Boolean()),
          status_code: Type.Optional(Type.String({ maxLength: 100 })),
          origin_system: Type.Optional(Type.String({ maxLength: 100 })),
          _links: Links,
        },
        { additionalProperties: true },
      ),
    ),
    ...HelperFields,
  },
  { additionalProperties: true },
);

/** A HAL resource or collection: its links use curie keys, so the object stays open. */
export const HalResponse = Type.Object({}, { additionalProperties: true });
export const halResponses = { 200: HalResponse };

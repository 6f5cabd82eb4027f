// Request schemas of the Open311 routes: every field optional and bounded (required fields are checked by the
// services, so a missing api_key answers 403 and a missing service_code 400, as GeoReport v2 says).
import { Type } from '@fastify/type-provider-typebox';

const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const AttributeValue = Type.Union([
  Type.String({ maxLength: 4000 }),
  Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 100 }),
]);

export const FileParams = Type.Object(
  { file: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);

export const CreateRequestBodySchema = Type.Object(
  {
    api_key: Text(200),
    jurisdiction_id: Text(100),
    service_code: Text(100),
    lat: Text(40),
    long: Text(40),
    address_string: Text(500),
    address_id: Text(100),
    email: Text(255),
    device_id: Text(255),
    account_id: Text(255),
    first_name: Text(100),
    last_name: Text(100),
    phone: Text(40),
    description: Text(4000),
    media_url: Text(2000),
    attribute: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), AttributeValue, { maxProperties: 100 })),
  },
  {
    additionalProperties: false,
    maxProperties: 200,
    patternProperties: { '^attribute\\[[^\\]\\[]{1,100}\\](\\[\\])?$': AttributeValue },
  },
);

export const RequestsQuery = Type.Object(
  {
    api_key: Text(200),
    jurisdiction_id: Text(100),
    service_request_id: Text(12000),
    service_code: Text(2000),
    start_date: Text(40),
    end_date: Text(40),
    status: Text(20),
    page: Text(10),
    page_size: Text(10),
    extensions: Text(10),
  },
  { additionalProperties: false },
);

export const ReadQuery = Type.Object(
  { api_key: Text(200), jurisdiction_id: Text(100), extensions: Text(10) },
  { additionalProperties: false },
);

export const UpdatesQuery = Type.Object(
  { api_key: Text(200), jurisdiction_id: Text(100), start_date: Text(40), end_date: Text(40) },
  { additionalProperties: false },
);

/** The documented body of a successful answer (the routes send pre-serialized JSON or XML text). */
export const Open311Answer = Type.Unknown({ description: 'JSON per GeoReport v2 (XML for the .xml form)' });

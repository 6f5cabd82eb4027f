// Schema pieces every voters route shares. Every string and array is bounded, every object closed.
import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';

export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Page = Type.Integer({ minimum: 1, maximum: 100000, default: 1 });
export const PerPage = Type.Integer({ minimum: 1, maximum: 200, default: 20 });
export const DateOnly = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD' });
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });
export const Str = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
export const Order = Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' });

/**
 * A value or null as one `type: [t, 'null']` schema: with ajv's type coercion an anyOf with a null branch
 * would turn 0 or "" into null instead of refusing them.
 */
export function OrNull<T extends TSchema>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [(schema as unknown as { type: string }).type, 'null'] });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const MessageOut = Type.Object({ message: Type.String() });

/** A JSON object of bounded size (custom fields, possible answers). Deeper checks happen in the service. */
export const JsonObject = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 });

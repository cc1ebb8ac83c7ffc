import { Type, type TSchema } from 'typebox';

/** A timestamp: services hand out Dates, the serializer writes ISO 8601 strings. */
export const DateTime = () => Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** One of a fixed list of strings, typed as that union. */
export const OneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

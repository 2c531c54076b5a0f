import { z } from 'zod';
import { EventDefinition, findEventDefinition } from '../events/catalogue';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: attributes travel as `ce_*`
 * headers and the body is the JSON `data`.
 */
export const CE_SPEC_VERSION = '1.0';
export const CE_HEADERS = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  specversion: 'ce_specversion',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationId: 'ce_correlationid',
  contentType: 'content-type',
} as const;

export interface CloudEvent<T = unknown> {
  id: string;
  type: string;
  source: string;
  specversion: typeof CE_SPEC_VERSION;
  time: string;
  subject: string;
  correlationId?: string;
  data: T;
}

export interface KafkaRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toKafkaRecord(event: CloudEvent): KafkaRecord {
  const headers: Record<string, string> = {
    [CE_HEADERS.id]: event.id,
    [CE_HEADERS.type]: event.type,
    [CE_HEADERS.source]: event.source,
    [CE_HEADERS.specversion]: event.specversion,
    [CE_HEADERS.time]: event.time,
    [CE_HEADERS.subject]: event.subject,
    [CE_HEADERS.contentType]: 'application/json',
  };
  if (event.correlationId) headers[CE_HEADERS.correlationId] = event.correlationId;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

const attributes = z.object({
  [CE_HEADERS.id]: z.string().min(1),
  [CE_HEADERS.type]: z.string().min(1),
  [CE_HEADERS.source]: z.string().min(1),
  [CE_HEADERS.specversion]: z.literal(CE_SPEC_VERSION),
  [CE_HEADERS.time]: z.iso.datetime({ offset: true }),
  [CE_HEADERS.subject]: z.string().min(1),
});

export type DecodeResult =
  | { kind: 'ok'; event: CloudEvent; definition: EventDefinition }
  | { kind: 'unknown_type'; type: string; id: string }
  | { kind: 'invalid'; reason: string; id?: string; type?: string };

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function headerText(headers: RawHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

/**
 * Validates the envelope, then the payload against the contract of its type (consumer side).
 * `lookup` resolves a type to its contract; by default the catalogue.
 */
export function decodeKafkaRecord(
  headers: RawHeaders,
  value: Buffer | string | null,
  lookup: (type: string) => EventDefinition | undefined = findEventDefinition,
): DecodeResult {
  const text = Object.fromEntries(Object.values(CE_HEADERS).map((name) => [name, headerText(headers, name)]));
  const envelope = attributes.safeParse(text);
  if (!envelope.success) {
    return {
      kind: 'invalid',
      reason: `invalid CloudEvents headers: ${z.prettifyError(envelope.error)}`,
      id: text[CE_HEADERS.id],
      type: text[CE_HEADERS.type],
    };
  }
  const id = envelope.data[CE_HEADERS.id];
  const type = envelope.data[CE_HEADERS.type];
  const definition = lookup(type);
  if (!definition) return { kind: 'unknown_type', type, id };

  let body: unknown;
  try {
    body = JSON.parse(value === null ? '' : value.toString());
  } catch {
    return { kind: 'invalid', reason: 'body is not valid JSON', id, type };
  }
  const data = definition.schema.safeParse(body);
  if (!data.success) {
    return { kind: 'invalid', reason: `payload violates ${type}: ${z.prettifyError(data.error)}`, id, type };
  }
  return {
    kind: 'ok',
    definition,
    event: {
      id,
      type,
      source: envelope.data[CE_HEADERS.source],
      specversion: CE_SPEC_VERSION,
      time: envelope.data[CE_HEADERS.time],
      subject: envelope.data[CE_HEADERS.subject],
      correlationId: text[CE_HEADERS.correlationId],
      data: data.data,
    },
  };
}

/** Producer-side validation: throws a readable error naming the event type and the bad fields. */
export function validateEventData<D extends EventDefinition>(definition: D, data: unknown): z.infer<D['schema']> {
  const result = definition.schema.safeParse(data);
  if (!result.success) {
    throw new Error(`refusing to publish ${definition.type}: ${z.prettifyError(result.error)}`);
  }
  return result.data as z.infer<D['schema']>;
}

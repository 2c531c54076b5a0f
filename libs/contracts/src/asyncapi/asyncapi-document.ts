import { z } from 'zod';
import { EVENT_DEFINITIONS, EventDefinition, Producer } from '../events/catalogue';
import { CE_HEADERS } from '../cloudevents/cloud-event';
import { TOPIC_CATALOGUE, TopicSpec } from '../topics';

/** Which service consumes which producer's topic; the AsyncAPI document records these arrows. */
export const SUBSCRIPTIONS: Record<'funding' | 'capacity' | 'reporting', readonly Producer[]> = {
  funding: ['projects'],
  capacity: ['projects'],
  reporting: ['projects', 'funding', 'capacity'],
};

const messageName = (definition: EventDefinition) =>
  definition.type
    .replace(/^cn\.xiaojian\./, '')
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const channelName = (topic: TopicSpec) => topic.name.replace(/^xiaojian\./, '').replace(/\./g, '-');

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
  return rest;
}

const cloudEventHeaders = {
  type: 'object',
  required: [CE_HEADERS.id, CE_HEADERS.type, CE_HEADERS.source, CE_HEADERS.specversion, CE_HEADERS.time, CE_HEADERS.subject],
  properties: {
    [CE_HEADERS.id]: { type: 'string', format: 'uuid', description: 'Event id; consumers deduplicate on it' },
    [CE_HEADERS.type]: { type: 'string', description: 'Event type with its major version' },
    [CE_HEADERS.source]: { type: 'string', description: 'Producing service, e.g. /xiaojian/projects' },
    [CE_HEADERS.specversion]: { type: 'string', const: '1.0' },
    [CE_HEADERS.time]: { type: 'string', format: 'date-time', description: 'When the change was committed (UTC)' },
    [CE_HEADERS.subject]: { type: 'string', description: 'Aggregate id; equals the Kafka key' },
    [CE_HEADERS.correlationId]: { type: 'string', description: 'Correlation id of the request that caused the event' },
    [CE_HEADERS.contentType]: { type: 'string', const: 'application/json' },
  },
};

/** Builds the AsyncAPI 3.0 document of every topic and message from the contracts themselves. */
export function buildAsyncApiDocument(version = '1.0.0'): Record<string, unknown> {
  const producedTopics = TOPIC_CATALOGUE.filter((topic) => EVENT_DEFINITIONS.some((d) => d.topic.name === topic.name));
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const topic of producedTopics) {
    const definitions = EVENT_DEFINITIONS.filter((d) => d.topic.name === topic.name);
    const channel = channelName(topic);
    const channelMessages: Record<string, unknown> = {};
    for (const definition of definitions) {
      const name = messageName(definition);
      channelMessages[name] = { $ref: `#/components/messages/${name}` };
      messages[name] = {
        name,
        title: definition.type,
        summary: definition.summary,
        contentType: 'application/json',
        headers: cloudEventHeaders,
        payload: jsonSchema(definition.schema),
        bindings: { kafka: { key: { type: 'string', description: 'Aggregate id (CloudEvents subject)' } } },
      };
    }
    channels[channel] = {
      address: topic.name,
      description: topic.description,
      messages: channelMessages,
      bindings: { kafka: { partitions: topic.partitions } },
    };
    const messageRefs = Object.keys(channelMessages).map((name) => ({ $ref: `#/channels/${channel}/messages/${name}` }));
    const producer = definitions[0].producer;
    operations[`${producer}Publishes-${channel}`] = {
      action: 'send',
      summary: `${producer} publishes through its transactional outbox`,
      channel: { $ref: `#/channels/${channel}` },
      messages: messageRefs,
    };
    for (const [consumer, producers] of Object.entries(SUBSCRIPTIONS)) {
      if (!producers.includes(producer)) continue;
      operations[`${consumer}Consumes-${channel}`] = {
        action: 'receive',
        summary: `${consumer} applies these events exactly once in effect (inbox keyed by ce_id)`,
        channel: { $ref: `#/channels/${channel}` },
        messages: messageRefs,
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Xiaojian (校建) events',
      version,
      description:
        'Events exchanged by the projects, funding, capacity and reporting services. CloudEvents 1.0 in Kafka binary mode: attributes as ce_* headers, JSON body, Kafka key = aggregate id.',
    },
    defaultContentType: 'application/json',
    servers: {
      production: { host: 'kafka:9092', protocol: 'kafka', description: 'Apache Kafka (KRaft) from docker-compose.yml' },
      local: { host: 'localhost:9092', protocol: 'kafka', description: 'Local Kafka-protocol broker started by npm start' },
    },
    channels,
    operations,
    components: { messages },
  };
}

import { randomUUID } from 'node:crypto';
import { decodeKafkaRecord, Events, EVENT_DEFINITIONS, toKafkaRecord, validateEventData, TOPIC_CATALOGUE } from '../index';

const projectId = randomUUID();
const accepted = {
  projectId,
  countyCode: '341321',
  townshipCode: '341321100',
  schoolCode: 'S-001',
  schoolLevel: 'kindergarten',
  ownership: 'public',
  acceptanceDate: '2025-10-20',
  deliveredSeats: 270,
  deliveredFloorArea: 2100.5,
  finalCostFen: 104650000,
  actor: 'planner-1',
};

function record(data: unknown, type = Events.ProjectAcceptedV1.type) {
  return toKafkaRecord({
    id: randomUUID(),
    type,
    source: '/xiaojian/projects',
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: projectId,
    correlationId: 'req-1',
    data,
  });
}

describe('CloudEvents binary mode', () => {
  it('round-trips a valid event with its attributes as ce_* headers and the aggregate id as key', () => {
    const r = record(accepted);
    expect(r.key).toBe(projectId);
    expect(r.headers.ce_specversion).toBe('1.0');
    const decoded = decodeKafkaRecord(r.headers, Buffer.from(r.value));
    expect(decoded.kind).toBe('ok');
    if (decoded.kind !== 'ok') return;
    expect(decoded.event.data).toEqual(accepted);
    expect(decoded.event.correlationId).toBe('req-1');
    expect(decoded.definition).toBe(Events.ProjectAcceptedV1);
  });

  it('rejects a payload that violates the contract, naming the field', () => {
    const r = record({ ...accepted, deliveredSeats: -3 });
    const decoded = decodeKafkaRecord(r.headers, r.value);
    expect(decoded).toMatchObject({ kind: 'invalid' });
    expect(decoded.kind === 'invalid' && decoded.reason).toContain('deliveredSeats');
  });

  it('rejects missing CloudEvents headers and non-JSON bodies', () => {
    const r = record(accepted);
    const { ce_time: _time, ...headers } = r.headers;
    expect(decodeKafkaRecord(headers, r.value)).toMatchObject({ kind: 'invalid' });
    expect(decodeKafkaRecord(r.headers, '{not json')).toMatchObject({ kind: 'invalid', reason: 'body is not valid JSON' });
  });

  it('reports an unknown type (for example a newer major version) instead of failing', () => {
    const r = record(accepted, 'cn.xiaojian.projects.project.accepted.v2');
    expect(decodeKafkaRecord(r.headers, r.value)).toMatchObject({ kind: 'unknown_type', type: 'cn.xiaojian.projects.project.accepted.v2' });
  });

  it('validates on the producer side too', () => {
    expect(() => validateEventData(Events.ProjectAcceptedV1, { ...accepted, finalCostFen: 1.5 })).toThrow(/finalCostFen/);
    expect(validateEventData(Events.ProjectAcceptedV1, accepted)).toEqual(accepted);
  });

  it('declares every type once, with a major version, on a catalogued topic', () => {
    const types = EVENT_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const definition of EVENT_DEFINITIONS) {
      expect(definition.type).toMatch(/\.v\d+$/);
      expect(TOPIC_CATALOGUE).toContain(definition.topic);
    }
  });
});

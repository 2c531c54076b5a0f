import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument, EVENT_DEFINITIONS } from '../index';

describe('AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  it('is valid according to the official AsyncAPI parser', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
    const messageTitles = parsed!.allMessages().all().map((m) => m.title());
    expect(new Set(messageTitles)).toEqual(new Set(EVENT_DEFINITIONS.map((d) => d.type)));
  });

  it('is the committed libs/contracts/asyncapi.json (run `npm run asyncapi` after changing a contract)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(document);
  });
});

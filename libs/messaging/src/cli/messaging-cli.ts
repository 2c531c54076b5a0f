import { parseArgs } from 'node:util';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { listDeadLetters, replayDeadLetters } from '../consumer/dead-letters';
import { outboxStats, republishOutboxRange } from '../outbox/outbox-admin';

export interface MessagingCliDeps {
  dataSource: DataSource;
  /** Connected producer, created only for commands that publish. */
  producer: () => Promise<Producer>;
  print: (line: string) => void;
}

export const MESSAGING_CLI_USAGE = `commands:
  outbox:stats                                   pending / published counts of the outbox
  outbox:republish --from-seq N [--to-seq M]     re-send published events (broker lost data)
  outbox:republish --since ISO [--until ISO]
  dead-letters:list [--all]                      dead letters not yet replayed (--all: also replayed)
  dead-letters:replay --id ID [--id ID ...]      send dead letters back to their original topic
  dead-letters:replay --all`;

function parseDate(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${flag} expects an ISO-8601 time, got "${value}"`);
  return date;
}

/** The operator commands behind `npm run messaging -- <service> <command>`. Returns the exit code. */
export async function runMessagingCli(command: string, args: string[], deps: MessagingCliDeps): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'from-seq': { type: 'string' },
      'to-seq': { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean' },
    },
  });
  switch (command) {
    case 'outbox:stats': {
      deps.print(JSON.stringify(await outboxStats(deps.dataSource), null, 2));
      return 0;
    }
    case 'outbox:republish': {
      const count = await republishOutboxRange(deps.dataSource, {
        fromSeq: values['from-seq'],
        toSeq: values['to-seq'],
        since: parseDate(values.since, '--since'),
        until: parseDate(values.until, '--until'),
      });
      deps.print(`${count} events marked for re-publishing; the running relay sends them in their original order`);
      return 0;
    }
    case 'dead-letters:list': {
      const letters = await listDeadLetters(deps.dataSource, { includeReplayed: values.all });
      for (const l of letters) {
        deps.print(
          [l.id, l.failedAt.toISOString(), `${l.topic}[${l.partition}]@${l.offset}`, l.eventType ?? '-', `attempts=${l.attempts}`, l.replayedAt ? 'replayed' : 'pending', l.error].join('  '),
        );
      }
      deps.print(`${letters.length} dead letter(s)`);
      return 0;
    }
    case 'dead-letters:replay': {
      if (!values.all && !values.id?.length) throw new Error('dead-letters:replay needs --id ID or --all');
      const producer = await deps.producer();
      const count = await replayDeadLetters(deps.dataSource, producer, values.all ? 'all' : values.id!);
      deps.print(`${count} dead letter(s) replayed`);
      return 0;
    }
    default:
      deps.print(`unknown command "${command}"\n${MESSAGING_CLI_USAGE}`);
      return 2;
  }
}

import { Job, UnrecoverableError } from 'bullmq';
import type { ReportingConfig } from '../../config';
import type { BulletinQueues } from '../../queues/bulletin-queues';
import type { DeliverJobData } from '../../queues/queue.constants';
import type { DivisionService } from '../../divisions/division.service';
import type { DeliveryRepository, DeliveryWork } from '../delivery.repository';
import { DeliveryService, DeliveryTransports } from '../delivery.service';
import type { DeliveryOutcome } from '../transports/delivery-outcome';

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() } as never;
const config = { PUBLIC_BASE_URL: 'https://xj.example.cn/' } as ReportingConfig;

function work(kind: 'webhook' | 'email', status: 'pending' | 'sent' = 'pending'): DeliveryWork {
  return {
    delivery: { id: 'd-1', bulletinId: 'b-1', subscriberId: 's-1', status, attempts: 0, lastError: null, createdAt: new Date(), updatedAt: new Date(), deliveredAt: null },
    bulletin: { id: 'b-1', countyCode: '341321', contentHash: 'hash', document: { version: 1 } } as never,
    subscriber: { id: 's-1', kind, target: kind === 'webhook' ? 'http://127.0.0.1:1/hook' : 'x@example.cn', secret: 'secret-0123456789', format: 'json', language: 'zh-CN', active: true } as never,
  };
}

const NAMES = { '341321': '砀山县', '341321101': '砀城镇' };

function setup(row: DeliveryWork | null, outcome: DeliveryOutcome, email = false) {
  const repo = { work: jest.fn(async () => row), markSent: jest.fn(), markAttemptFailed: jest.fn() };
  const transports: DeliveryTransports = {
    webhook: { deliver: jest.fn(async () => outcome) },
    email: email ? { deliver: jest.fn(async () => outcome), close: jest.fn() } : null,
  };
  const divisions = { namesOfCounty: jest.fn(async (county: string) => (county === '341321' ? NAMES : {})) };
  const service = new DeliveryService(repo as unknown as DeliveryRepository, {} as BulletinQueues, config, logger, transports, divisions as unknown as DivisionService);
  return { service, repo, transports, divisions };
}

const job = (attemptsMade: number, attempts = 5) => ({ data: { deliveryId: 'd-1', bulletinId: 'b-1', subscriberId: 's-1' }, attemptsMade, opts: { attempts } }) as unknown as Job<DeliverJobData>;
const failure = (retryable: boolean): DeliveryOutcome => ({ ok: false, transport: 'webhook', deliveryId: 'd-1', retryable, reason: 'http_status', status: retryable ? 503 : 400, message: `HTTP ${retryable ? 503 : 400}`, durationMs: 1 });

describe('a delivery job', () => {
  it('marks the delivery sent and passes links to every format', async () => {
    const { service, repo, transports } = setup(work('webhook'), { ok: true, transport: 'webhook', deliveryId: 'd-1', status: 200, detail: 'ok', durationMs: 1 });
    await expect(service.process(job(1))).resolves.toEqual({ status: 'sent' });
    expect(repo.markSent).toHaveBeenCalledWith('d-1', 2);
    const request = (transports.webhook.deliver as jest.Mock).mock.calls[0][1];
    expect(request.links.pdf).toBe('https://xj.example.cn/api/v1/bulletins/b-1/content?format=pdf');
    expect((transports.webhook.deliver as jest.Mock).mock.calls[0][0]).toEqual({ url: 'http://127.0.0.1:1/hook', secret: 'secret-0123456789', payload: 'json', lang: 'zh-CN' });
  });

  it('passes the names of the bulletin’s county and townships to the webhook and e-mail transports', async () => {
    const sent: DeliveryOutcome = { ok: true, transport: 'webhook', deliveryId: 'd-1', status: 200, detail: 'ok', durationMs: 1 };
    const webhook = setup(work('webhook'), sent);
    await webhook.service.process(job(0));
    expect(webhook.divisions.namesOfCounty).toHaveBeenCalledWith('341321');
    expect((webhook.transports.webhook.deliver as jest.Mock).mock.calls[0][1].divisionNames).toEqual(NAMES);

    const email = setup(work('email'), { ...sent, transport: 'email' }, true);
    await expect(email.service.process(job(0))).resolves.toEqual({ status: 'sent' });
    expect((email.transports.email!.deliver as jest.Mock).mock.calls[0][1].divisionNames).toEqual(NAMES);
  });

  it('keeps a retryable failure pending and throws so BullMQ retries with backoff', async () => {
    const { service, repo } = setup(work('webhook'), failure(true));
    await expect(service.process(job(0))).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(repo.markAttemptFailed).toHaveBeenCalledWith('d-1', 1, 'pending', 'HTTP 503');
  });

  it('fails for good on the last attempt', async () => {
    const { service, repo } = setup(work('webhook'), failure(true));
    await expect(service.process(job(4, 5))).rejects.toThrow('HTTP 503');
    expect(repo.markAttemptFailed).toHaveBeenCalledWith('d-1', 5, 'failed', 'HTTP 503');
  });

  it('gives up at once on a permanent failure', async () => {
    const { service, repo } = setup(work('webhook'), failure(false));
    await expect(service.process(job(0))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(repo.markAttemptFailed).toHaveBeenCalledWith('d-1', 1, 'failed', 'HTTP 400');
  });

  it('never sends a delivery that was already sent', async () => {
    const { service, transports } = setup(work('webhook', 'sent'), failure(true));
    await expect(service.process(job(0))).resolves.toEqual({ status: 'already-sent' });
    expect(transports.webhook.deliver).not.toHaveBeenCalled();
  });

  it('fails an e-mail delivery permanently when no SMTP server is configured', async () => {
    const { service, repo } = setup(work('email'), failure(true), false);
    await expect(service.process(job(0))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(repo.markAttemptFailed).toHaveBeenCalledWith('d-1', 1, 'failed', expect.stringContaining('SMTP_URL'));
  });
});

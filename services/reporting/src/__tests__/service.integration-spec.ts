import { randomUUID } from 'node:crypto';
import { describeServiceBasics } from '@xiaojian/service-testing';
import { lastDayOfMonth } from '@xiaojian/domain-kernel';
import { AppModule, REPORTING_SERVICE } from '../app.module';
import { BulletinQueues } from '../queues/bulletin-queues';
import { MONTH_END_SCHEDULER } from '../queues/queue.constants';
import { reportingConfigSchema } from '../config';
import { reportingDatabase } from '../database/database';

describeServiceBasics(
  {
    service: 'reporting',
    configSchema: reportingConfigSchema,
    createModule: AppModule.forRoot,
    database: reportingDatabase,
    swagger: REPORTING_SERVICE,
    env: { BULLMQ_PREFIX: `xj-test-${randomUUID().slice(0, 8)}` },
    readinessChecks: ['consumer', 'kafka', 'postgres', 'redis'],
  },
  (service) => {
    it('schedules the month-end bulletin run on the last day of each month, 23:30 in Shanghai', async () => {
      const scheduler = await service().app.get(BulletinQueues).generation.getJobScheduler(MONTH_END_SCHEDULER);
      expect(scheduler).toMatchObject({ pattern: '0 30 23 L * *', tz: 'Asia/Shanghai' });
      const next = new Date(Number(scheduler!.next));
      const shanghai = new Date(next.getTime() + 8 * 3600_000).toISOString();
      expect(shanghai.slice(11, 16)).toBe('23:30');
      expect(shanghai.slice(0, 10)).toBe(lastDayOfMonth(shanghai.slice(0, 7)));
    });
  },
);

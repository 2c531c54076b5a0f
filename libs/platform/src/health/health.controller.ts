import { Controller, Get, Header, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { Public } from '../auth/auth.decorators';
import type { PlatformResponse } from '../http/http.types';
import { PLATFORM_LOGGER } from '../logging/logging.constants';
import { HEALTH_CHECKS } from './health.constants';
import { type HealthCheck, type ReadinessReport, runHealthChecks } from './health-check';

/** Liveness and readiness probes; outside the `api/v1` prefix and without authentication. */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  private readonly logger?: Logger;

  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Optional() @Inject(PLATFORM_LOGGER) logger?: Logger,
  ) {
    this.logger = logger?.child({ component: 'health' });
  }

  /** Liveness: the process answers. Never touches dependencies. */
  @Get()
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every dependency check passes within its timeout. */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) res: PlatformResponse): Promise<ReadinessReport> {
    const report = await runHealthChecks(this.checks);
    if (report.status !== 'ok') {
      res.statusCode = HttpStatus.SERVICE_UNAVAILABLE;
      const down = Object.entries(report.checks).filter(([, r]) => r.status === 'down');
      this.logger?.warn({ checks: Object.fromEntries(down) }, `Not ready: ${down.map(([n]) => n).join(', ')} down`);
    }
    return report;
  }
}

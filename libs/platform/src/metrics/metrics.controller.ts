import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import type { PlatformResponse } from '../http/http.types';
import { metricsRegistry } from './metrics.registry';

/** Prometheus scrape endpoint, outside `api/v1` and without authentication. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  async scrape(@Res({ passthrough: true }) res: PlatformResponse): Promise<string> {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return metricsRegistry.metrics();
  }
}

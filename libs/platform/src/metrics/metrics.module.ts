import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** `GET /metrics`. Imported by `PlatformModule`. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}

import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The service's one Prometheus registry. Other libraries register on it:
 * `new Counter({ name: 'outbox_published_total', help: '…', registers: [metricsRegistry] })`.
 * Every series carries the `service` label (set by `PlatformModule`).
 */
export const metricsRegistry = new Registry();

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration in seconds, by method, route template and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

let defaultMetricsStarted = false;

/** Sets the `service` label and starts Node's default metrics (once per process). */
export function configureMetrics(options: { service: string }): void {
  metricsRegistry.setDefaultLabels({ service: options.service });
  if (!defaultMetricsStarted) {
    collectDefaultMetrics({ register: metricsRegistry });
    defaultMetricsStarted = true;
  }
}

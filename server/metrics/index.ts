/**
 * Operators' metrics (Prometheus). The server entry imports this only when METRICS_ADDRESS is
 * set, so a server without it loads no prom-client; collab and the job pool report through the
 * interfaces in recorder.ts either way.
 */
export { createPrometheusMetrics, type PrometheusMetrics } from "./prometheus";
export { startMetricsListener, type MetricsListener } from "./listener";

// Health, readiness and Prometheus metrics for the app (server/main.ts) and the dedicated worker (worker-main.ts).
export { createMetricsRegistry } from './metrics-registry'
export { createCollabMetrics, type CollabMetrics } from './collab-metrics'
export { createJobMetrics, type JobMetrics } from './job-metrics'
export { createReadiness, type Readiness, type ReadinessCheck, type ReadinessReport } from './readiness'
export { databaseCheck, notStoppingCheck, storageCheck } from './readiness-checks'
export { createHealthRoutes, type HealthRoutes } from './health-routes'
export { startHealthServer } from './start-health-server'

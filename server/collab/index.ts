// The collaboration WebSocket server (y-websocket protocol) mounted by server/main.ts on /collab/*.
export { createCollabServer, type CollabServer, type CollabServerOptions, type CollabStats, type ConnectionInfo } from './server'
export { noCollabMetrics, type CollabMetricsSink, type UpdateSource } from './collab-metrics-sink'
export { registerGuestResolver, type GuestPrincipal, type GuestResolver, type Principal, type UpgradeRequestInfo } from './auth'
export { loadCollabConfig, type CollabConfig } from './config'
export { changeDocument, readDocument, type LiveDocuments } from './document-access'
export { getCollabServer, setCollabServer } from './global-handle'

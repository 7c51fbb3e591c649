export * as schema from './schema'
export { getDb, getDatabase, type Db, type DatabaseHandle } from './client'

import type { Locker } from '@tus/server'
import { PgAdvisoryLocker } from './pg-advisory-locker'

// Which locker keeps two requests from writing one upload at once, from the environment: with DATABASE_URL (how
// several instances share a database) PostgreSQL advisory locks that every instance sees; otherwise the database is
// PGlite, which only one process can open, so @tus/server's in-memory locker is all there is to share.

type EnvSource = Record<string, string | undefined>

/** A locker shared through DATABASE_URL's PostgreSQL, or undefined for the in-process default. */
export function uploadLockerFromEnv(env: EnvSource = process.env): Locker | undefined {
  return env.DATABASE_URL ? new PgAdvisoryLocker({ connectionString: env.DATABASE_URL }) : undefined
}

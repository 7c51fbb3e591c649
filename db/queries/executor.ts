import type { Db } from '../client'

/** A transaction handle from Db.transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** Either the database or an open transaction; query helpers accept both so services choose the boundary. */
export type Executor = Db | Tx

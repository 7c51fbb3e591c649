import { createCutUploadServer, type CutUploadServer, type CutUploadServerOptions } from './cut-upload-server'
import { maxUploadBytesFromEnv, uploadsDirFromEnv } from './upload-limits'
import { uploadLockerFromEnv } from './upload-locker'

// The process's one upload server. On globalThis because route modules may be evaluated more than once, and every
// request for an upload must meet the same lock table and the same record of uploads being finished.

export const cutUploadPath = '/api/uploads'

const globalKey = Symbol.for('storyreel.cutUploadServer')
type GlobalWithServer = typeof globalThis & { [globalKey]?: CutUploadServer }

export function getCutUploadServer(hooks: Pick<CutUploadServerOptions, 'authenticate' | 'authorize' | 'finish'>): CutUploadServer {
  const store = globalThis as GlobalWithServer
  store[globalKey] ??= createCutUploadServer({
    path: cutUploadPath,
    // Several instances share one upload when this folder is one shared volume and DATABASE_URL one database.
    directory: uploadsDirFromEnv(),
    maxBytes: maxUploadBytesFromEnv(),
    locker: uploadLockerFromEnv(),
    ...hooks,
  })
  return store[globalKey]
}

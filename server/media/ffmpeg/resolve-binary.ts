import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// Where ffmpeg and ffprobe come from: FFMPEG_PATH / FFPROBE_PATH, else the system PATH (Debian's ffmpeg 5.1 has
// every filter we use), else the binaries shipped by @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe when
// someone installed them (that ffmpeg is a 2018 build: fine as an encoder, no xfade). Never ffmpeg-static: its install
// step downloads from the internet and fails offline.

export interface ResolvedBinary {
  path: string
  source: 'env' | 'path' | 'installer'
}

export class BinaryNotFoundError extends Error {
  override name = 'BinaryNotFoundError'
}

interface BinarySpec {
  name: 'ffmpeg' | 'ffprobe'
  envVar: 'FFMPEG_PATH' | 'FFPROBE_PATH'
  installerPackage: '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe'
}

const ffmpeg: BinarySpec = { name: 'ffmpeg', envVar: 'FFMPEG_PATH', installerPackage: '@ffmpeg-installer/ffmpeg' }
const ffprobe: BinarySpec = { name: 'ffprobe', envVar: 'FFPROBE_PATH', installerPackage: '@ffprobe-installer/ffprobe' }

export interface ResolveOptions {
  env?: Record<string, string | undefined>
  /** Loads an installer package ({ path }); tests pass their own. */
  loadInstaller?: (packageName: string) => unknown
}

export const resolveFfmpeg = (options: ResolveOptions = {}) => resolveBinary(ffmpeg, options)
export const resolveFfprobe = (options: ResolveOptions = {}) => resolveBinary(ffprobe, options)

function resolveBinary(spec: BinarySpec, { env = process.env, loadInstaller = requireFromApp }: ResolveOptions): ResolvedBinary {
  const configured = env[spec.envVar]?.trim()
  if (configured) {
    // A wrong setting is a mistake to report, not a reason to quietly run some other ffmpeg.
    if (!isExecutableFile(configured)) {
      throw new BinaryNotFoundError(`${spec.envVar} is set to "${configured}", which is not an executable file.`)
    }
    return { path: configured, source: 'env' }
  }
  const fileName = process.platform === 'win32' ? `${spec.name}.exe` : spec.name
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue
    const candidate = path.join(folder, fileName)
    if (isExecutableFile(candidate)) return { path: candidate, source: 'path' }
  }
  const installed = installerPath(spec.installerPackage, loadInstaller)
  if (installed) return { path: installed, source: 'installer' }
  throw new BinaryNotFoundError(
    `${spec.name} was not found. Install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg), ` +
      `or set ${spec.envVar} to its full path.`,
  )
}

function installerPath(packageName: string, load: (name: string) => unknown): string | null {
  let loaded: unknown
  try {
    loaded = load(packageName)
  } catch {
    return null // not installed; it is optional
  }
  const binary = (loaded as { path?: unknown } | null)?.path
  return typeof binary === 'string' && isExecutableFile(binary) ? binary : null
}

// Resolved from the app's folder, and by a name held in a variable, so bundlers do not try to include the package.
function requireFromApp(packageName: string): unknown {
  return createRequire(path.join(process.cwd(), 'package.json'))(packageName)
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

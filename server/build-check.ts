import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

// Everything that changes the Next.js production build. A stale or missing build is rebuilt on `npm start`,
// so the README's two commands work right after `npm install`.
const inputs = ['app', 'components', 'lib', 'server', 'db', 'public', 'next.config.mjs', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs']

function fingerprint(root: string): string {
  const hash = crypto.createHash('sha256')
  const visit = (target: string) => {
    if (!fs.existsSync(target)) return
    const stat = fs.statSync(target)
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue
        visit(path.join(target, entry))
      }
    } else if (!/\.test\.tsx?$/.test(target)) {
      hash.update(`${path.relative(root, target)}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  for (const input of inputs) visit(path.join(root, input))
  return hash.digest('hex')
}

export function ensureProductionBuild(root: string, log: (line: string) => void): void {
  const stamp = path.join(root, '.next', 'storyreel-build-fingerprint')
  const wanted = fingerprint(root)
  const builtWith = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : null
  if (builtWith === wanted) return
  log(builtWith ? 'Sources changed since the last build; rebuilding (about a minute)…' : 'No production build yet; building (about a minute)…')
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" } })
  if (result.status !== 0) throw new Error('next build failed; see the output above.')
  fs.writeFileSync(stamp, wanted)
}

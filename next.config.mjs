/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WASM packages that must load from node_modules at run time, not be bundled:
  // PGlite in particular must be one instance per process, shared with server/main.ts.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pg-boss', 'drizzle-orm', '@node-rs/argon2', 'ioredis', 'ws'],
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
}

export default nextConfig

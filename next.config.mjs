/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WASM packages that must load from node_modules at run time, not be bundled:
  // PGlite in particular must be one instance per process, shared with server/main.ts; @napi-rs/canvas is a native
  // addon (offline generator, animatic frames) that Next does not externalise by itself. @aws-sdk/lib-storage goes
  // with @aws-sdk/client-s3, which Next already externalises, so both load the one SDK from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pg-boss', 'drizzle-orm', '@node-rs/argon2', 'ioredis', 'ws', 'pdf-lib', '@pdf-lib/fontkit', '@napi-rs/canvas', '@aws-sdk/lib-storage', '@trustnxt/c2pa-ts', '@peculiar/x509'],
  experimental: {
    // A shot-list CSV import is sent to a server action; its own limit (5 MB, lib/schemas) is the real one.
    serverActions: { bodySizeLimit: '6mb' },
  },
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
  // Guest review pages: nothing about the review leaks to other sites through Referer, and no shared cache keeps it.
  async headers() {
    return [
      {
        source: '/review/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
    ]
  },
}

export default nextConfig

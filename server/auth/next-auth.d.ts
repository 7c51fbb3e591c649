import type { DefaultSession } from 'next-auth'

// session.user.id is part of our JWT contract (auth-options.ts); this makes it visible to TypeScript.
declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string }
  }
}

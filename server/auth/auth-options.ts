import type { NextAuthOptions } from 'next-auth'

// Filled in by the auth work: credentials (argon2id), optional GitHub/Google/email, JWT sessions.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt' },
  providers: [],
}

// next-auth's own endpoints: sign-in, callbacks, session, CSRF, sign-out.
import NextAuth from 'next-auth'
import { authOptions } from '@/server/auth/auth-options'

const handler = NextAuth(authOptions)
export { handler as GET, handler as POST }

import type { NextAuthOptions } from 'next-auth'
import type { Provider } from 'next-auth/providers/index'
import CredentialsProvider from 'next-auth/providers/credentials'
import EmailProvider from 'next-auth/providers/email'
import GitHubProvider from 'next-auth/providers/github'
import GoogleProvider from 'next-auth/providers/google'
import { isAppError } from '@/lib/errors'
import { signInWithPassword } from '@/server/services/auth/sign-in-with-password'
import { createPersonalWorkspace } from '@/server/services/workspaces/create-personal-workspace'
import { clientIp } from './client-ip'
import { lazyDrizzleAdapter } from './lazy-adapter'

/**
 * next-auth v4 with JWT sessions. The collaboration server verifies the same JWT, so its contract is fixed:
 * token.sub is users.id, token.name and token.email are the user's; session.user.id mirrors token.sub.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt' },
  pages: { signIn: '/sign-in' },
  adapter: lazyDrizzleAdapter(),
  providers: buildProviders(process.env as ProviderEnv),
  callbacks: {
    async jwt({ token, user }) {
      // `user` is only present on the sign-in that mints the token.
      if (user) {
        token.sub = user.id
        token.name = user.name ?? null
        token.email = user.email ?? null
      }
      return token
    },
    async session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub, name: token.name ?? null, email: token.email ?? null }
      return session
    },
  },
  events: {
    // Password accounts get their workspace inside sign-up; this covers accounts the adapter creates (OAuth, magic link).
    async createUser({ user }) {
      await createPersonalWorkspace({ user: { id: user.id, name: user.name ?? null, email: user.email ?? '' } })
    },
  },
}

type ProviderEnv = Partial<Record<'GITHUB_ID' | 'GITHUB_SECRET' | 'GOOGLE_CLIENT_ID' | 'GOOGLE_CLIENT_SECRET' | 'EMAIL_SERVER' | 'EMAIL_FROM', string>>

/** Password sign-in always; GitHub, Google and magic links only when both of their variables are set. */
export function buildProviders(env: ProviderEnv): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        try {
          return await signInWithPassword({ email: credentials?.email, password: credentials?.password, ip: clientIp(req?.headers) })
        } catch (error) {
          // null is next-auth's "CredentialsSignin": the one generic failure for wrong password and unknown email.
          if (isAppError(error) && error.code === 'UNAUTHENTICATED') return null
          // next-auth passes a thrown message through to signIn()'s `error`, so the user reads why (e.g. rate limit).
          if (isAppError(error)) throw new Error(error.userMessage)
          throw error
        }
      },
    }),
  ]
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }))
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }))
  }
  if (env.EMAIL_SERVER && env.EMAIL_FROM) {
    providers.push(EmailProvider({ server: env.EMAIL_SERVER, from: env.EMAIL_FROM }))
  }
  return providers
}

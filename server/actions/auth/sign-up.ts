'use server'
// Creates a password account and its personal workspace; with an invite token, also joins that workspace.
import { signUpInput } from '@/lib/schemas/auth'
import { signUp } from '@/server/services/auth/sign-up'
import { runAction } from '../run-action'

export async function signUpAction(input: unknown) {
  return runAction(signUpInput, input, (data, actor) => signUp({ ...data, actor }))
}

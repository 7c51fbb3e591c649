// Sign-in says the same thing for a wrong password and an unknown email, so it never reveals who has an account.
import { test, expect } from '../fixtures/actors'
import { invalidCredentialsMessage } from '../../lib/schemas/auth'

test('a wrong password and an unknown email get the same generic message', async ({ actors }) => {
  const { owner, second } = actors
  await owner.signUp()

  await second.signInPage.goto()
  await second.signInPage.signIn(owner.email, `${owner.password}-wrong`)
  await expect(second.signInPage.error).toHaveText(invalidCredentialsMessage)
  await expect(second.page).toHaveURL(/\/sign-in/)

  await second.signInPage.signIn(`nobody-${owner.email}`, owner.password)
  await expect(second.signInPage.error).toHaveText(invalidCredentialsMessage)

  // The right password works and lands in the owner's workspace.
  await second.signInPage.signIn(owner.email, owner.password)
  await expect(second.page).toHaveURL(/\/w\/[^/]+$/)
  await expect(second.page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible()
})

test('signed-out visitors are sent to sign in and come back afterwards', async ({ actors }) => {
  const { owner, second } = actors
  const workspaceId = await owner.signUp()
  await owner.page.goto(`/w/${workspaceId}/members`)
  await expect(owner.page.getByRole('heading', { name: 'Members' })).toBeVisible()

  await second.page.goto(`/w/${workspaceId}/members`)
  await expect(second.page).toHaveURL(/\/sign-in\?callbackUrl=/)
  await second.signInPage.signIn(owner.email, owner.password)
  await expect(second.page).toHaveURL(new RegExp(`/w/${workspaceId}$`))
})

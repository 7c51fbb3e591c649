// Invitation links that can no longer be used say why, and owners can take back a link.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'

test('an invitation that was already used says so, even to someone signed in', async ({ actors }) => {
  const { owner, second, stranger } = actors
  const workspaceId = await owner.signUp()
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Editor')

  // The second person is already signed in (their own account), and accepts with one click.
  await second.signUp()
  await second.page.goto(inviteUrl)
  await second.page.getByRole('button', { name: /^Accept and join/ }).click()
  await expect(second.page).toHaveURL(new RegExp(`/w/${workspaceId}$`))
  await expect(toast(second.page, 'You joined', 'success')).toBeVisible()

  // The link is spent: a third person sees why, signed out and signed in, and is not let in.
  await stranger.page.goto(inviteUrl)
  await expect(stranger.page.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible()
  await expect(stranger.page.getByRole('link', { name: 'Create an account to join' })).toHaveCount(0)
  await stranger.signUp()
  await stranger.page.goto(inviteUrl)
  await expect(stranger.page.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible()
  await expect(stranger.page.getByRole('button', { name: /^Accept/ })).toHaveCount(0)

  // The owner sees the new member, not a pending link.
  await owner.members.goto(workspaceId)
  await expect(owner.members.memberRow(second.name)).toBeVisible()
  await expect(owner.page.getByTestId('invitation-row')).toHaveCount(0)
})

test('a revoked invitation stops working and leaves the pending list', async ({ actors }) => {
  const { owner, second } = actors
  const workspaceId = await owner.signUp()
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Commenter')
  await expect(owner.page.getByTestId('invitation-row')).toHaveCount(1)

  await owner.page.getByRole('button', { name: /^Revoke invitation for/ }).click()
  await owner.page.getByRole('dialog').getByRole('button', { name: 'Revoke invitation' }).click()
  await expect(toast(owner.page, 'Invitation revoked', 'success')).toBeVisible()
  await expect(owner.page.getByTestId('invitation-row')).toHaveCount(0)

  await second.page.goto(inviteUrl)
  await expect(second.page.getByRole('heading', { name: 'This invitation was revoked' })).toBeVisible()
})

test('a mistyped invitation link is explained, not a crash', async ({ actors }) => {
  const { second } = actors
  await second.page.goto('/invite/not-a-real-token')
  await expect(second.page.getByRole('heading', { name: 'This invitation link is not valid' })).toBeVisible()
})

test('someone with an account signs in from the invitation and comes back to accept it', async ({ actors }) => {
  const { owner, second } = actors
  const workspaceId = await owner.signUp()
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Commenter')

  // The second person has an account but is signed out in this browser.
  await second.signUp()
  await second.page.getByRole('button', { name: /^Account:/ }).click()
  await second.page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(second.page).toHaveURL(/\/sign-in/)

  await second.page.goto(inviteUrl)
  await second.page.getByRole('link', { name: 'I already have an account' }).click()
  await second.signInPage.signIn(second.email, second.password)
  await expect(second.page).toHaveURL(new RegExp(new URL(inviteUrl).pathname))
  await second.page.getByRole('button', { name: /^Accept and join/ }).click()
  await expect(second.page).toHaveURL(new RegExp(`/w/${workspaceId}$`))
  await expect(second.page.getByText('Commenter', { exact: true })).toBeVisible()
})

// Owners manage people; everyone else sees who is there and nothing they cannot use.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'

test('an owner removes a member, who then gets 404 for the workspace; non-owners see no management controls', async ({ actors }) => {
  const { owner, second } = actors
  const workspaceId = await owner.signUp()
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Editor')
  await second.page.goto(inviteUrl)
  await second.page.getByRole('link', { name: 'Create an account to join' }).click()
  await second.signUpPage.signUp(second)

  // As an editor: the list, but no invite button, role pickers, remove buttons or pending links.
  await second.members.goto(workspaceId)
  await expect(second.members.memberRow(owner.name)).toContainText('Owner')
  await expect(second.page.getByRole('button', { name: 'Invite people' })).toHaveCount(0)
  await expect(second.page.getByRole('combobox')).toHaveCount(0)
  await expect(second.page.getByRole('button', { name: /^Remove / })).toHaveCount(0)
  await expect(second.page.getByRole('heading', { name: 'Pending invitations' })).toHaveCount(0)

  // The owner removes them, after confirming.
  await owner.members.goto(workspaceId)
  await owner.page.getByRole('button', { name: `Remove ${second.name}` }).click()
  await owner.page.getByRole('dialog').getByRole('button', { name: 'Remove member' }).click()
  await expect(toast(owner.page, `${second.name} was removed`, 'success')).toBeVisible()
  await expect(owner.members.memberRow(second.name)).toHaveCount(0)

  const response = await second.page.goto(`/w/${workspaceId}`)
  expect(response?.status()).toBe(404)
})

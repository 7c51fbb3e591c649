// Only owners rename a workspace; the new name shows everywhere the workspace is named.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'

test('an owner renames the workspace; an editor sees the field locked with the reason', async ({ actors }) => {
  const { owner, second } = actors
  const workspaceId = await owner.signUp()
  await owner.page.goto(`/w/${workspaceId}/settings`)
  await owner.page.getByRole('textbox', { name: 'Name', exact: true }).fill('Harbour Lights')
  await owner.page.keyboard.press('Enter')
  await expect(toast(owner.page, 'Workspace renamed', 'success')).toBeVisible()
  await expect(owner.page.getByRole('heading', { level: 1 })).toHaveText('Harbour Lights')
  await expect(owner.page.getByRole('button', { name: /Workspace: Harbour Lights/ })).toBeVisible()

  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Editor')
  await second.page.goto(inviteUrl)
  await second.page.getByRole('link', { name: 'Create an account to join' }).click()
  await second.signUpPage.signUp(second)
  await second.page.goto(`/w/${workspaceId}/settings`)
  await expect(second.page.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled()
  await expect(second.page.getByTestId('read-only-reason')).toHaveText('Only owners can rename the workspace.')
})

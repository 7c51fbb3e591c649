// The must-show: roles decide what people can do, the server enforces it, and the record says who did what.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'
import { uniqueSuffix } from '../fixtures/unique'

test('an invited viewer can read but not rename until promoted; outsiders get 404; activity tells the story', async ({ actors }) => {
  const { owner, second, stranger } = actors
  const workspaceName = `Northlight ${uniqueSuffix()}`
  const projectName = `Night Ferry ${uniqueSuffix()}`
  const renamed = `${projectName} (director's cut)`

  // The owner signs up, starts a team workspace and a 29.97 drop-frame project in it.
  await owner.signUp()
  const workspaceId = await owner.workspace.createWorkspace(workspaceName)
  const projectId = await owner.workspace.createProject({ name: projectName, frameRate: /^29\.97 fps drop-frame/ })
  await expect(owner.project.title).toHaveText(projectName)
  await expect(owner.page.getByRole('list', { name: 'Project format' }).first()).toContainText('29.97 fps DF')
  await expect(owner.page.getByRole('list', { name: 'Project format' }).first()).toContainText('01:00:00;00')

  // … and invites a second person by link, as a viewer.
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Viewer')

  // The second person opens the link signed out and signs up through it.
  await second.page.goto(inviteUrl)
  await expect(second.page.getByRole('heading', { name: workspaceName })).toBeVisible()
  await second.page.getByRole('link', { name: 'Create an account to join' }).click()
  const joinedWorkspaceId = await second.signUpPage.signUp(second)
  expect(joinedWorkspaceId).toBe(workspaceId)
  await expect(second.workspace.projectCard(projectName)).toBeVisible()

  // As a viewer the rename field is disabled, with the reason on screen.
  await second.workspace.projectCard(projectName).click()
  await expect(second.project.title).toHaveText(projectName)
  await second.page.getByRole('link', { name: 'Settings' }).click()
  await expect(second.project.nameInput).toBeDisabled()
  await expect(second.page.getByTestId('read-only-reason').first()).toContainText('You are a viewer')

  // Re-enabling the form in the browser does not help: the server refuses the rename.
  await second.page.evaluate(() => {
    for (const element of document.querySelectorAll('form [disabled]')) element.removeAttribute('disabled')
  })
  await second.project.rename('Hijacked title')
  await expect(toast(second.page, /editor/i, 'error')).toBeVisible()
  await second.page.reload()
  await expect(second.project.nameInput).toHaveValue(projectName)
  await expect(second.project.title).toHaveText(projectName)

  // The owner promotes them to editor; now the rename goes through.
  await owner.members.goto(workspaceId)
  await owner.members.changeRole(second.name, 'Editor')
  await expect(toast(owner.page, `${second.name} is now an editor`, 'success')).toBeVisible()

  await second.page.reload()
  await expect(second.project.nameInput).toBeEnabled()
  await second.project.rename(renamed)
  await expect(toast(second.page, 'Project renamed', 'success')).toBeVisible()
  await expect(second.project.title).toHaveText(renamed)

  // A signed-in stranger gets the 404 page for both the project and its workspace.
  await stranger.signUp()
  const projectResponse = await stranger.project.goto(projectId)
  expect(projectResponse?.status()).toBe(404)
  await expect(stranger.page.getByRole('heading', { name: 'This page could not be found' })).toBeVisible()
  await expect(stranger.page.getByText(projectName)).toHaveCount(0)
  const workspaceResponse = await stranger.page.goto(`/w/${workspaceId}`)
  expect(workspaceResponse?.status()).toBe(404)

  // The workspace's activity tells the whole story, newest first.
  await owner.activity.goto(workspaceId)
  const feed = owner.activity.items
  await expect(feed.filter({ hasText: `created project ${projectName}` })).toContainText('29.97 fps drop-frame')
  await expect(feed.filter({ hasText: 'invited someone by link as viewer' })).toHaveCount(1)
  await expect(feed.filter({ hasText: `${second.name} joined the workspace as viewer` })).toHaveCount(1)
  await expect(feed.filter({ hasText: new RegExp(`changed ${second.name}.s role from viewer to editor`) })).toHaveCount(1)
  await expect(feed.filter({ hasText: `renamed project ${projectName} to ${renamed}` })).toHaveCount(1)
  await expect(feed.first()).toContainText('renamed project')
})

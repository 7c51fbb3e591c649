// Board versions with two people on one board: the owner saves a version, the editor deletes a shot, the owner
// restores the version — and the shot is back on both open boards without anyone reloading.
import { test, expect, type Actor } from '../fixtures/actors'
import { BoardPage } from '../fixtures/board-pages'
import { uniqueSuffix } from '../fixtures/unique'

/** The owner makes a team workspace and a 24 fps project, and the second actor joins it with `role`. */
async function projectWithMember(owner: Actor, member: Actor, role: 'Editor' | 'Viewer') {
  await owner.signUp()
  const workspaceId = await owner.workspace.createWorkspace(`Storyroom ${uniqueSuffix()}`)
  const projectId = await owner.workspace.createProject({ name: `Harbour ${uniqueSuffix()}`, frameRate: /^24 fps/ })
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink(role)
  await member.page.goto(inviteUrl)
  await member.page.getByRole('link', { name: 'Create an account to join' }).click()
  await member.signUpPage.signUp(member)
  return projectId
}

test('a restored version brings a deleted shot back for everyone with the board open', async ({ actors }) => {
  const { owner, second: editor } = actors
  const projectId = await projectWithMember(owner, editor, 'Editor')
  const ownerBoard = new BoardPage(owner.page)
  await ownerBoard.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await owner.page.getByRole('button', { name: 'Add shot' }).click()
  await expect(ownerBoard.counts).toHaveText('1 scene · 2 shots · 2 panels')

  const editorBoard = new BoardPage(editor.page)
  await editorBoard.goto(projectId)
  await expect(editorBoard.counts).toHaveText('1 scene · 2 shots · 2 panels')

  // The owner saves the board as a version.
  const openVersions = owner.page.getByTestId('board-toolbar').getByRole('button', { name: 'Versions', exact: true })
  const versionName = `Before notes ${uniqueSuffix()}`
  await openVersions.click()
  const dialog = owner.page.getByRole('dialog', { name: 'Versions' })
  await dialog.getByLabel('Save this board as a version').fill(versionName)
  await dialog.getByRole('button', { name: 'Save version' }).click()
  await expect(owner.page.getByText(`Saved version “${versionName}”.`)).toBeVisible()
  const version = dialog.getByTestId('snapshot-item').filter({ hasText: versionName })
  await expect(version).toContainText('1 scene · 2 shots · 2 panels')
  await expect(version).toContainText(owner.name)
  await owner.page.keyboard.press('Escape')

  // The editor deletes shot 1B; both boards lose it.
  await editor.page.getByRole('button', { name: 'Delete shot 1B', exact: true }).click()
  await expect(editorBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')
  await expect(ownerBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')
  await expect(ownerBoard.shot('Scene 1 · Shot 1B')).toHaveCount(0)

  // The owner previews the version (read-only), then restores it after confirming.
  await openVersions.click()
  await version.getByRole('button', { name: 'Preview' }).click()
  await expect(version.getByTestId('snapshot-preview-shot')).toHaveCount(2)
  await version.getByRole('button', { name: 'Restore' }).click()
  await owner.page.getByRole('alertdialog').or(owner.page.getByRole('dialog', { name: `Restore “${versionName}”?` })).getByRole('button', { name: 'Restore this version' }).click()
  await expect(owner.page.getByText(`Restored “${versionName}”.`, { exact: false })).toBeVisible()

  // Back on both open boards, no reload: the connection never dropped and the shot returned in its place.
  await expect(editorBoard.counts).toHaveText('1 scene · 2 shots · 2 panels')
  await expect(editorBoard.shot('Scene 1 · Shot 1B')).toBeVisible()
  await expect(editorBoard.connection).toHaveAttribute('data-status', 'connected')
  await owner.page.keyboard.press('Escape')
  await expect(ownerBoard.counts).toHaveText('1 scene · 2 shots · 2 panels')
  await expect(ownerBoard.shot('Scene 1 · Shot 1B')).toBeVisible()
})

test('a viewer can look at versions but not save or restore, and is told why', async ({ actors }) => {
  const { owner, second: viewer } = actors
  const projectId = await projectWithMember(owner, viewer, 'Viewer')
  const ownerBoard = new BoardPage(owner.page)
  await ownerBoard.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await expect(ownerBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')
  const versionName = `First pass ${uniqueSuffix()}`
  await owner.page.getByTestId('board-toolbar').getByRole('button', { name: 'Versions', exact: true }).click()
  await owner.page.getByLabel('Save this board as a version').fill(versionName)
  await owner.page.getByRole('button', { name: 'Save version' }).click()
  await expect(owner.page.getByText(`Saved version “${versionName}”.`)).toBeVisible()

  await new BoardPage(viewer.page).goto(projectId)
  await viewer.page.getByTestId('board-toolbar').getByRole('button', { name: 'Versions', exact: true }).click()
  const dialog = viewer.page.getByRole('dialog', { name: 'Versions' })
  await expect(dialog.getByLabel('Save this board as a version')).toBeDisabled()
  await expect(dialog.getByText('You are a viewer: you can look at the board but not change it.')).toBeVisible()
  const version = dialog.getByTestId('snapshot-item').filter({ hasText: versionName })
  await expect(version.getByRole('button', { name: 'Restore' })).toBeDisabled()
  await version.getByRole('button', { name: 'Preview' }).click()
  await expect(version.getByTestId('snapshot-preview-shot')).toHaveCount(1)
})

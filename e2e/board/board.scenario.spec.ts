// Storyboard and shot list over one live document: two people edit the same board from different views, a reorder
// made by keyboard drag-and-drop follows everywhere, offline edits arrive once back online, and viewers only look.
import { test, expect, type Actor } from '../fixtures/actors'
import { BoardPage, ShotListPage } from '../fixtures/board-pages'
import { CollabNetwork } from '../fixtures/collab-network'
import { uniqueSuffix } from '../fixtures/unique'

/** The owner makes a team workspace and a 24 fps project, then invites the second actor with `role`. */
async function projectWithMember(owner: Actor, second: Actor, role: 'Editor' | 'Viewer') {
  await owner.signUp()
  const workspaceId = await owner.workspace.createWorkspace(`Storyroom ${uniqueSuffix()}`)
  const projectId = await owner.workspace.createProject({ name: `Lighthouse ${uniqueSuffix()}`, frameRate: /^24 fps/ })
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink(role)
  await second.page.goto(inviteUrl)
  await second.page.getByRole('link', { name: 'Create an account to join' }).click()
  await second.signUpPage.signUp(second)
  return projectId
}

/** Scene 1 with shot 1A (two panels) and shot 1B (one panel), built through the board's own buttons. */
async function buildScene(owner: Actor, projectId: string) {
  await owner.project.goto(projectId)
  await owner.page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Board' }).click()
  const board = new BoardPage(owner.page)
  await expect(board.connection).toHaveAttribute('data-status', 'connected')
  await expect(owner.page.getByRole('heading', { name: 'Add your first scene' })).toBeVisible()
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await owner.page.getByRole('button', { name: 'Add shot' }).click()
  await owner.page.getByRole('button', { name: 'Add panel to shot 1A' }).click()
  await expect(board.counts).toHaveText('1 scene · 2 shots · 3 panels')
  await expect(board.runningTime).toHaveText('6s 00f')
  return board
}

test('an editor changes a lens in the shot list, the owner sees it on the board; keyboard reorders and offline edits follow', async ({ actors }) => {
  const { owner, second } = actors
  const ownerNetwork = await CollabNetwork.attach(owner.context)
  const projectId = await projectWithMember(owner, second, 'Editor')
  const board = await buildScene(owner, projectId)
  await expect(board.panel('Scene 1 · Shot 1A · panel 2')).toBeVisible()

  // The editor opens the shot list and gives shot 1B an 85mm lens; the owner's board shows it without a reload.
  const shotList = new ShotListPage(second.page)
  await shotList.goto(projectId)
  await expect(shotList.rows).toHaveCount(2)
  await shotList.editText('Lens', '1B', '85mm')
  await expect(board.shot('Scene 1 · Shot 1B')).toContainText('85mm')
  await expect(board.shot('Scene 1 · Shot 1A')).not.toContainText('85mm')

  // The owner lifts shot 1B with the keyboard and drops it above 1A: it becomes 1A, in the editor's list too.
  await board.moveShotByKeyboard('1B', 'ArrowUp', '1A')
  await expect(board.shot('Scene 1 · Shot 1A')).toContainText('85mm')
  await expect(shotList.rows.first()).toContainText('85mm')
  await expect(shotList.cell('Shot', '1A')).toHaveText('1A')
  await expect(shotList.cell('Lens', '1A')).toHaveText('85mm')

  // The editor switches to the board to watch; the owner goes offline and writes three panels' dialogue.
  await second.page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Board' }).click()
  const secondBoard = new BoardPage(second.page)
  await expect(secondBoard.connection).toHaveAttribute('data-status', 'connected')
  // Presence: the owner sees who is here, and a ring with their name on the panel they picked.
  await expect(owner.page.getByRole('group', { name: `Also here: ${second.name}` })).toBeVisible()
  await secondBoard.selectPanel('Scene 1 · Shot 1B · panel 2')
  await expect(board.panel('Scene 1 · Shot 1B · panel 2')).toContainText(second.name)
  await ownerNetwork.goOffline()
  await expect(board.connection).toHaveAttribute('data-status', 'offline')
  const lines = ['Where is the keeper?', 'Gone since Tuesday.', 'Then who lit the lamp?']
  const panels = ['Scene 1 · Shot 1A · panel 1', 'Scene 1 · Shot 1B · panel 1', 'Scene 1 · Shot 1B · panel 2']
  for (const [i, label] of panels.entries()) {
    await board.selectPanel(label)
    await board.setPanelField('Dialogue', lines[i]!)
    await expect(board.panel(label)).toContainText(lines[i]!)
  }
  // Nothing has reached the editor yet; back online, all three arrive.
  await expect(secondBoard.panel(panels[0]!)).not.toContainText(lines[0]!)
  await ownerNetwork.goOnline()
  await expect(board.connection).toHaveAttribute('data-status', 'connected')
  for (const [i, label] of panels.entries()) await expect(secondBoard.panel(label)).toContainText(lines[i]!)
})

test('a viewer sees the board and the shot list with every control disabled and the reason why', async ({ actors }) => {
  const { owner, second } = actors
  const projectId = await projectWithMember(owner, second, 'Viewer')
  await buildScene(owner, projectId)
  const ownerShotList = new ShotListPage(owner.page)
  await ownerShotList.goto(projectId)
  await ownerShotList.editText('Lens', '1A', '32mm')

  const board = new BoardPage(second.page)
  await board.goto(projectId)
  await expect(board.connection).toHaveAttribute('data-status', 'read-only')
  await expect(second.page.getByTestId('read-only-reason')).toContainText('You are a viewer')
  await expect(board.counts).toHaveText('1 scene · 2 shots · 3 panels')
  await expect(board.shot('Scene 1 · Shot 1A')).toContainText('32mm')
  await expect(second.page.getByRole('button', { name: 'Add scene' })).toBeDisabled()
  await expect(second.page.getByRole('button', { name: 'Add shot' })).toBeDisabled()
  await expect(second.page.getByRole('button', { name: 'Delete shot 1A' })).toBeDisabled()
  await expect(second.page.getByRole('button', { name: 'Move shot 1A' })).toHaveCount(0)
  await board.selectPanel('Scene 1 · Shot 1A · panel 1')
  await expect(board.inspector.getByLabel('Dialogue', { exact: true })).toBeDisabled()
  await expect(board.inspector.getByRole('button', { name: 'Delete' })).toBeDisabled()

  const shotList = new ShotListPage(second.page)
  await shotList.goto(projectId)
  await expect(shotList.cell('Lens', '1A')).toHaveText('32mm')
  await expect(shotList.cell('Lens', '1A')).toBeDisabled()
  await expect(second.page.getByRole('button', { name: 'Add shot' })).toBeDisabled()
  await expect(second.page.getByRole('button', { name: 'Move shot 1B up' })).toBeDisabled()
  await expect(second.page.getByRole('button', { name: 'Delete shot 1B' })).toBeDisabled()
})

test('a panel added offline to a shot someone else deleted comes back in the Recovered tray', async ({ actors }) => {
  const { owner, second } = actors
  const ownerNetwork = await CollabNetwork.attach(owner.context)
  const projectId = await projectWithMember(owner, second, 'Editor')
  const board = await buildScene(owner, projectId)
  const secondBoard = new BoardPage(second.page)
  await secondBoard.goto(projectId)
  await expect(secondBoard.counts).toHaveText('1 scene · 2 shots · 3 panels')

  // Offline, the owner adds a panel to shot 1B; meanwhile the editor deletes shot 1B.
  await ownerNetwork.goOffline()
  await expect(board.connection).toHaveAttribute('data-status', 'offline')
  await owner.page.getByRole('button', { name: 'Add panel to shot 1B' }).click()
  await expect(board.counts).toHaveText('1 scene · 2 shots · 4 panels')
  await second.page.getByRole('button', { name: 'Delete shot 1B' }).click()
  await expect(secondBoard.counts).toHaveText('1 scene · 1 shot · 2 panels')

  // Back online, the new panel has no shot: both see it in the tray instead of losing it.
  await ownerNetwork.goOnline()
  const tray = second.page.getByRole('region', { name: 'Recovered' })
  await expect(tray).toContainText('A panel')
  await expect(owner.page.getByRole('region', { name: 'Recovered' })).toContainText('A panel')
  await tray.getByRole('button', { name: 'Move to shot 1A' }).click()
  await expect(tray).toBeHidden()
  await expect(secondBoard.counts).toHaveText('1 scene · 1 shot · 3 panels')
  await expect(board.counts).toHaveText('1 scene · 1 shot · 3 panels')
})

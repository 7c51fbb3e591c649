// Two people in one panel's drawing: the owner draws a rectangle, the editor sees it arrive live with the owner's
// named cursor (and the owner sees theirs); once the drawing is rendered, panel 1's card shows the picture on both boards.
import { test, expect, type Actor } from '../fixtures/actors'
import { BoardPage } from '../fixtures/board-pages'
import { uniqueSuffix } from '../fixtures/unique'
import type { Locator, Page } from '@playwright/test'

const panelLabel = 'Scene 1 · Shot 1A · panel 1'

/** The owner makes a team workspace and a project, and the second actor joins it as an editor. */
async function projectWithEditor(owner: Actor, editor: Actor) {
  await owner.signUp()
  const workspaceId = await owner.workspace.createWorkspace(`Storyroom ${uniqueSuffix()}`)
  const projectId = await owner.workspace.createProject({ name: `Lantern ${uniqueSuffix()}`, frameRate: /^24 fps/ })
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Editor')
  await editor.page.goto(inviteUrl)
  await editor.page.getByRole('link', { name: 'Create an account to join' }).click()
  await editor.signUpPage.signUp(editor)
  return projectId
}

/** Opens panel 1's drawing from its details and waits until it can be drawn in (the import button needs a writable, synced store). */
async function openDrawing(board: BoardPage): Promise<{ dialog: Locator; canvas: Locator }> {
  await board.selectPanel(panelLabel)
  await board.inspector.getByRole('button', { name: 'Draw panel' }).click()
  const dialog = board.page.getByRole('dialog', { name: panelLabel })
  // tldraw's own surface (.tl-canvas, .tl-shape, .tl-nametag): the editor's markup, not ours to relabel.
  const canvas = dialog.locator('.tl-canvas')
  // The drawing tools are a large chunk loaded on first open; on a busy two-core runner that can take a while.
  await expect(canvas).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByRole('button', { name: 'Import reference image' })).toBeVisible()
  return { dialog, canvas }
}

/** Moves the pointer across the canvas, so tldraw counts this person as active and shows their cursor to others. */
async function hover(page: Page, canvas: Locator, step: number) {
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + box.width * (0.4 + (step % 5) * 0.03), box.y + box.height * 0.7)
}

test('an editor watches the owner draw a rectangle live, and both boards show the rendered panel', async ({ actors }) => {
  // Two browsers loading tldraw, a live drawing and a render: 28 s alone on a quiet machine; beside CI's render specs
  // (load average 11–15) it ran past the default minute twice.
  test.setTimeout(150_000)
  const { owner, second: editor } = actors
  const projectId = await projectWithEditor(owner, editor)
  const ownerBoard = new BoardPage(owner.page)
  await ownerBoard.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await expect(ownerBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')
  const editorBoard = new BoardPage(editor.page)
  await editorBoard.goto(projectId)
  await expect(editorBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')
  // The numbered placeholder on both boards until something is drawn.
  await expect(ownerBoard.panel(panelLabel).locator('img')).toHaveCount(0)
  await expect(editorBoard.panel(panelLabel).locator('img')).toHaveCount(0)

  const ownerDrawing = await openDrawing(ownerBoard)
  const editorDrawing = await openDrawing(editorBoard)
  const geo = (dialog: Locator) => dialog.locator('.tl-shape[data-shape-type="geo"]')
  await expect(geo(editorDrawing.dialog)).toHaveCount(0)

  // The owner picks the rectangle tool ("r") and drags out a box inside the camera frame.
  await owner.page.keyboard.press('r')
  const box = (await ownerDrawing.canvas.boundingBox())!
  await owner.page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.35)
  await owner.page.mouse.down()
  for (let i = 1; i <= 8; i++) await owner.page.mouse.move(box.x + box.width * (0.35 + i * 0.03), box.y + box.height * (0.35 + i * 0.03))
  await owner.page.mouse.up()
  await expect(geo(ownerDrawing.dialog)).toHaveCount(1)

  // It reaches the editor's open drawing without a reload.
  await expect(geo(editorDrawing.dialog)).toHaveCount(1)

  // Named cursors both ways. tldraw hides a collaborator who has been still for a few seconds, so each side keeps its
  // pointer moving while the other looks for the name tag.
  let step = 0
  await expect(async () => {
    await hover(owner.page, ownerDrawing.canvas, step++)
    await expect(editorDrawing.dialog.locator('.tl-nametag').filter({ hasText: owner.name })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(async () => {
    await hover(editor.page, editorDrawing.canvas, step++)
    await expect(ownerDrawing.dialog.locator('.tl-nametag').filter({ hasText: editor.name })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })

  // The editor closes their drawing. The owner's editor renders the frame after a short idle and uploads it; the board
  // card of panel 1 then shows the picture for both of them.
  await editorDrawing.dialog.getByRole('button', { name: 'Close' }).click()
  await expect(editorDrawing.dialog).toBeHidden()
  const editorImage = editorBoard.panel(panelLabel).locator('img')
  await expect(editorImage).toHaveAttribute('src', /^\/api\/media\//, { timeout: 20_000 })
  await expect(editorImage).toHaveJSProperty('complete', true)
  await expect.poll(() => editorImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  await ownerDrawing.dialog.getByRole('button', { name: 'Close' }).click()
  await expect(ownerDrawing.dialog).toBeHidden()
  const ownerImage = ownerBoard.panel(panelLabel).locator('img')
  await expect(ownerImage).toHaveAttribute('src', (await editorImage.getAttribute('src'))!)
  await expect(ownerImage).toHaveJSProperty('complete', true)
  await expect.poll(() => ownerImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
})

// Generate a background for panel 1 with the offline generator: the owner draws a rectangle, asks for four
// variations (progress bar, then a grid and the offline banner), places variation 2; it lies under the rectangle for
// the owner and for the editor watching the same panel, and the disclosure ledger lists it as AI-generated and the
// panel's render as drawn over it (ai_assisted).
import type { Locator, Page } from '@playwright/test'
import { test, expect, type Actor } from '../fixtures/actors'
import { BoardPage } from '../fixtures/board-pages'
import { uniqueSuffix } from '../fixtures/unique'

const panelLabel = 'Scene 1 · Shot 1A · panel 1'

async function projectWithEditor(owner: Actor, editor: Actor) {
  await owner.signUp()
  const workspaceId = await owner.workspace.createWorkspace(`Backlot ${uniqueSuffix()}`)
  const projectId = await owner.workspace.createProject({ name: `Dune ${uniqueSuffix()}`, frameRate: /^24 fps/ })
  await owner.members.goto(workspaceId)
  const inviteUrl = await owner.members.createInviteLink('Editor')
  await editor.page.goto(inviteUrl)
  await editor.page.getByRole('link', { name: 'Create an account to join' }).click()
  await editor.signUpPage.signUp(editor)
  return projectId
}

async function openDrawing(board: BoardPage): Promise<{ dialog: Locator; canvas: Locator }> {
  await board.selectPanel(panelLabel)
  await board.inspector.getByRole('button', { name: 'Draw panel' }).click()
  const dialog = board.page.getByRole('dialog', { name: panelLabel })
  // tldraw's own surface (.tl-canvas, .tl-shape): the editor's markup, not ours to relabel.
  const canvas = dialog.locator('.tl-canvas')
  await expect(canvas).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByRole('button', { name: 'Generate background' })).toBeVisible()
  return { dialog, canvas }
}

const shapes = (dialog: Locator, type: 'geo' | 'image') => dialog.locator(`.tl-shape[data-shape-type="${type}"]`)
const zIndex = (shape: Locator) => shape.evaluate((element) => Number(getComputedStyle(element).zIndex))

async function drawRectangle(page: Page, canvas: Locator) {
  await page.keyboard.press('r')
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4)
  await page.mouse.down()
  for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width * (0.4 + i * 0.03), box.y + box.height * (0.4 + i * 0.03))
  await page.mouse.up()
}

test('the owner generates offline backgrounds, places variation 2 under the drawing, and both members see it', async ({ actors }) => {
  test.setTimeout(180_000)
  const { owner, second: editor } = actors
  const projectId = await projectWithEditor(owner, editor)
  const ownerBoard = new BoardPage(owner.page)
  await ownerBoard.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await expect(ownerBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')
  const editorBoard = new BoardPage(editor.page)
  await editorBoard.goto(projectId)
  await expect(editorBoard.counts).toHaveText('1 scene · 1 shot · 1 panel')

  const ownerDrawing = await openDrawing(ownerBoard)
  const editorDrawing = await openDrawing(editorBoard)
  await drawRectangle(owner.page, ownerDrawing.canvas)
  await expect(shapes(editorDrawing.dialog, 'geo')).toHaveCount(1)

  await ownerDrawing.dialog.getByRole('button', { name: 'Generate background' }).click()
  const generate = owner.page.getByRole('dialog', { name: 'Generate a background' })
  const prompt = generate.getByLabel('Prompt')
  // Bad input first: over the limit, the form says so and will not send; nothing typed is lost.
  await prompt.fill('x'.repeat(1001))
  await expect(generate.getByText('Keep the prompt to 1000 characters (it has 1001).')).toBeVisible()
  await expect(generate.getByRole('button', { name: 'Generate', exact: true })).toBeDisabled()
  await prompt.fill('desert road at sunset, long shadows')
  await expect(generate.getByText('35 / 1000 characters', { exact: false })).toBeVisible()
  await generate.getByRole('combobox', { name: 'Style' }).click()
  await owner.page.getByRole('option', { name: 'Cinematic' }).click()
  await generate.getByLabel('Leave out (optional)').fill('people')
  await generate.getByRole('textbox', { name: 'Seed' }).fill('1234')
  await generate.getByRole('radio', { name: '4' }).click()
  await owner.page.screenshot({ path: 'test-results/generate-background-form.png' })
  // The offline generator can finish between two polls, so the page itself notes every progress bar it shows.
  await owner.page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { progressSeen: number[] }).progressSeen = seen
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Generating background"]')
      if (bar) seen.push(Number(bar.getAttribute('aria-valuenow') ?? -1))
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  await generate.getByRole('button', { name: 'Generate', exact: true }).click()
  const variations = generate.getByRole('radiogroup', { name: 'Variations to choose from' })
  await expect(variations).toBeVisible({ timeout: 60_000 })
  expect((await owner.page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen)).length).toBeGreaterThan(0)
  await expect(generate.getByTestId('offline-generator-banner')).toContainText('Offline generator — procedural, no AI model')
  const tiles = variations.getByRole('radio')
  await expect(tiles).toHaveCount(4)
  await expect(tiles.nth(0)).toContainText('seed 1234')
  await expect(tiles.nth(1)).toContainText('seed 1235')
  for (const index of [0, 1, 2, 3]) await expect.poll(() => tiles.nth(index).locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await generate.getByRole('radio', { name: 'Variation 2' }).click()
  await expect(generate.getByRole('radio', { name: 'Variation 2' })).toHaveAttribute('aria-checked', 'true')
  const chosenSrc = await generate.getByRole('radio', { name: 'Variation 2' }).locator('img').getAttribute('src')
  expect(chosenSrc).toMatch(/^\/api\/media\//)
  await owner.page.screenshot({ path: 'test-results/generate-background-variations.png' })
  await generate.getByRole('button', { name: 'Place under the drawing' }).click()
  await expect(generate).toBeHidden()

  // Under the drawing, for both people on the panel: the chosen picture, below the rectangle.
  for (const drawing of [ownerDrawing, editorDrawing]) {
    const image = shapes(drawing.dialog, 'image')
    await expect(image).toHaveCount(1, { timeout: 15_000 })
    await expect(image.locator('img')).toHaveAttribute('src', chosenSrc!)
    expect(await zIndex(image)).toBeLessThan(await zIndex(shapes(drawing.dialog, 'geo')))
  }
  await owner.page.screenshot({ path: 'test-results/generate-background-owner.png' })
  await editor.page.screenshot({ path: 'test-results/generate-background-editor.png' })

  // Closing renders the panel; its picture names the background as parent, so the ledger says AI-assisted.
  await ownerDrawing.dialog.getByRole('button', { name: 'Close' }).click()
  await expect(ownerDrawing.dialog).toBeHidden({ timeout: 20_000 })
  await expect(ownerBoard.panel(panelLabel).locator('img')).toHaveAttribute('src', /^\/api\/media\//, { timeout: 20_000 })

  const chosenId = decodeURIComponent(chosenSrc!.replace('/api/media/', ''))
  const response = await owner.page.request.get(`/api/projects/${projectId}/disclosure/report.json`)
  expect(response.status()).toBe(200)
  const report = (await response.json()) as { entries: { assetId: string; origin: string; provider: string | null; prompt: string | null; parentAssetIds: string[] }[] }
  expect(report.entries).toContainEqual(expect.objectContaining({ assetId: chosenId, origin: 'ai_generated', provider: 'offline', prompt: 'desert road at sunset, long shadows' }))
  expect(report.entries.filter((entry) => entry.origin === 'ai_generated')).toHaveLength(4)
  expect(report.entries).toContainEqual(expect.objectContaining({ origin: 'ai_assisted', parentAssetIds: [chosenId] }))
})

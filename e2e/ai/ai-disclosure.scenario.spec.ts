// Issue 6's must-show flow in one test, with an owner and an editor in their own browsers: an offline-generated
// background for panel 1 lies under the drawing for both; the editor and owner draw panels 2 and 3 by hand; the
// animatic renders with a visible progress bar into review, where a note at a frame inside panel 3 names panel 3's
// shot and badges panel 3 on the board; the disclosure page and its exported JSON count panel 1 as AI and the other
// two as drawn by a person.
import fs from 'node:fs/promises'
import type { Page, TestInfo } from '@playwright/test'
import { test, expect } from '../fixtures/actors'
import { BoardPage } from '../fixtures/board-pages'
import { closeDrawing, drawingShapes, drawRectangle, openDrawing, shapeZIndex } from '../fixtures/panel-drawing'
import { ReviewRoomPage } from '../fixtures/review-pages'
import { projectWithMember } from '../fixtures/shared-project'

const panel = (n: number) => `Scene 1 · Shot 1A · panel ${n}`

async function snap(testInfo: TestInfo, page: Page, name: string) {
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

/** The asset behind a panel card's picture: /api/media/<id>. */
async function panelAssetId(board: BoardPage, label: string): Promise<string> {
  const src = await board.panel(label).locator('img').getAttribute('src')
  return decodeURIComponent(src!.replace('/api/media/', ''))
}

test('offline background → animatic in review → note badges panel 3 → disclosure counts panel 1 as AI', async ({ actors }, testInfo) => {
  test.setTimeout(360_000)
  const { owner, second: editor } = actors
  // 24 fps, three panels of the default 2 s: panel 3 covers frames 96–143.
  const projectId = await projectWithMember(owner, editor, { role: 'Editor', project: 'Mirage', frameRate: /^24 fps/ })
  const ownerBoard = new BoardPage(owner.page)
  await ownerBoard.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await owner.page.getByRole('button', { name: 'Add panel to shot 1A' }).click()
  await owner.page.getByRole('button', { name: 'Add panel to shot 1A' }).click()
  await expect(ownerBoard.counts).toHaveText('1 scene · 1 shot · 3 panels')
  const editorBoard = new BoardPage(editor.page)
  await editorBoard.goto(projectId)
  await expect(editorBoard.counts).toHaveText('1 scene · 1 shot · 3 panels')

  // Panel 1: both open it; the owner draws, then generates a background with the offline provider.
  const ownerDrawing = await openDrawing(ownerBoard, panel(1))
  const editorDrawing = await openDrawing(editorBoard, panel(1))
  await drawRectangle(owner.page, ownerDrawing.canvas)
  await expect(drawingShapes(editorDrawing.dialog, 'geo')).toHaveCount(1)
  await ownerDrawing.dialog.getByRole('button', { name: 'Generate background' }).click()
  const generate = owner.page.getByRole('dialog', { name: 'Generate a background' })
  await generate.getByLabel('Prompt').fill('salt flats at noon, heat haze, a lone water tower')
  await generate.getByRole('button', { name: 'Generate', exact: true }).click()
  await expect(generate.getByRole('radiogroup', { name: 'Variations to choose from' })).toBeVisible({ timeout: 60_000 })
  await expect(generate.getByTestId('offline-generator-banner')).toContainText('Offline generator')
  const chosen = generate.getByRole('radio', { name: 'Variation 1' })
  await chosen.click()
  await expect(chosen).toHaveAttribute('aria-checked', 'true')
  const chosenSrc = await chosen.locator('img').getAttribute('src')
  expect(chosenSrc).toMatch(/^\/api\/media\//)
  const backgroundId = decodeURIComponent(chosenSrc!.replace('/api/media/', ''))
  await generate.getByRole('button', { name: 'Place under the drawing' }).click()
  await expect(generate).toBeHidden()
  for (const drawing of [ownerDrawing, editorDrawing]) {
    const image = drawingShapes(drawing.dialog, 'image')
    await expect(image).toHaveCount(1, { timeout: 15_000 })
    await expect(image.locator('img')).toHaveAttribute('src', chosenSrc!)
    expect(await shapeZIndex(image)).toBeLessThan(await shapeZIndex(drawingShapes(drawing.dialog, 'geo')))
  }
  await snap(testInfo, owner.page, 'scenario-background-owner')
  await snap(testInfo, editor.page, 'scenario-background-editor')
  await editorDrawing.dialog.getByRole('button', { name: 'Close' }).click()
  await expect(editorDrawing.dialog).toBeHidden({ timeout: 20_000 })
  await closeDrawing(ownerBoard, ownerDrawing, panel(1))

  // Panels 2 (the editor) and 3 (the owner) drawn by hand, so each has a human render.
  const editorPanel2 = await openDrawing(editorBoard, panel(2))
  await drawRectangle(editor.page, editorPanel2.canvas)
  await expect(drawingShapes(editorPanel2.dialog, 'geo')).toHaveCount(1)
  await closeDrawing(editorBoard, editorPanel2, panel(2))
  const ownerPanel3 = await openDrawing(ownerBoard, panel(3))
  await drawRectangle(owner.page, ownerPanel3.canvas)
  await expect(drawingShapes(ownerPanel3.dialog, 'geo')).toHaveCount(1)
  await closeDrawing(ownerBoard, ownerPanel3, panel(3))
  await expect(ownerBoard.panel(panel(2)).locator('img')).toHaveAttribute('src', /^\/api\/media\//, { timeout: 20_000 })
  const renders = { 1: await panelAssetId(ownerBoard, panel(1)), 2: await panelAssetId(ownerBoard, panel(2)), 3: await panelAssetId(ownerBoard, panel(3)) }
  const panel1Id = await ownerBoard.panel(panel(1)).getAttribute('data-panel-id')

  // The animatic, from the Animatic tab, with a progress bar while it renders.
  await owner.page.getByRole('link', { name: 'Animatic', exact: true }).click()
  const card = owner.page.getByTestId('render-animatic')
  await card.getByText('720p', { exact: true }).click()
  await expect(card.getByRole('radio', { name: '720p' })).toBeChecked()
  await card.getByRole('button', { name: 'Render animatic' }).click()
  const bar = card.getByRole('progressbar', { name: 'Render progress' })
  await expect(bar).toBeVisible()
  await snap(testInfo, owner.page, 'scenario-rendering')
  const open = card.getByRole('link', { name: 'Open v1 in review' })
  await expect(open).toBeVisible({ timeout: 120_000 })
  await expect(bar).toBeHidden()

  // v1 plays in review; a note at frame 100 (inside panel 3) names panel 3's shot.
  await open.click()
  const room = new ReviewRoomPage(owner.page)
  await expect(room.room).toBeVisible()
  await room.player.ready()
  await room.player.focus()
  await room.player.stepTo(100)
  await room.comment('The water tower should be taller here')
  const thread = room.thread('The water tower should be taller here')
  await expect(thread.getByTestId('comment-panel-label')).toHaveText(panel(3))
  await snap(testInfo, owner.page, 'scenario-review-note')

  // The editor's board shows the badge on panel 3 only.
  await editorBoard.goto(projectId)
  const badge = editorBoard.panel(panel(3)).getByTestId('panel-comment-badge')
  await expect(badge).toHaveText('1')
  await expect(editor.page.getByTestId('panel-comment-badge')).toHaveCount(1)
  await snap(testInfo, editor.page, 'scenario-board-badge')

  // Disclosure: 1 of 3 panels with AI imagery, 2 without; the ledger has the generated background.
  await owner.page.goto(`/p/${projectId}/disclosure`)
  await expect(owner.page.getByTestId('disclosure-panels')).toContainText('1 of 3')
  await expect(owner.page.getByTestId('disclosure-panels')).toContainText('2 drawn, photographed or imported without AI.')
  await expect(owner.page.getByTestId('disclosure-animatic')).toContainText('v1')
  await expect(owner.page.getByTestId('disclosure-ledger').getByTitle('Generated by AI').first()).toHaveText('AI-generated')
  await snap(testInfo, owner.page, 'scenario-disclosure')

  // The JSON the page's download button saves says the same, panel by panel.
  const [download] = await Promise.all([owner.page.waitForEvent('download'), owner.page.getByTestId('disclosure-download-json').click()])
  const report = JSON.parse(await fs.readFile((await download.path())!, 'utf8'))
  expect(report.summary.panels).toEqual({ total: 3, withAiImagery: 1, withAiImageryIds: [panel1Id] })
  const originOf = (assetId: string) => report.entries.filter((entry: { assetId: string }) => entry.assetId === assetId).at(-1)?.origin
  expect(originOf(backgroundId)).toBe('ai_generated')
  expect(originOf(renders[1])).toBe('ai_assisted')
  expect(originOf(renders[2])).toBe('human')
  expect(originOf(renders[3])).toBe('human')
  expect(report.summary.animatic).toMatchObject({ status: 'rendered', versionNumber: 1, frames: 144 })
})

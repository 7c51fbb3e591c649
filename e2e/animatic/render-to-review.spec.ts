// Board → animatic → review and back: an editor renders a three-panel board with a visible progress bar, opens the
// new version in review, leaves a note at a frame inside panel 3, sees it labelled with panel 3's shot, and finds a
// badge on panel 3 on the board that leads back to the note.
import type { Page, TestInfo } from '@playwright/test'
import { test, expect } from '../fixtures/actors'
import { BoardPage } from '../fixtures/board-pages'
import { ReviewRoomPage } from '../fixtures/review-pages'
import { uniqueSuffix } from '../fixtures/unique'

async function snap(testInfo: TestInfo, page: Page, name: string) {
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

test('render the board into review; a note in panel 3 names panel 3 and badges it on the board', async ({ actors }, testInfo) => {
  test.setTimeout(240_000)
  const { owner } = actors
  await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: `Lighthouse ${uniqueSuffix()}`, frameRate: /^24 fps/ })

  // Three panels of the default 2 s: panel 3 covers frames 96–143.
  const board = new BoardPage(owner.page)
  await board.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await board.selectPanel('Scene 1 · Shot 1A · panel 1')
  await board.inspector.getByRole('button', { name: 'Duplicate' }).click()
  await board.inspector.getByRole('button', { name: 'Duplicate' }).click()
  await expect(board.counts).toHaveText('1 scene · 1 shot · 3 panels')
  await expect(board.runningTime).toHaveText('6s 00f')

  // Render from the Animatic tab: the options, then a progress bar that moves, then a link to v1.
  await owner.page.getByRole('link', { name: 'Animatic', exact: true }).click()
  const card = owner.page.getByTestId('render-animatic')
  await expect(card.getByRole('heading', { name: 'Render animatic' })).toBeVisible()
  await card.getByText('720p', { exact: true }).click()
  await expect(card.getByRole('radio', { name: '720p' })).toBeChecked()
  await snap(testInfo, owner.page, 'animatic-options')
  await card.getByRole('button', { name: 'Render animatic' }).click()
  const bar = card.getByRole('progressbar', { name: 'Render progress' })
  await expect(bar).toBeVisible()
  await expect(card.getByRole('button', { name: 'Cancel render' })).toBeVisible()
  await snap(testInfo, owner.page, 'animatic-rendering')
  const open = card.getByRole('link', { name: 'Open v1 in review' })
  await expect(open).toBeVisible({ timeout: 120_000 })
  await expect(bar).toBeHidden()
  await snap(testInfo, owner.page, 'animatic-rendered')

  // The new version plays in review once processed.
  await open.click()
  const room = new ReviewRoomPage(owner.page)
  await expect(room.room).toBeVisible()
  await room.player.ready()
  await room.player.focus()
  await room.player.stepTo(100)
  await room.comment('Hold the lighthouse a beat longer')
  const thread = room.thread('Hold the lighthouse a beat longer')
  await expect(thread.getByTestId('comment-panel-label')).toHaveText('Scene 1 · Shot 1A · panel 3')
  await snap(testInfo, owner.page, 'animatic-review-note')

  // Back on the board, panel 3 (and only panel 3) carries the badge, which opens the room at the note.
  await board.goto(projectId)
  const badge = board.panel('Scene 1 · Shot 1A · panel 3').getByTestId('panel-comment-badge')
  await expect(badge).toHaveText('1')
  await expect(owner.page.getByTestId('panel-comment-badge')).toHaveCount(1)
  await snap(testInfo, owner.page, 'animatic-board-badge')
  await badge.click()
  await expect(room.room).toBeVisible()
  await room.player.ready()
  await room.player.expectFrame(100)
})

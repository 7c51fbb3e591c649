// Side-by-side compare, proven against the pictures: two versions of a clip with its frame number burnt in, and
// every step, seek and play/pause on the leading side must leave the other side showing the same frame (read back
// from a canvas grab of each <video>), from left to right and from right to left. With sync off they part.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '../fixtures/actors'
import { createReviewWithClip } from '../fixtures/guest-link'
import { makeFrameCodedClip } from '../fixtures/review-frame-code'
import { ReviewRoomPage } from '../fixtures/review-pages'
import { ReviewPlayerDriver } from '../fixtures/review-player'
import { uniqueSuffix } from '../fixtures/unique'

const FRAMES = 150

let clipPath = ''
test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-compare-'))
  clipPath = path.join(dir, 'frame-code-25.mp4')
  await makeFrameCodedClip({ rate: '25', frames: FRAMES, outputPath: clipPath })
})

test('compare keeps both versions on the same frame whichever side leads; unlinked, they move apart', async ({ actors }) => {
  test.setTimeout(240_000)
  const { page } = actors.owner
  await actors.owner.signUp()
  const projectId = await actors.owner.workspace.createProject({ name: `Compare ${uniqueSuffix()}`, frameRate: /^25 fps/ })
  const reviewItemId = await createReviewWithClip(page, projectId, `Two cuts ${uniqueSuffix()}`, clipPath)
  const room = new ReviewRoomPage(page)
  await page.getByRole('button', { name: 'Upload v2' }).click()
  await page.getByLabel('Video file').setInputFiles(clipPath)
  await expect(room.room).toHaveAttribute('data-version', '2', { timeout: 90_000 })
  await expect(page.locator('video[src^="/api/media/"]')).toBeAttached({ timeout: 90_000 })

  await page.goto(`/p/${projectId}/review/${reviewItemId}/compare`)
  await expect(page.getByText(/Comparing/)).toContainText('v1')
  const sides = { left: page.locator('[data-compare-side="left"]'), right: page.locator('[data-compare-side="right"]') }
  const left = new ReviewPlayerDriver(page, sides.left)
  const right = new ReviewPlayerDriver(page, sides.right)
  await left.ready()
  await right.ready()
  const sync = page.getByRole('button', { name: /^Playback (synced|independent)$/ })
  await expect(sync).toHaveAttribute('aria-pressed', 'true')

  /** Both players name `frame` and both pictures show it. */
  async function bothOn(frame: number) {
    await left.expectFrame(frame)
    await right.expectFrame(frame)
    expect(await left.pictureFrame(), 'left picture').toBe(frame)
    expect(await right.pictureFrame(), 'right picture').toBe(frame)
  }

  // Left leads: frame steps with the keys.
  await left.focus()
  await expect(sides.left).toHaveAttribute('data-leader', '')
  await left.stepTo(48)
  await bothOn(48)
  await left.press('ArrowLeft')
  await bothOn(47)

  // Play and pause on the left: the right plays along and stops on the left's frame.
  await left.press('Space')
  await expect(left.root).toHaveAttribute('data-speed', '1')
  await expect(right.root).toHaveAttribute('data-speed', '1')
  await expect.poll(() => right.frame()).toBeGreaterThan(60)
  await left.press('Space')
  await expect(left.root).toHaveAttribute('data-speed', '0')
  await expect(right.root).toHaveAttribute('data-speed', '0')
  await expect.poll(async () => (await right.frame()) === (await left.frame()) && (await left.frame()) > 60).toBe(true)
  await bothOn(await left.frame())

  // A click on the left timeline at three quarters: the right seeks to the same frame.
  const track = left.root.getByRole('slider', { name: 'Timeline' })
  const box = (await track.boundingBox())!
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2)
  await expect.poll(() => left.frame()).toBeGreaterThan(100)
  await bothOn(await left.frame())

  // Now the right leads, and the left follows.
  await right.focus()
  await expect(sides.right).toHaveAttribute('data-leader', '')
  await right.stepTo(20)
  await bothOn(20)
  await right.press('Shift+ArrowRight')
  await bothOn(30)

  // Sync off: each side moves alone.
  await sync.click()
  await expect(sync).toHaveAttribute('aria-pressed', 'false')
  await expect(sync).toHaveText('Playback independent')
  await right.focus()
  for (let i = 0; i < 3; i++) await right.press('ArrowRight')
  await right.expectFrame(33)
  await left.focus()
  await left.stepTo(5)
  await right.expectFrame(33)
  expect(await right.pictureFrame()).toBe(33)
  expect(await left.pictureFrame()).toBe(5)
  await left.press('Space')
  await expect(left.root).toHaveAttribute('data-speed', '1')
  await expect.poll(() => left.frame()).toBeGreaterThan(20)
  await expect(right.root).toHaveAttribute('data-speed', '0')
  await right.expectFrame(33)
  await left.press('Space')

  // Linked again: the follower jumps to the leader's frame.
  await sync.click()
  await expect(sync).toHaveAttribute('aria-pressed', 'true')
  await left.focus()
  await left.press('ArrowRight')
  await expect.poll(async () => (await right.frame()) === (await left.frame())).toBe(true)
  await bothOn(await left.frame())
})

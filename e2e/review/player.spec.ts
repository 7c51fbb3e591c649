// Frame accuracy of the review player, proven against the picture itself: a clip made here with its frame number
// burnt in (as digits and as binary blocks) is uploaded through the real upload dialog, processed by the real job,
// then stepped with the keyboard; the number read back from a canvas grab of the <video> must equal the frame the
// player says is on screen. Also J/K/L shuttle and the I/O loop, at 25 and 23.976 fps.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Actor } from '../fixtures/actors'
import { makeFrameCodedClip } from '../fixtures/review-frame-code'
import { ReviewPlayerDriver } from '../fixtures/review-player'
import { uniqueSuffix } from '../fixtures/unique'

const FRAMES = 150

/** Signs up, makes a project at `frameRate`, a review item, uploads `clipPath` and waits until the player is ready. */
async function reviewWithClip(owner: Actor, frameRate: RegExp, clipPath: string): Promise<ReviewPlayerDriver> {
  const { page } = owner
  await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: `Player ${uniqueSuffix()}`, frameRate })
  await page.goto(`/p/${projectId}/review`)
  await page.getByRole('button', { name: 'New review' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New review' })
  await dialog.getByLabel('Title').fill(`Frame test ${uniqueSuffix()}`)
  await dialog.getByRole('button', { name: 'Create and upload' }).click()
  await page.waitForURL(/\/review\/[^/?]+/)
  await page.getByRole('button', { name: /^Upload/ }).first().click()
  await page.getByLabel('Video file').setInputFiles(clipPath)
  const player = new ReviewPlayerDriver(page)
  // Upload, probe, proxy transcode, poster and filmstrip: a few seconds for a 6-second clip.
  await expect(player.root).toBeVisible({ timeout: 90_000 })
  await player.ready()
  await player.focus()
  return player
}

const clips = [
  { name: '25 fps', ffmpegRate: '25', projectRate: /^25 fps/, fps: 25 },
  { name: '23.976 fps', ffmpegRate: '24000/1001', projectRate: /^23\.976/, fps: 24000 / 1001 },
] as const

for (const clip of clips) {
  test.describe(`review player at ${clip.name}`, () => {
    let clipPath = ''

    test.beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-clip-'))
      clipPath = path.join(dir, `frame-code-${clip.ffmpegRate.replace('/', '-')}.mp4`)
      await makeFrameCodedClip({ rate: clip.ffmpegRate, frames: FRAMES, outputPath: clipPath })
    })

    test('stepping with the keys shows exactly the frame the player names', async ({ actors }) => {
      test.setTimeout(180_000)
      const player = await reviewWithClip(actors.owner, clip.projectRate, clipPath)
      expect(await player.pictureFrame()).toBe(0)
      for (const frame of [1, 47, 48, 96]) {
        await player.stepTo(frame)
        expect(await player.pictureFrame(), `picture at frame ${frame}`).toBe(frame)
      }
      await player.press('End')
      await player.expectFrame(FRAMES - 1)
      expect(await player.pictureFrame()).toBe(FRAMES - 1)
      // Back one and back ten from the end, then past the start: steps stop at frame 0.
      await player.press('ArrowLeft')
      await player.expectFrame(FRAMES - 2)
      expect(await player.pictureFrame()).toBe(FRAMES - 2)
      await player.press('Shift+ArrowLeft')
      await player.expectFrame(FRAMES - 12)
      expect(await player.pictureFrame()).toBe(FRAMES - 12)
      await player.press('Home')
      await player.press('ArrowLeft')
      await player.expectFrame(0)
      expect(await player.pictureFrame()).toBe(0)
    })

    test('J/K/L shuttle: forward at 1× and 2×, stop on a whole frame, K+L / K+J step, reverse', async ({ actors }) => {
      test.setTimeout(180_000)
      const player = await reviewWithClip(actors.owner, clip.projectRate, clipPath)
      const { page } = player

      await player.press('KeyL')
      await expect(player.root).toHaveAttribute('data-speed', '1')
      await expect.poll(() => player.frame()).toBeGreaterThan(10)
      await player.press('KeyL')
      await expect(player.root).toHaveAttribute('data-speed', '2')
      const atDouble = await player.frame()
      const doubleSince = Date.now()
      // A second at 2× covers about two seconds of frames (generous bounds: the machine is shared): 1.2 s of frames
      // must pass within one second of wall time, which 1× could not do.
      await expect.poll(() => player.frame(), { timeout: 5_000, intervals: [50] }).toBeGreaterThan(atDouble + clip.fps * 1.2)
      expect(Date.now() - doubleSince).toBeLessThan(1000)

      await player.press('KeyK')
      await expect(player.root).toHaveAttribute('data-speed', '0')
      // Stopped on a whole frame: what the player names is what the picture shows.
      await expect.poll(async () => (await player.pictureFrame()) === (await player.frame())).toBe(true)
      const stopped = await player.frame()

      await page.keyboard.down('KeyK')
      await page.keyboard.press('KeyL')
      await player.expectFrame(stopped + 1)
      await page.keyboard.press('KeyL')
      await player.expectFrame(stopped + 2)
      await page.keyboard.press('KeyJ')
      await player.expectFrame(stopped + 1)
      await page.keyboard.up('KeyK')
      await expect(player.root).toHaveAttribute('data-speed', '0')
      expect(await player.pictureFrame()).toBe(stopped + 1)

      await player.press('KeyJ')
      await expect(player.root).toHaveAttribute('data-speed', '-1')
      await expect.poll(() => player.frame()).toBeLessThan(stopped - 5)
      // Reverse keeps going until frame 0 and stops there by itself.
      await player.press('KeyJ')
      await player.press('KeyJ')
      await expect(player.root).toHaveAttribute('data-speed', '0', { timeout: 15_000 })
      await player.expectFrame(0)
      expect(await player.pictureFrame()).toBe(0)
    })

    test('I and O mark a range; loop plays it round and round', async ({ actors }) => {
      test.setTimeout(180_000)
      const player = await reviewWithClip(actors.owner, clip.projectRate, clipPath)
      await player.stepTo(20)
      await player.press('KeyI')
      await player.stepTo(40)
      await player.press('KeyO')
      await expect(player.root).toHaveAttribute('data-range', '20-41')
      await player.press('KeyP')
      await expect(player.root).toHaveAttribute('data-loop', '')
      await player.press('Space')
      await expect(player.root).toHaveAttribute('data-speed', '1')
      // Three seconds is more than three passes of the 21-frame range.
      const seen = await player.sampleFrames(3000)
      await player.press('Space')
      const wraps = seen.filter((frame, index) => index > 0 && frame < seen[index - 1]!).length
      expect(wraps, `frames seen: ${seen.join(',')}`).toBeGreaterThanOrEqual(2)
      // One frame past the out may flash while the jump back lands; never more, never before the in.
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(20)
      expect(Math.max(...seen)).toBeLessThanOrEqual(41)
      // Clearing both marks (Alt+X) takes the range away.
      await player.press('Alt+KeyX')
      await expect(player.root).not.toHaveAttribute('data-range')
    })
  })
}

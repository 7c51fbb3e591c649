// The player controls issue 5 names beyond stepping and shuttle: the speed menu, volume and mute (M), full screen
// (F), comment markers on the timeline that seek when clicked, and the filmstrip preview while hovering the timeline.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '../fixtures/actors'
import { createReviewWithClip } from '../fixtures/guest-link'
import { makeFrameCodedClip } from '../fixtures/review-frame-code'
import { ReviewRoomPage } from '../fixtures/review-pages'
import { uniqueSuffix } from '../fixtures/unique'

let clipPath = ''
test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-controls-'))
  clipPath = path.join(dir, 'frame-code-25.mp4')
  await makeFrameCodedClip({ rate: '25', frames: 150, outputPath: clipPath })
})

test('speed, volume and mute, full screen, comment markers and the filmstrip preview', async ({ actors }) => {
  test.setTimeout(180_000)
  const { page } = actors.owner
  await actors.owner.signUp()
  const projectId = await actors.owner.workspace.createProject({ name: `Controls ${uniqueSuffix()}`, frameRate: /^25 fps/ })
  await createReviewWithClip(page, projectId, `Controls ${uniqueSuffix()}`, clipPath)
  const room = new ReviewRoomPage(page)
  const { player } = room
  await player.ready()
  await player.focus()
  const video = player.video
  const media = <T,>(read: (video: HTMLVideoElement) => T) => video.evaluate(read)

  // Speed: while playing, the speed button moves 1× on to 1.5×, on the <video> and in the player's own speed.
  await player.press('Space')
  await expect(player.root).toHaveAttribute('data-speed', '1')
  const speedButton = player.root.locator('media-playback-rate-button')
  await speedButton.click()
  await expect.poll(() => media((v) => v.playbackRate)).toBe(1.5)
  await expect(player.root).toHaveAttribute('data-speed', '1.5')
  await speedButton.click()
  await expect.poll(() => media((v) => v.playbackRate)).toBe(2)
  await player.focus()
  await player.press('Space')
  await expect(player.root).toHaveAttribute('data-speed', '0')

  // Mute: M toggles it, and so does the mute button.
  expect(await media((v) => v.muted)).toBe(false)
  await player.press('KeyM')
  await expect.poll(() => media((v) => v.muted)).toBe(true)
  await player.press('KeyM')
  await expect.poll(() => media((v) => v.muted)).toBe(false)
  await player.root.locator('media-mute-button').click()
  await expect.poll(() => media((v) => v.muted)).toBe(true)
  await player.root.locator('media-mute-button').click()
  await expect.poll(() => media((v) => v.muted)).toBe(false)

  // Volume: a click at a fifth of the slider sets the volume to about a fifth.
  const volume = player.root.locator('media-volume-range')
  await expect(volume).toBeVisible()
  const volumeBox = (await volume.boundingBox())!
  await page.mouse.click(volumeBox.x + volumeBox.width * 0.2, volumeBox.y + volumeBox.height / 2)
  await expect.poll(() => media((v) => v.volume)).toBeLessThan(0.4)
  expect(await media((v) => v.volume)).toBeGreaterThan(0.05)

  // Full screen: F puts the whole player (picture, timeline and controls) full screen and takes it back; so does the button.
  const fullscreenIsPlayer = () => page.evaluate(() => document.fullscreenElement?.classList.contains('review-player') ?? false)
  const anyFullscreen = () => page.evaluate(() => document.fullscreenElement !== null)
  await player.focus()
  await player.press('KeyF')
  await expect.poll(fullscreenIsPlayer).toBe(true)
  await player.press('KeyF')
  await expect.poll(anyFullscreen).toBe(false)
  await player.root.locator('media-fullscreen-button').click()
  await expect.poll(fullscreenIsPlayer).toBe(true)
  await player.root.locator('media-fullscreen-button').click()
  await expect.poll(anyFullscreen).toBe(false)

  // A note at frame 48 becomes a marker on the timeline; clicking it from elsewhere seeks to its frame.
  await player.focus()
  await player.stepTo(48)
  await room.comment('Marker check at forty-eight')
  const marker = player.root.locator('[data-marker-id]')
  await expect(marker).toHaveCount(1)
  // Frame 48 at 25 fps from the project's default start, 01:00:00:00, is 01:00:01:23.
  await expect(marker).toHaveAttribute('aria-label', /Marker check at forty-eight · 01:00:01:23$/)
  await player.focus()
  await player.press('End')
  await player.expectFrame(149)
  await marker.click()
  await player.expectFrame(48)
  expect(await player.pictureFrame()).toBe(48)

  // Hovering the timeline shows the filmstrip tile for that point with its timecode; a later point shows a later tile.
  const track = player.root.getByRole('slider', { name: 'Timeline' })
  const box = (await track.boundingBox())!
  const preview = player.root.getByTestId('filmstrip-preview')
  const hoverLabel = player.root.getByTestId('timeline-hover-label')
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2)
  await expect(preview).toBeVisible()
  // A tenth of 150 frames is frame 15: 01:00:00:15.
  await expect(hoverLabel).toHaveText(/^01:00:00:1[4-6]$/)
  const early = await preview.evaluate((element) => getComputedStyle(element).backgroundPosition)
  const sprite = /url\("?([^")]+)"?\)/.exec(await preview.evaluate((element) => getComputedStyle(element).backgroundImage))?.[1]
  expect(sprite).toMatch(/\/api\/media\//)
  const spriteResponse = await page.request.get(sprite!)
  expect(spriteResponse.status()).toBe(200)
  expect(spriteResponse.headers()['content-type']).toBe('image/jpeg')
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2)
  // Nine tenths is frame 135: 01:00:05:10.
  await expect(hoverLabel).toHaveText(/^01:00:05:(09|10|11)$/)
  expect(await preview.evaluate((element) => getComputedStyle(element).backgroundPosition)).not.toBe(early)
  // Leaving the timeline hides it.
  await page.mouse.move(box.x + box.width / 2, box.y - 200)
  await expect(preview).toBeHidden()
  await expect(player.root).toHaveAttribute('data-frame', '48')
})

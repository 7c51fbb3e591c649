// Cancelling an upload from the dialog: with the page's upload rate capped so the upload is caught mid-way, Cancel
// upload stops it, the server drops what it had received (the partial file in the data folder goes, and the upload
// URL no longer answers), and no version is made, even after a reload.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '../fixtures/actors'
import { createReviewItem } from '../fixtures/guest-link'
import { throttleUploads } from '../fixtures/network-throttle'
import { makeFrameCodedClip } from '../fixtures/review-frame-code'
import { uniqueSuffix } from '../fixtures/unique'

test('a throttled upload cancelled from the dialog leaves no version and no partial file', async ({ actors }) => {
  test.setTimeout(120_000)
  const dataDir = process.env.STORYREEL_E2E_DATA_DIR
  if (!dataDir) throw new Error('playwright.config.ts sets STORYREEL_E2E_DATA_DIR for the server under test')
  const clipPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-cancel-')), 'cut.mp4')
  await makeFrameCodedClip({ rate: '25', frames: 150, outputPath: clipPath })
  const clipBytes = fs.statSync(clipPath).size

  const { page } = actors.owner
  await actors.owner.signUp()
  const projectId = await actors.owner.workspace.createProject({ name: `Cancel ${uniqueSuffix()}`, frameRate: /^25 fps/ })
  await createReviewItem(page, projectId, `Cancelled ${uniqueSuffix()}`)

  // About 32 KB a second: the clip takes many seconds, so it is certainly still going when Cancel is pressed.
  const unthrottle = await throttleUploads(page, 32 * 1024)
  await page.getByRole('button', { name: 'Upload v1' }).click()
  const dialog = page.getByRole('dialog', { name: 'Upload v1' })
  const created = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/uploads')
  await page.getByLabel('Video file').setInputFiles(clipPath)
  const location = (await created).headers()['location']
  expect(location).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/)
  const partial = path.join(dataDir, 'uploads', 'partial', location!.split('/').at(-1)!)

  // Some bytes have reached the server, not all of them.
  await expect.poll(() => (fs.existsSync(partial) ? fs.statSync(partial).size : 0), { timeout: 30_000 }).toBeGreaterThan(0)
  expect(fs.statSync(partial).size).toBeLessThan(clipBytes)
  await expect(dialog.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible()

  await dialog.getByRole('button', { name: 'Cancel upload' }).click()
  await expect(dialog.getByText('Drop a video here, or choose a file')).toBeVisible()
  await expect.poll(() => fs.existsSync(partial), { timeout: 10_000 }).toBe(false)
  // The server has forgotten the upload: it cannot be resumed or finished into a version behind the page's back.
  const head = await page.request.head(location!, { headers: { 'Tus-Resumable': '1.0.0' } })
  expect([404, 410]).toContain(head.status())
  await unthrottle()

  await page.keyboard.press('Escape')
  await page.reload()
  await expect(page.getByRole('button', { name: 'Upload v1' })).toBeVisible()
  await expect(page.locator('video[src^="/api/media/"]')).toHaveCount(0)
})

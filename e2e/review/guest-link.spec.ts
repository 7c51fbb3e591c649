// A client reviews a cut through a password-protected share link, without an account, and loses access within five
// seconds of the owner turning the link off: the page says so and the proxy stops being served.
import os from 'node:os'
import path from 'node:path'
import { test, expect } from '../fixtures/actors'
import { createReviewWithClip, createShareLink, makeTestClip } from '../fixtures/guest-link'
import { uniqueSuffix } from '../fixtures/unique'

test('an unknown link gets a friendly 404 page', async ({ actors }) => {
  const response = await actors.stranger.page.goto(`/r/${'x'.repeat(43)}`)
  expect(response?.status()).toBe(404)
  await expect(actors.stranger.page.getByRole('heading', { name: 'This review link does not work' })).toBeVisible()
})

test('a guest opens a password link, comments, and is cut off within 5 s of revocation', async ({ actors }, testInfo) => {
  test.setTimeout(240_000)
  const { owner } = actors
  const guest = actors.stranger
  const clip = path.join(os.tmpdir(), `guest-link-${uniqueSuffix()}.mp4`)
  await makeTestClip(clip)

  const workspaceId = await owner.signUp()
  await owner.workspace.goto(workspaceId)
  const projectId = await owner.workspace.createProject({ name: `Guest link ${uniqueSuffix()}` })
  const title = `Teaser ${uniqueSuffix()}`
  await createReviewWithClip(owner.page, projectId, title, clip)
  const password = `sesame-${uniqueSuffix()}`
  const url = await createShareLink(owner.page, { canComment: true, password })
  const token = url.split('/r/')[1]!

  // The guest: link → password → name → the review, on a clean URL with an httpOnly session cookie.
  const landing = await guest.page.goto(new URL(url).pathname)
  expect(landing?.headers()['referrer-policy']).toBe('no-referrer')
  await expect(guest.page.getByRole('heading', { name: 'This review is protected' })).toBeVisible()
  expect(guest.page.url()).not.toContain(token)
  expect(guest.page.url()).toMatch(/\/review\/[^/]+$/)
  await guest.page.getByLabel('Password').fill('not the password')
  await guest.page.getByRole('button', { name: 'Continue' }).click()
  await expect(guest.page.getByRole('alert').filter({ hasText: 'That password is not right.' })).toBeVisible()
  await guest.page.getByLabel('Password').fill(password)
  await guest.page.getByRole('button', { name: 'Continue' }).click()
  await guest.page.getByLabel('Your name').fill('Clara Client')
  await guest.page.getByRole('button', { name: 'Open the review' }).click()
  await expect(guest.page.getByTestId('guest-review-title')).toHaveText(title)
  await expect(guest.page.getByText('You can comment and approve')).toBeVisible()
  expect(guest.page.url()).not.toContain(token)
  const [cookie] = (await guest.context.cookies()).filter((candidate) => candidate.name === 'storyreel-guest')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
  expect(cookie!.value).not.toContain(token)
  await testInfo.attach('guest-review', { body: await guest.page.screenshot({ fullPage: true }), contentType: 'image/png' })

  // The guest's proxy is served to the guest session.
  const proxyUrl = await guest.page.locator('video[src^="/api/media/"]').first().getAttribute('src')
  expect(proxyUrl).toBeTruthy()
  expect((await guest.page.request.get(proxyUrl!, { headers: { range: 'bytes=0-99' } })).status()).toBe(206)

  // A note from the guest reaches the owner live, marked as a guest's.
  const note = `Warmer grade here ${uniqueSuffix()}`
  await guest.page.getByLabel('Comment', { exact: true }).fill(note)
  await guest.page.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(guest.page.getByText(note)).toBeVisible()
  await owner.page.keyboard.press('Escape')
  await expect(owner.page.getByText(note)).toBeVisible({ timeout: 5_000 })

  // The owner turns the link off; within five seconds the guest's page says so and the proxy is refused.
  await owner.page.getByRole('button', { name: 'Share' }).click()
  const dialog = owner.page.getByRole('dialog', { name: /^Share/ })
  await dialog.getByTestId('share-link-row').filter({ hasText: 'Active' }).getByRole('button', { name: 'Turn off' }).click()
  await owner.page.getByRole('button', { name: 'Turn off link' }).click()
  const revokedAt = Date.now()
  await expect(guest.page.getByRole('heading', { name: 'This review link was turned off' })).toBeVisible({ timeout: 5_000 })
  const media = await guest.page.request.get(proxyUrl!)
  expect([404, 410]).toContain(media.status())
  expect(Date.now() - revokedAt).toBeLessThan(5_000)
  await expect(dialog.getByTestId('share-link-row').first()).toHaveAttribute('data-status', 'revoked')
  await testInfo.attach('guest-after-revoke', { body: await guest.page.screenshot(), contentType: 'image/png' })

  // Opening the link again now explains instead of failing.
  const again = await guest.page.goto(new URL(url).pathname)
  expect(again?.status()).toBe(410)
})

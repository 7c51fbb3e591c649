// The render card's Motion choice: stills by default, "AI motion (offline generator)" when the server would use the
// offline generator, and a render asked for with AI motion finishes into review like any other.
import type { Page, TestInfo } from '@playwright/test'
import { test, expect } from '../fixtures/actors'
import { uniqueSuffix } from '../fixtures/unique'

async function snap(testInfo: TestInfo, page: Page, name: string) {
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

test('choose AI motion in the render card and render with it', async ({ actors }, testInfo) => {
  test.setTimeout(180_000)
  const { owner } = actors
  await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: `Drift ${uniqueSuffix()}`, frameRate: /^24 fps/ })
  await owner.page.goto(`/p/${projectId}/animatic`)
  const card = owner.page.getByTestId('render-animatic')
  await expect(card.getByRole('radio', { name: 'Stills' })).toBeChecked()
  // The server runs the default (offline) video model, so the choice must say so, not just "AI motion".
  await card.getByText('AI motion (offline generator)', { exact: true }).click()
  await expect(card.getByRole('radio', { name: 'AI motion (offline generator)' })).toBeChecked()
  await expect(card.getByText(/made by the offline generator/)).toBeVisible()
  await card.getByText('720p', { exact: true }).click()
  await snap(testInfo, owner.page, 'animatic-ai-motion')
  await card.getByRole('button', { name: 'Render animatic' }).click()
  await expect(card.getByRole('link', { name: 'Open v1 in review' })).toBeVisible({ timeout: 120_000 })
})

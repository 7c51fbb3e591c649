// The dashboard guides a new workspace to its first project and offers every frame rate we support.
import { test, expect } from '../fixtures/actors'
import { frameRates } from '../../lib/frame-rates'

test('an empty workspace says what to do next, and the new-project dialog offers every frame rate', async ({ actors }) => {
  const { owner } = actors
  await owner.signUp()
  await expect(owner.page.getByRole('heading', { name: 'No projects yet' })).toBeVisible()

  const dialog = await owner.workspace.openNewProjectDialog()
  await dialog.getByLabel('Frame rate', { exact: true }).click()
  const options = owner.page.getByRole('option')
  await expect(options).toHaveCount(frameRates.length)
  for (const rate of frameRates) await expect(owner.page.getByRole('option', { name: rate.label, exact: true })).toBeVisible()
  await owner.page.keyboard.press('Escape')

  // A start timecode that does not exist at the chosen rate is refused with the reason, inline.
  await dialog.getByLabel('Name', { exact: true }).fill('Timecode check')
  await dialog.getByLabel('Start timecode').fill('01:00:00:30')
  await dialog.getByRole('button', { name: 'Create project' }).click()
  await expect(dialog.getByText('Frames go from 00 to 23')).toBeVisible()

  // Esc closes the dialog without creating anything.
  await owner.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(owner.workspace.projectCards).toHaveCount(0)
})

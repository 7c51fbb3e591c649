// Creating, archiving and restoring projects, by keyboard as well as by mouse.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'

test('a project can be created with the keyboard alone: Enter opens and submits, focus starts in the name', async ({ actors }) => {
  const { owner } = actors
  await owner.signUp()
  const newProject = owner.page.getByRole('button', { name: 'New project' })
  await newProject.focus()
  await owner.page.keyboard.press('Enter')
  const dialog = owner.page.getByRole('dialog', { name: 'New project' })
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused()
  await owner.page.keyboard.type('Keyboard Cut')
  await owner.page.keyboard.press('Enter')
  await expect(owner.page).toHaveURL(/\/p\/[^/]+$/)
  await expect(owner.project.title).toHaveText('Keyboard Cut')
  // The defaults: 24 fps, HD, one hour start.
  const format = owner.page.getByRole('list', { name: 'Project format' }).first()
  await expect(format).toContainText('24 fps')
  await expect(format).toContainText('1920 × 1080')
  await expect(format).toContainText('01:00:00:00')
})

test('archiving moves a project under Archived, read-only, and restoring brings it back', async ({ actors }) => {
  const { owner } = actors
  const workspaceId = await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: 'Old Pilot', frameRate: /^25 fps/ })

  await owner.project.goto(projectId, 'settings')
  await owner.page.getByRole('button', { name: 'Archive project' }).click()
  await owner.page.getByRole('dialog').getByRole('button', { name: 'Archive project' }).click()
  await expect(toast(owner.page, 'Project archived', 'success')).toBeVisible()
  await expect(owner.page.getByText('Archived', { exact: true }).first()).toBeVisible()

  await owner.workspace.goto(workspaceId)
  await expect(owner.page.getByRole('list', { name: 'Projects', exact: true })).toHaveCount(0)
  await owner.page.getByText('Archived (1)').click()
  await expect(owner.page.getByRole('list', { name: 'Archived projects' }).getByTestId('project-card')).toHaveText(/Old Pilot/)

  await owner.project.goto(projectId, 'settings')
  await owner.page.getByRole('button', { name: 'Restore project' }).click()
  await expect(toast(owner.page, 'Project restored from the archive', 'success')).toBeVisible()
  await owner.workspace.goto(workspaceId)
  await expect(owner.workspace.projectCard('Old Pilot')).toBeVisible()
  await expect(owner.page.getByText(/^Archived \(/)).toHaveCount(0)
})

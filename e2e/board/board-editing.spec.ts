// One person working the board and the shot list: timing in seconds+frames, undo/redo, deletes that can be taken
// back, and the shot list's filter, grouping, sorting, column choice and reordering.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'
import { BoardPage, ShotListPage } from '../fixtures/board-pages'
import { uniqueSuffix } from '../fixtures/unique'

test('timing, undo and redo, and an undoable delete on the board', async ({ actors }) => {
  const { owner } = actors
  await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: `Harbour ${uniqueSuffix()}`, frameRate: /^24 fps/ })
  const board = new BoardPage(owner.page)
  await board.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await expect(board.runningTime).toHaveText('2s 00f')

  await board.selectPanel('Scene 1 · Shot 1A · panel 1')
  await board.inspector.getByLabel('Duration seconds').fill('3')
  await board.inspector.getByLabel('Duration frames').fill('12')
  await board.inspector.getByLabel('Duration frames').press('Enter')
  await expect(board.runningTime).toHaveText('3s 12f')
  await expect(board.panel('Scene 1 · Shot 1A · panel 1')).toContainText('3s 12f')

  // Undo and redo from the keyboard, outside any text field.
  await board.counts.click()
  await owner.page.keyboard.press('ControlOrMeta+z')
  await expect(board.runningTime).toHaveText('2s 00f')
  await owner.page.keyboard.press('ControlOrMeta+Shift+z')
  await expect(board.runningTime).toHaveText('3s 12f')

  await board.inspector.getByRole('button', { name: 'Duplicate' }).click()
  await expect(board.counts).toHaveText('1 scene · 1 shot · 2 panels')
  await expect(board.runningTime).toHaveText('7s 00f')
  await board.inspector.getByRole('button', { name: 'Delete' }).click()
  await expect(board.counts).toHaveText('1 scene · 1 shot · 1 panel')
  await toast(owner.page, 'Panel 2 deleted', 'success').getByRole('button', { name: 'Undo' }).click()
  await expect(board.counts).toHaveText('1 scene · 1 shot · 2 panels')

  // A panel moved by keyboard into the next shot: lift, arrow down onto shot 1B's panel, drop before it.
  await owner.page.getByRole('button', { name: 'Add shot' }).click()
  await expect(board.shot('Scene 1 · Shot 1B').getByTestId('panel-card')).toHaveCount(1)
  const handle = owner.page.getByRole('button', { name: 'Move Scene 1 · Shot 1A · panel 2', exact: true })
  await handle.focus()
  await owner.page.keyboard.press('Space')
  await expect(handle).toHaveAttribute('aria-pressed', 'true')
  await owner.page.keyboard.press('ArrowDown')
  await expect(owner.page.getByText('Panel 2 of shot 1A is over panel 1 of shot 1B.')).toBeAttached()
  await owner.page.keyboard.press('Space')
  await expect(board.shot('Scene 1 · Shot 1A').getByTestId('panel-card')).toHaveCount(1)
  await expect(board.shot('Scene 1 · Shot 1B').getByTestId('panel-card')).toHaveCount(2)
  // It kept its 3s 12f and now opens shot 1B.
  await expect(board.panel('Scene 1 · Shot 1B · panel 1')).toContainText('3s 12f')
})

test('the shot list filters, groups, sorts, remembers hidden columns and reorders by button and keyboard', async ({ actors }) => {
  const { owner } = actors
  await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: `Breakwater ${uniqueSuffix()}` })
  const list = new ShotListPage(owner.page)
  await list.goto(projectId)
  await expect(owner.page.getByRole('heading', { name: 'No shots yet' })).toBeVisible()
  for (let i = 0; i < 3; i++) await owner.page.getByRole('button', { name: 'Add shot' }).first().click()
  await expect(list.rows).toHaveCount(3)
  await list.editText('Location', '1A', 'Harbour')
  await list.editText('Location', '1B', 'Cliff')
  await list.editText('Location', '1C', 'Harbour')

  // Tab saves and moves to the next cell; Enter opens it; Escape drops a change.
  await list.cell('Lens', '1A').click()
  await owner.page.getByRole('textbox', { name: 'Lens of shot 1A' }).fill('40mm')
  await owner.page.keyboard.press('Tab')
  await expect(list.cell('Lens', '1A')).toHaveText('40mm')
  await expect(list.cell('Equipment', '1A')).toBeFocused()
  await owner.page.keyboard.press('Enter')
  await owner.page.getByRole('textbox', { name: 'Equipment of shot 1A' }).fill('Slider')
  await owner.page.keyboard.press('Escape')
  await expect(list.cell('Equipment', '1A')).toHaveText('—')
  await expect(list.cell('Equipment', '1A')).toBeFocused()

  await owner.page.getByLabel('Filter shots').fill('cliff')
  await expect(list.rows).toHaveCount(1)
  await expect(list.cell('Shot', '1B')).toBeVisible()
  await owner.page.getByLabel('Filter shots').fill('')

  await owner.page.getByLabel('Group by').selectOption('location')
  await expect(owner.page.getByRole('rowgroup', { name: 'Harbour' }).getByTestId('shot-row')).toHaveCount(2)
  await expect(owner.page.getByRole('rowgroup', { name: 'Cliff' }).getByTestId('shot-row')).toHaveCount(1)
  await owner.page.getByLabel('Group by').selectOption('none')

  await owner.page.getByRole('button', { name: 'Location', exact: true }).click()
  await expect(list.rows.first()).toContainText('Cliff')
  await owner.page.getByRole('button', { name: 'Location', exact: true }).click() // descending
  await owner.page.getByRole('button', { name: 'Location', exact: true }).click() // back to board order
  await expect(list.rows.first()).toContainText('Harbour')

  // Move 1A down with its button: it becomes 1B. Alt+↑ in its row takes it back.
  await owner.page.getByRole('button', { name: 'Move shot 1A down' }).click()
  await expect(list.cell('Location', '1A')).toHaveText('Cliff')
  await list.cell('Location', '1B').focus()
  await owner.page.keyboard.press('Alt+ArrowUp')
  await expect(list.cell('Location', '1A')).toHaveText('Harbour')

  // Hide the lens column; it stays hidden after a reload.
  await owner.page.getByRole('button', { name: 'Columns' }).click()
  await owner.page.getByRole('menuitemcheckbox', { name: 'Lens' }).click()
  await owner.page.keyboard.press('Escape')
  await expect(list.cell('Lens', '1A')).toHaveCount(0)
  await owner.page.reload()
  await expect(list.cell('Location', '1A')).toHaveText('Harbour')
  await expect(list.cell('Lens', '1A')).toHaveCount(0)
})

test('a stroke drawn in the panel editor becomes the panel’s picture on the board', async ({ actors }) => {
  // tldraw's first load, a render and an upload: ~25 s on a quiet machine, past a minute beside the render specs in CI.
  test.setTimeout(120_000)
  const { owner } = actors
  await owner.signUp()
  const projectId = await owner.workspace.createProject({ name: `Beacon ${uniqueSuffix()}`, resolution: /2048 × 858/ })
  const board = new BoardPage(owner.page)
  await board.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  const card = board.panel('Scene 1 · Shot 1A · panel 1')
  await expect(card.locator('img')).toHaveCount(0) // the numbered placeholder until something is drawn

  await board.selectPanel('Scene 1 · Shot 1A · panel 1')
  await board.inspector.getByRole('button', { name: 'Draw panel' }).click()
  const dialog = owner.page.getByRole('dialog', { name: 'Scene 1 · Shot 1A · panel 1' })
  // tldraw's canvas and its "d" shortcut for the draw tool: the editor's own surface, not ours to relabel.
  const canvas = dialog.locator('.tl-canvas')
  // The drawing tools are a large chunk loaded on first open; on a busy two-core runner that can take a while.
  await expect(canvas).toBeVisible({ timeout: 30_000 })
  await owner.page.keyboard.press('d')
  const box = (await canvas.boundingBox())!
  await owner.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4)
  await owner.page.mouse.down()
  for (let i = 1; i <= 10; i++) await owner.page.mouse.move(box.x + box.width * (0.3 + i * 0.04), box.y + box.height * (0.4 + (i % 2) * 0.1))
  await owner.page.mouse.up()

  // The editor renders the frame shortly after the last stroke; the board behind the dialog picks it up.
  await expect(card.locator('img')).toHaveAttribute('src', /^\/api\/media\//, { timeout: 20_000 })
  await expect(card.locator('img')).toHaveJSProperty('complete', true)
  expect(await card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // A stroke followed at once by Close, inside the idle delay: the picture is rendered before the editor goes away.
  const firstPicture = (await card.locator('img').getAttribute('src'))!
  await board.inspector.getByRole('button', { name: 'Draw panel' }).click()
  await expect(canvas).toBeVisible({ timeout: 30_000 })
  await owner.page.keyboard.press('d')
  await owner.page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.7)
  await owner.page.mouse.down()
  for (let i = 1; i <= 6; i++) await owner.page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * 0.7)
  await owner.page.mouse.up()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden({ timeout: 20_000 })
  await expect(card.locator('img')).not.toHaveAttribute('src', firstPicture)
})

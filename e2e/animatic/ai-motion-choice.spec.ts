// The render card's choices: Motion is stills by default and says "AI motion (offline generator)" when the server
// would use the offline generator; Sound takes an uploaded scratch voice, recorded in the disclosure ledger as the
// uploader declared it; and a render asked for with both finishes into review like any other.
import type { Page, TestInfo } from '@playwright/test'
import { test, expect } from '../fixtures/actors'
import { BoardPage } from '../fixtures/board-pages'
import { uniqueSuffix } from '../fixtures/unique'

/** A mono 16-bit PCM WAV of a quiet tone, made here so the spec needs no fixture file. */
function toneWav(seconds: number, rate = 16_000): Buffer {
  const samples = Math.round(seconds * rate)
  const wav = Buffer.alloc(44 + samples * 2)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + samples * 2, 4)
  wav.write('WAVEfmt ', 8, 'ascii')
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20) // PCM
  wav.writeUInt16LE(1, 22) // mono
  wav.writeUInt32LE(rate, 24)
  wav.writeUInt32LE(rate * 2, 28)
  wav.writeUInt16LE(2, 32)
  wav.writeUInt16LE(16, 34)
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / rate)), 44 + i * 2)
  return wav
}

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
  // One panel of the default 2 s, with no picture: it renders as a slate, so AI motion makes no clip for it.
  const board = new BoardPage(owner.page)
  await board.goto(projectId)
  await owner.page.getByRole('button', { name: 'Add scene' }).first().click()
  await expect(board.runningTime).toHaveText('2s 00f')
  await owner.page.goto(`/p/${projectId}/animatic`)
  const card = owner.page.getByTestId('render-animatic')
  await expect(card.getByRole('radio', { name: 'Stills' })).toBeChecked()
  // The server runs the default (offline) video model, so the choice must say so, not just "AI motion".
  await card.getByText('AI motion (offline generator)', { exact: true }).click()
  await expect(card.getByRole('radio', { name: 'AI motion (offline generator)' })).toBeChecked()
  await expect(card.getByText(/made by the offline generator/)).toBeVisible()
  await card.getByText('720p', { exact: true }).click()
  // A scratch voice: uploaded, listed, chosen for the render.
  const sound = card.getByTestId('animatic-sound')
  await expect(sound.getByRole('radio', { name: /^No sound/ })).toBeChecked()
  await sound.getByLabel('Upload music or a scratch voice').setInputFiles({ name: 'scratch-vo.wav', mimeType: 'audio/wav', buffer: toneWav(3) })
  await sound.getByLabel('What it is').selectOption('voice_audio')
  await sound.getByRole('button', { name: 'Upload sound' }).click()
  await expect(sound.getByRole('radio', { name: /^scratch-vo\.wav/ })).toBeChecked()
  await expect(sound.getByText('0:03 · Voice · made by the team')).toBeVisible()
  await snap(testInfo, owner.page, 'animatic-ai-motion')
  await card.getByRole('button', { name: 'Render animatic' }).click()
  await expect(card.getByRole('link', { name: 'Open v1 in review' })).toBeVisible({ timeout: 120_000 })
  // The ledger has the voice under its category, as a person's work.
  const report = await (await owner.page.request.get(`/api/projects/${projectId}/disclosure/report.json`)).json()
  expect(report.summary.byCategory.voice_audio).toMatchObject({ human: 1 })
})

// Worker for bench/render/animatic.ts: renders the scenario given as JSON in argv[2] with our renderer, in its own
// process so the runner can measure this process tree's memory alone, and prints {"seconds": …} when done.
import fs from 'node:fs/promises'
import { planAnimatic } from '../../lib/animatic'
import { renderAnimatic } from '../../server/media/animatic/render-animatic'
import { fps, scenarioPanels, type Scenario } from './bench-scenario'

async function main() {
  const scenario = JSON.parse(process.argv[2]!) as Scenario
  const rate = { numerator: fps, denominator: 1, dropFrame: false }
  const overlays = { captions: scenario.overlays, labels: scenario.overlays, timecode: scenario.overlays }
  const plan = planAnimatic(scenarioPanels(scenario), { rate, startTimecode: '01:00:00:00', overlays })
  const started = performance.now()
  await renderAnimatic({
    plan, width: scenario.width, height: scenario.height, rate, outputPath: scenario.output,
    loadPicture: (file) => fs.readFile(file), encoder: { preset: scenario.preset, crf: scenario.crf },
  })
  const { user, system } = process.cpuUsage()
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, nodeCpuSeconds: (user + system) / 1e6 }))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

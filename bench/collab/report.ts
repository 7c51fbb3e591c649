// The benchmark's Markdown tables.
import type { Row } from './measure'
import type { MemoryResult } from './memory'
import type { ServerName } from './processes'

export interface Saturation {
  lastOk: number | null
  firstOver: number | null
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—')
const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)} %` : '—')
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—')

export function renderReport(
  rows: Row[],
  saturation: Partial<Record<ServerName, Saturation>>,
  memory: Partial<Record<ServerName, MemoryResult>>,
  memoryDocs: number,
  firstStep: number,
): string {
  const servers = [...new Set(rows.map((row) => row.server))]
  const lines = [
    '| scenario | server | samples | p50 ms | p95 ms | p99 ms | max ms | lost | server RSS MB | server CPU | longest server stall ms | client CPU |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const scenario of [...new Set(rows.map((row) => row.scenario))]) {
    const pair = rows.filter((row) => row.scenario === scenario)
    for (const r of pair) {
      lines.push(
        `| ${scenario} | ${r.server} | ${r.samples} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.lost} / ${r.expected} | ${r.rssMb.toFixed(0)} | ${pct(r.serverCpu)} | ${ms(r.loopDelayMax)} | ${pct(r.clientCpu)} |`,
      )
    }
    const stock = pair.find((row) => row.server === 'stock')
    for (const ours of pair.filter((row) => row.server !== 'stock')) {
      if (!stock) continue
      lines.push(`| ${scenario} | **${ours.server} / stock** | | ${ratio(ours.p50, stock.p50)} | ${ratio(ours.p95, stock.p95)} | **${ratio(ours.p99, stock.p99)}** | | | | ${ratio(ours.serverCpu, stock.serverCpu)} | | |`)
    }
  }
  const describe = (s: Saturation) =>
    `${s.lastOk === null ? `below ${firstStep}` : `${s.lastOk}`} rooms × 5 ${s.firstOver === null ? '(never crossed p99 100 ms within the steps)' : `(p99 > 100 ms or loss at ${s.firstOver})`}`
  lines.push('', '| saturation: last step with p99 ≤ 100 ms and no loss (a failed step is retried once) | |', '| --- | --- |')
  for (const server of servers) {
    const state = saturation[server]
    if (state) lines.push(`| ${server} | ${describe(state)} |`)
  }
  const measured = servers.filter((server) => memory[server])
  lines.push('', `| memory, ${memoryDocs} documents × 100 map entries, one idle client each | ${measured.join(' | ')} |`, `| --- |${' ---: |'.repeat(measured.length)}`)
  const both = (pick: (m: MemoryResult) => string) => measured.map((server) => pick(memory[server]!)).join(' | ')
  lines.push(`| heap before (MB, after GC) | ${both((m) => m.base.toFixed(1))} |`)
  lines.push(`| heap with the documents loaded (MB) | ${both((m) => m.loaded.toFixed(1))} |`)
  lines.push(`| heap per idle loaded document, with its socket (KB) | ${both((m) => (((m.loaded - m.base) * 1024) / memoryDocs).toFixed(1))} |`)
  lines.push(`| heap after every client left (MB) | ${both((m) => m.after.toFixed(1))} |`)
  lines.push(`| heap after a second load-and-leave cycle (MB) | ${both((m) => m.afterSecond.toFixed(1))} |`)
  lines.push(`| documents still in memory after everyone left | ${both((m) => String(m.roomsAfter))} |`)
  lines.push(`| RSS before / loaded / after both cycles (MB) | ${both((m) => `${m.baseRss.toFixed(0)} / ${m.loadedRss.toFixed(0)} / ${m.afterRss.toFixed(0)}`)} |`)
  return lines.join('\n')
}

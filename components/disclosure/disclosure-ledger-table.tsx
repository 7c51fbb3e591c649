// Every ledger row of the project, oldest first: what the asset is, who or what made it, with which model and
// prompt, and what it was made from. Long prompts are clamped; the full text is in the title and the exports.
import { Badge } from '@/components/ui/badge'
import type { DisclosureEntry } from '@/lib/provenance/disclosure-report'
import { categoryLabels, isAiOrigin, originLabels } from '@/lib/provenance/vocabulary'

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export function DisclosureLedgerTable({ entries }: { entries: readonly DisclosureEntry[] }) {
  const names = new Map(entries.map((entry) => [entry.assetId, entry.assetName]))
  return (
    <div className="overflow-x-auto rounded-xl border border-border">
      <table className="w-full min-w-[960px] text-left text-sm" data-testid="disclosure-ledger">
        <thead className="bg-muted/60 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {['Asset', 'Origin', 'Category', 'Provider', 'Model', 'Prompt', 'Seed', 'Who', 'When (UTC)', 'Made from'].map((title) => (
              <th key={title} scope="col" className="px-3 py-2 font-medium">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map((entry, index) => (
            <tr key={`${entry.assetId}-${index}`} className="align-top">
              <td className="max-w-48 px-3 py-2">
                <span className="block truncate font-medium" title={entry.assetName}>{entry.assetName}</span>
                {entry.assetDeleted ? <span className="text-xs text-muted-foreground">deleted</span> : null}
              </td>
              <td className="px-3 py-2">
                <Badge variant={isAiOrigin(entry.origin) ? 'warning' : entry.origin === 'human' ? 'success' : 'neutral'}>{originLabels[entry.origin]}</Badge>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{categoryLabels[entry.category]}</td>
              <td className="px-3 py-2">{entry.provider ?? <Dash />}</td>
              <td className="max-w-40 px-3 py-2 break-words">{entry.model ?? <Dash />}</td>
              <td className="max-w-72 px-3 py-2">
                {entry.prompt ? <span className="line-clamp-3 whitespace-pre-line" title={entry.prompt}>{entry.prompt}</span> : <Dash />}
              </td>
              <td className="px-3 py-2 tabular-nums">{entry.seed ?? <Dash />}</td>
              <td className="px-3 py-2 whitespace-nowrap">{entry.recordedBy ?? <Dash />}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{when.format(new Date(entry.recordedAt))}</td>
              <td className="max-w-48 px-3 py-2">
                {entry.parentAssetIds.length === 0 ? <Dash /> : entry.parentAssetIds.map((id) => <span key={id} className="block truncate">{names.get(id) ?? id}</span>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Dash() {
  return <span className="text-muted-foreground">—</span>
}

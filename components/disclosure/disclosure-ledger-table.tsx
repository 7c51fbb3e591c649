// Every ledger row of the project, oldest first: what the asset is, who or what made it, with which model and
// prompt, and what it was made from. Long prompts are clamped; the full text is in the title and the exports.
import { Badge } from '@/components/ui/badge'
import { entryNote } from '@/lib/provenance/declaration'
import type { DisclosureEntry } from '@/lib/provenance/disclosure-report'
import { categoryLabels, isAiOrigin, originLabels, type ProvenanceOrigin } from '@/lib/provenance/vocabulary'

/** Short enough for a badge in a ten-column table; the full wording is the badge's title and in every export. */
const shortOrigin: Record<ProvenanceOrigin, string> = {
  human: 'Person',
  imported: 'Imported',
  ai_generated: 'AI-generated',
  ai_assisted: 'Person over AI',
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export function DisclosureLedgerTable({ entries }: { entries: readonly DisclosureEntry[] }) {
  const names = new Map(entries.map((entry) => [entry.assetId, entry.assetName]))
  return (
    <div className="overflow-x-auto rounded-xl border border-border">
      <table className="w-full min-w-[880px] text-left text-sm" data-testid="disclosure-ledger">
        <thead className="bg-muted/60 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {['Asset', 'Origin', 'Category', 'Model', 'Prompt or note', 'Seed', 'Who and when (UTC)', 'Made from'].map((title) => (
              <th key={title} scope="col" className="px-3 py-2 font-medium">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map((entry, index) => (
            <tr key={`${entry.assetId}-${index}`} className="align-top">
              <td className="max-w-40 px-3 py-2">
                <span className="block truncate font-medium" title={entry.assetName}>{entry.assetName}</span>
                {entry.assetDeleted ? <span className="text-xs text-muted-foreground">deleted</span> : null}
              </td>
              <td className="px-3 py-2">
                <Badge variant={isAiOrigin(entry.origin) ? 'warning' : entry.origin === 'human' ? 'success' : 'neutral'} title={originLabels[entry.origin]}>
                  {shortOrigin[entry.origin]}
                </Badge>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{categoryLabels[entry.category]}</td>
              <td className="max-w-44 px-3 py-2">
                {entry.model || entry.provider ? (
                  <>
                    <span className="block truncate" title={entry.model ?? undefined}>{entry.model ?? 'unknown model'}</span>
                    {entry.provider ? <span className="text-xs text-muted-foreground">{entry.provider}</span> : null}
                  </>
                ) : (
                  <Dash />
                )}
              </td>
              <td className="min-w-48 px-3 py-2">
                {entryNote(entry) ? <span className="line-clamp-3 whitespace-pre-line" title={entryNote(entry)!}>{entryNote(entry)}</span> : <Dash />}
              </td>
              <td className="px-3 py-2 tabular-nums">{entry.seed ?? <Dash />}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <span className="block">{entry.recordedBy ?? <Dash />}</span>
                <span className="text-xs tabular-nums text-muted-foreground">{when.format(new Date(entry.recordedAt))}</span>
              </td>
              <td className="max-w-40 px-3 py-2">
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

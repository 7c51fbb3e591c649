// The four headline cards of the disclosure page: panels with AI imagery, the latest animatic's AI seconds, the
// models and providers used, and assets by category and origin.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import type { DisclosureReport } from '@/lib/provenance/disclosure-report'
import { formatSeconds } from '@/lib/provenance/disclosure-sentences'
import { categoryLabels, originLabels, provenanceCategories, provenanceOrigins } from '@/lib/provenance/vocabulary'

export function DisclosureSummaryCards({ summary }: { summary: DisclosureReport['summary'] }) {
  const { panels, animatic } = summary
  const share = panels.total ? Math.round((panels.withAiImagery / panels.total) * 100) : 0
  const categories = provenanceCategories.filter((category) => provenanceOrigins.some((origin) => summary.byCategory[category][origin] > 0))
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Card data-testid="disclosure-panels">
        <CardHeader>
          <CardDescription>Panels with AI imagery</CardDescription>
          <CardTitle className="text-3xl tabular-nums">
            {panels.withAiImagery} <span className="text-lg font-normal text-muted-foreground">of {panels.total}</span>
          </CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-2">
          <div className="h-1.5 overflow-hidden rounded-full bg-muted" role="img" aria-label={`${share}% of panels`}>
            <div className="h-full rounded-full bg-primary" style={{ width: `${share}%` }} />
          </div>
          <p className="text-xs text-muted-foreground">
            {panels.total === 0 ? 'The board has no panels yet.' : `${panels.total - panels.withAiImagery} drawn, photographed or imported without AI.`}
          </p>
        </CardContent>
      </Card>

      <Card data-testid="disclosure-animatic">
        <CardHeader>
          <CardDescription>Latest animatic with AI content</CardDescription>
          {animatic.status === 'none' ? (
            <CardTitle className="text-lg text-muted-foreground">No animatic yet</CardTitle>
          ) : (
            <CardTitle className="text-3xl tabular-nums">
              {formatSeconds(animatic.aiSeconds)} <span className="text-lg font-normal text-muted-foreground">of {formatSeconds(animatic.seconds)}</span>
            </CardTitle>
          )}
        </CardHeader>
        <CardContent>
          <p className="text-xs text-muted-foreground">
            {animatic.status === 'none'
              ? 'Render the animatic from the board; its seconds with AI imagery are counted here.'
              : `${animatic.reviewItemTitle} v${animatic.versionNumber}${animatic.timingFrom === 'board' ? ' · timing taken from the current board' : ''}`}
          </p>
        </CardContent>
      </Card>

      <Card data-testid="disclosure-models">
        <CardHeader>
          <CardDescription>Models and providers</CardDescription>
          <CardTitle className="text-3xl tabular-nums">{summary.models.length}</CardTitle>
        </CardHeader>
        <CardContent>
          {summary.models.length === 0 ? (
            <p className="text-xs text-muted-foreground">No generative model has made anything in this project.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {summary.models.map((use) => (
                <li key={`${use.provider}/${use.model}`} className="flex items-baseline justify-between gap-2">
                  <span className="truncate" title={use.model}>
                    {use.model} <span className="text-muted-foreground">· {use.provider}</span>
                  </span>
                  <span className="shrink-0 tabular-nums text-muted-foreground">{use.assets}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card data-testid="disclosure-categories">
        <CardHeader>
          <CardDescription>By category</CardDescription>
          <CardTitle className="text-3xl tabular-nums">{summary.assets.withAi}<span className="text-lg font-normal text-muted-foreground"> of {summary.assets.total} assets with AI</span></CardTitle>
        </CardHeader>
        <CardContent>
          {categories.length === 0 ? (
            <p className="text-xs text-muted-foreground">Nothing recorded yet.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {categories.map((category) => (
                <li key={category} className="flex flex-wrap items-baseline justify-between gap-x-2">
                  <span>{categoryLabels[category]}</span>
                  <span className="text-xs text-muted-foreground">
                    {provenanceOrigins
                      .filter((origin) => summary.byCategory[category][origin] > 0)
                      .map((origin) => `${summary.byCategory[category][origin]} ${originLabels[origin].toLowerCase()}`)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  )
}

import type { DisclosureReport } from './disclosure-report'

// The report's headline numbers as sentences, written once so the page, Markdown, PDF and MP4 metadata word them
// the same way.

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function panelsSentence(summary: DisclosureReport['summary']): string {
  const { total, withAiImagery } = summary.panels
  if (total === 0) return 'The board has no panels yet.'
  return `${withAiImagery} of ${plural(total, 'panel')} contain AI-generated imagery.`
}

export function animaticSentence(summary: DisclosureReport['summary']): string {
  const animatic = summary.animatic
  if (animatic.status === 'none') return 'No animatic has been rendered yet.'
  return `${formatSeconds(animatic.aiSeconds)} of ${formatSeconds(animatic.seconds)} in the latest animatic (${animatic.reviewItemTitle} v${animatic.versionNumber}) show AI-generated content.`
}

export function modelsSentence(summary: DisclosureReport['summary']): string {
  if (summary.models.length === 0) return 'No generative models were used.'
  return `Models used: ${summary.models.map((use) => `${use.model} (${use.provider})`).join(', ')}.`
}

/** "12.5 s", "1 min 4.2 s": at most one decimal, enough for a disclosure form. */
export function formatSeconds(seconds: number): string {
  const tenths = Math.round(seconds * 10) / 10
  if (tenths < 60) return `${tenths} s`
  const minutes = Math.floor(tenths / 60)
  const rest = Math.round((tenths - minutes * 60) * 10) / 10
  return `${minutes} min ${rest} s`
}

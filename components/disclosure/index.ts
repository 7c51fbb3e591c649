// The AI-disclosure page's pieces: summary cards, the ledger table and the report downloads.
export { DisclosureSummaryCards } from './disclosure-summary-cards'
export { DisclosureLedgerTable } from './disclosure-ledger-table'
export { DisclosureDownloads } from './disclosure-downloads'
export { DeclareAiUseForm } from './declare-ai-use-form'

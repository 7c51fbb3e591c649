'use client'
// What an import would do, shown before anything is written: how each column was understood, warnings, and every
// row error with its spreadsheet row and column.
import { headerOf } from '@/lib/exports/shot-list-columns'
import type { ColumnMapping, ImportError } from '@/lib/exports/shot-list-csv-import'

const SHOWN_ERRORS = 100

export function ColumnMappingList({ columns }: { columns: readonly ColumnMapping[] }) {
  return (
    <div className="max-h-40 overflow-auto rounded-md border border-border">
      <table className="w-full text-sm" aria-label="Columns">
        <thead className="sticky top-0 bg-surface text-left text-xs text-subtle-foreground">
          <tr><th className="px-2 py-1 font-medium">In the file</th><th className="px-2 py-1 font-medium">Read as</th></tr>
        </thead>
        <tbody>
          {columns.map(({ header, column }, i) => (
            <tr key={`${i}-${header}`} className="border-t border-border">
              <td className="px-2 py-1 font-mono text-xs">{header || <em className="text-subtle-foreground">(no name)</em>}</td>
              <td className="px-2 py-1">{column ? headerOf(column) : <span className="text-subtle-foreground">ignored</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function ImportErrorList({ errors }: { errors: readonly ImportError[] }) {
  return (
    <div role="alert" className="flex flex-col gap-1">
      <p className="text-sm font-medium text-destructive">
        Nothing was imported: {errors.length === 1 ? 'one problem' : `${errors.length} problems`} to fix first.
      </p>
      <ul className="max-h-48 overflow-auto rounded-md border border-destructive/40 text-sm" aria-label="Import errors" data-testid="import-errors">
        {errors.slice(0, SHOWN_ERRORS).map((error, i) => (
          <li key={i} className="border-t border-border px-2 py-1 first:border-t-0">
            {error.row !== null ? <span className="font-mono text-xs">Row {error.row}</span> : null}
            {error.column ? <span className="font-mono text-xs"> · {error.column}</span> : null}
            {error.row !== null || error.column ? ': ' : ''}
            {error.message}
          </li>
        ))}
        {errors.length > SHOWN_ERRORS ? <li className="px-2 py-1 text-subtle-foreground">…and {errors.length - SHOWN_ERRORS} more.</li> : null}
      </ul>
    </div>
  )
}

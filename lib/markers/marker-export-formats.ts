// Every marker export a user can download, with the file details a route needs to serve it.
import type { MarkerExportInput } from './marker-export-input'
import { markersToAvidText } from './markers-to-avid-text'
import { markersToCsv } from './markers-to-csv'
import { markersToFcpxml } from './markers-to-fcpxml'
import { markersToPremiereXml } from './markers-to-premiere-xml'
import { markersToResolveEdl } from './markers-to-resolve-edl'

export interface MarkerExportFormat {
  id: 'csv' | 'resolve-edl' | 'premiere-xml' | 'fcpxml' | 'avid-markers'
  label: string
  extension: string
  mimeType: string
  render: (input: MarkerExportInput) => string
}

export const markerExportFormats = [
  { id: 'csv', label: 'Spreadsheet (CSV)', extension: 'csv', mimeType: 'text/csv; charset=utf-8', render: markersToCsv },
  { id: 'resolve-edl', label: 'DaVinci Resolve markers (EDL)', extension: 'edl', mimeType: 'text/plain; charset=utf-8', render: markersToResolveEdl },
  { id: 'premiere-xml', label: 'Premiere Pro (FCP 7 XML)', extension: 'xml', mimeType: 'application/xml; charset=utf-8', render: markersToPremiereXml },
  { id: 'fcpxml', label: 'Final Cut Pro (FCPXML)', extension: 'fcpxml', mimeType: 'application/xml; charset=utf-8', render: markersToFcpxml },
  { id: 'avid-markers', label: 'Avid Media Composer markers (text)', extension: 'txt', mimeType: 'text/plain; charset=utf-8', render: markersToAvidText },
] as const satisfies readonly MarkerExportFormat[]

export type MarkerExportFormatId = MarkerExportFormat['id']
export const markerExportFormatIds = markerExportFormats.map((format) => format.id) as [MarkerExportFormatId, ...MarkerExportFormatId[]]

// Review notes exported as markers for editing software; every export is a pure function from the same input.
export { markerExportInput, prepareMarkerExport, type MarkerExportInput, type PreparedExport, type PreparedMarker } from './marker-export-input'
export { markerColors, type MarkerColor } from './marker-colors'
export { markerExportFormatIds, markerExportFormats, type MarkerExportFormat, type MarkerExportFormatId } from './marker-export-formats'
export { markersToAvidText } from './markers-to-avid-text'
export { markersToCsv } from './markers-to-csv'
export { markersToFcpxml } from './markers-to-fcpxml'
export { markersToPremiereXml } from './markers-to-premiere-xml'
export { markersToResolveEdl } from './markers-to-resolve-edl'

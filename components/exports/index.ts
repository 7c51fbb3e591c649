// Export and import UI for the board and shot list toolbars. Mount <ExportMenu frameRate readOnlyReason /> once.
export { ExportMenu } from './export-menu'
export { StoryboardExportDialog } from './storyboard-export-dialog'
export { ImportShotListDialog } from './import-shot-list-dialog'
export { ImportShotListProvider, type ImportShotListApi } from './import-shot-list-api'

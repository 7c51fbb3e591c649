// The server actions the board and shot list components call, handed to them through context so components/
// stays free of server imports (STYLE.md). Server action references pass from a server component as props.
import type { ReactNode } from 'react'
import { BackgroundGenerationApiProvider } from '@/components/ai/background-generation-api'
import { SnapshotApiProvider } from '@/components/board/snapshots/snapshot-api'
import { ImportShotListProvider } from '@/components/exports'
import { createSnapshotAction } from '@/server/actions/boards/create-snapshot'
import { getSnapshotPreviewAction } from '@/server/actions/boards/get-snapshot-preview'
import { listSnapshotsAction } from '@/server/actions/boards/list-snapshots'
import { restoreSnapshotAction } from '@/server/actions/boards/restore-snapshot'
import { importShotListAction } from '@/server/actions/boards/import-shot-list'
import { cancelBackgroundGenerationAction } from '@/server/actions/ai/cancel-background-generation'
import { chooseBackgroundVariationAction } from '@/server/actions/ai/choose-background-variation'
import { getBackgroundGenerationAction } from '@/server/actions/ai/get-background-generation'
import { startBackgroundGenerationAction } from '@/server/actions/ai/start-background-generation'

export function BoardActionsProvider({ children }: { children: ReactNode }) {
  return (
    <SnapshotApiProvider api={{ create: createSnapshotAction, list: listSnapshotsAction, preview: getSnapshotPreviewAction, restore: restoreSnapshotAction }}>
      <ImportShotListProvider importShotList={importShotListAction}>
        <BackgroundGenerationApiProvider
          api={{ start: startBackgroundGenerationAction, get: getBackgroundGenerationAction, cancel: cancelBackgroundGenerationAction, choose: chooseBackgroundVariationAction }}
        >
          {children}
        </BackgroundGenerationApiProvider>
      </ImportShotListProvider>
    </SnapshotApiProvider>
  )
}

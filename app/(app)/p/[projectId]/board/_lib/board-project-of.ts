import type { BoardProject } from '@/components/board/board-project'
import type { ProjectDetail } from '@/server/services/projects/get-project'

/** The plain facts the board and shot list need, taken from the project the page loaded. */
export function boardProjectOf(project: ProjectDetail): BoardProject {
  return {
    id: project.id,
    name: project.name,
    frameRate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator },
    width: project.width,
    height: project.height,
    role: project.role,
  }
}

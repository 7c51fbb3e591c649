import { Clock, Film, Monitor } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { frameRateOf } from '@/lib/frame-rates'
import { resolutionDescription, resolutionLabel, shortFrameRate, type ProjectFormat } from './project-format'

/** Frame rate, resolution and start timecode: the three facts everyone on a film checks first. */
export function ProjectBadges({ project, showStart = true }: { project: ProjectFormat; showStart?: boolean }) {
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label="Project format">
      <li>
        <Badge title={frameRateOf(project).label} className="font-mono tabular">
          <Film aria-hidden />
          <span className="sr-only">Frame rate </span>
          {shortFrameRate(project)}
        </Badge>
      </li>
      <li>
        <Badge title={resolutionDescription(project)} className="font-mono tabular">
          <Monitor aria-hidden />
          <span className="sr-only">Resolution </span>
          {resolutionLabel(project)}
        </Badge>
      </li>
      {showStart ? (
        <li>
          <Badge title="Start timecode" className="font-mono tabular">
            <Clock aria-hidden />
            <span className="sr-only">Starts at </span>
            {project.startTimecode}
          </Badge>
        </li>
      ) : null}
    </ul>
  )
}

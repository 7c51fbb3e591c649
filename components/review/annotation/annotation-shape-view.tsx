// One stored drawing shape as SVG, in the pixels of the picture it was drawn on.
import type { AnnotationShape } from '@/lib/review/annotation'
import { arrowHead, denormalisePoint, type Rect } from '@/lib/review/annotation-geometry'

export function AnnotationShapeView({ shape, picture }: { shape: AnnotationShape; picture: Rect }) {
  // Line weight follows the picture so a drawing looks the same in a thumbnail-sized player and full screen.
  const strokeWidth = Math.max(2, picture.height * 0.006)
  const points = shape.points.map((point) => denormalisePoint(point, picture))
  const common = {
    stroke: shape.color,
    strokeWidth,
    fill: 'none',
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    // A dark halo keeps white and yellow strokes readable on bright frames.
    style: { filter: 'drop-shadow(0 0 1px rgb(0 0 0 / 0.7))' },
  }
  if (shape.tool === 'rect' && points.length >= 2) {
    const [[x1, y1], [x2, y2]] = [points[0]!, points[points.length - 1]!]
    return <rect data-shape="rect" x={Math.min(x1, x2)} y={Math.min(y1, y2)} width={Math.abs(x2 - x1)} height={Math.abs(y2 - y1)} rx={strokeWidth} {...common} />
  }
  if (shape.tool === 'arrow' && points.length >= 2) {
    const from = points[0]!
    const to = points[points.length - 1]!
    const [left, right] = arrowHead(from, to, strokeWidth * 6)
    return <path data-shape="arrow" d={`M${from[0]},${from[1]} L${to[0]},${to[1]} M${left[0]},${left[1]} L${to[0]},${to[1]} L${right[0]},${right[1]}`} {...common} />
  }
  if (points.length === 1) {
    const [x, y] = points[0]!
    return <circle data-shape="freehand" cx={x} cy={y} r={strokeWidth / 2} fill={shape.color} />
  }
  return <polyline data-shape={shape.tool} points={points.map(([x, y]) => `${x},${y}`).join(' ')} {...common} />
}

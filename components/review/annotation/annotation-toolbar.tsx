'use client'
// Tools for drawing on a frame: pen, arrow, box, a colour palette, undo and clear, each with a key.
import { ArrowUpRight, Pencil, Square, Trash2, Undo2 } from 'lucide-react'
import { useEffect } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import type { AnnotationTool } from '@/lib/review/annotation-drawing'
import { annotationColors } from './annotation-colors'

export interface AnnotationToolbarProps {
  tool: AnnotationTool
  color: string
  onToolChange: (tool: AnnotationTool) => void
  onColorChange: (color: string) => void
  /** Number of shapes drawn so far: undo and clear are disabled at 0. */
  shapeCount: number
  onUndo: () => void
  onClear: () => void
  /** Listen for the toolbar's keys on the page (not while typing). On by default. */
  shortcuts?: boolean
  className?: string
}

const tools: { tool: AnnotationTool; label: string; key: string; code: string; Icon: typeof Pencil }[] = [
  { tool: 'freehand', label: 'Pen', key: 'D', code: 'KeyD', Icon: Pencil },
  { tool: 'arrow', label: 'Arrow', key: 'A', code: 'KeyA', Icon: ArrowUpRight },
  { tool: 'rect', label: 'Box', key: 'R', code: 'KeyR', Icon: Square },
]

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  const tag = target.tagName
  return target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && (target as HTMLInputElement).type !== 'range')
}

export function AnnotationToolbar({ tool, color, onToolChange, onColorChange, shapeCount, onUndo, onClear, shortcuts = true, className }: AnnotationToolbarProps) {
  useEffect(() => {
    if (!shortcuts) return
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target) || event.altKey) return
      const mod = event.ctrlKey || event.metaKey
      if (mod && event.code === 'KeyZ' && !event.shiftKey) {
        if (shapeCount > 0) {
          event.preventDefault()
          onUndo()
        }
        return
      }
      if (mod) return
      const chosenTool = tools.find((t) => t.code === event.code)
      if (chosenTool) {
        event.preventDefault()
        onToolChange(chosenTool.tool)
        return
      }
      const digit = /^Digit([1-9])$/.exec(event.code)
      const swatch = digit ? annotationColors[Number(digit[1]) - 1] : undefined
      if (swatch) {
        event.preventDefault()
        onColorChange(swatch.value)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [shortcuts, shapeCount, onUndo, onToolChange, onColorChange])

  return (
    <div role="toolbar" aria-label="Drawing tools" className={cn('flex flex-wrap items-center gap-1 rounded-lg border border-border bg-surface p-1', className)}>
      {tools.map(({ tool: value, label, key, Icon }) => (
        <Button
          key={value}
          type="button"
          size="icon"
          variant="ghost"
          aria-label={`${label} (${key})`}
          title={`${label} (${key})`}
          aria-pressed={tool === value}
          onClick={() => onToolChange(value)}
          className={cn(tool === value && 'bg-accent text-accent-foreground hover:bg-accent')}
        >
          <Icon />
        </Button>
      ))}
      <div className="mx-1 h-5 w-px bg-border" aria-hidden />
      <div role="radiogroup" aria-label="Colour" className="flex items-center gap-1">
        {annotationColors.map((swatch, index) => (
          <button
            key={swatch.value}
            type="button"
            role="radio"
            aria-checked={color.toLowerCase() === swatch.value}
            aria-label={`${swatch.name} (${index + 1})`}
            title={`${swatch.name} (${index + 1})`}
            onClick={() => onColorChange(swatch.value)}
            className={cn(
              'size-6 rounded-full border border-black/40 transition-transform outline-none focus-visible:ring-2 focus-visible:ring-ring',
              color.toLowerCase() === swatch.value ? 'scale-110 ring-2 ring-foreground ring-offset-2 ring-offset-surface' : 'hover:scale-110',
            )}
            style={{ background: swatch.value }}
          />
        ))}
      </div>
      <div className="mx-1 h-5 w-px bg-border" aria-hidden />
      <Button type="button" size="icon" variant="ghost" aria-label="Undo last shape (Ctrl+Z)" title="Undo last shape (Ctrl+Z)" disabled={shapeCount === 0} onClick={onUndo}>
        <Undo2 />
      </Button>
      <Button type="button" size="icon" variant="ghost" aria-label="Clear drawing" title="Clear drawing" disabled={shapeCount === 0} onClick={onClear}>
        <Trash2 />
      </Button>
    </div>
  )
}

import { cn } from './cn'
import { Label } from './label'

interface FieldProps {
  /** The id of the control; the label points at it and the hint/error describe it. */
  id: string
  label: React.ReactNode
  hint?: React.ReactNode
  errors?: string[]
  className?: string
  children: React.ReactNode
}

/** A label, the control, and either a hint or the server's message for that field. */
export function Field({ id, label, hint, errors, className, children }: FieldProps) {
  const error = errors?.[0]
  return (
    <div className={cn('flex flex-col gap-2', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** Props to spread on the control inside a Field so screen readers read the hint or error with it. */
export function describedBy(
  id: string,
  { errors, hasHint = false }: { errors?: string[]; hasHint?: boolean },
): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  if (errors?.length) return { 'aria-describedby': `${id}-error`, 'aria-invalid': true }
  return hasHint ? { 'aria-describedby': `${id}-hint` } : {}
}

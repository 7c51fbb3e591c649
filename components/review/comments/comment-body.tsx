// A comment's text with @mentions picked out, line breaks kept; never HTML.
import { Fragment } from 'react'

const mentionSplit = /((?:^|(?<=[\s([{,;]))@[A-Za-z0-9._+-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)/g

export function CommentBody({ body }: { body: string }) {
  const parts = body.split(mentionSplit)
  return (
    <p className="whitespace-pre-wrap break-words text-sm leading-relaxed">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="rounded bg-primary/15 px-0.5 font-medium text-accent-foreground">
            {part}
          </span>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  )
}

// The 404 page: unknown URLs, and anything the visitor may not see (non-members get this, never a 403,
// so an id from another workspace reveals nothing).
import Link from 'next/link'
import { FileQuestion } from 'lucide-react'
import { StatusPage } from '@/components/layout/status-page'
import { Button } from '@/components/ui/button'

export const metadata = { title: 'Not found' }

export default function NotFound() {
  return (
    <StatusPage
      icon={FileQuestion}
      code="404"
      title="This page could not be found"
      description="The link may be mistyped, or the project or workspace may have been removed — or you may not be a member of it. Ask an owner to invite you if you think you should have access."
      actions={
        <Button asChild>
          <Link href="/">Go to your workspace</Link>
        </Button>
      }
    />
  )
}

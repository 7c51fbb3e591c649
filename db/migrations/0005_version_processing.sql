ALTER TABLE "review_versions" ADD COLUMN "processing_job_id" text;--> statement-breakpoint
ALTER TABLE "review_versions" ADD COLUMN "filmstrip_layout" jsonb;
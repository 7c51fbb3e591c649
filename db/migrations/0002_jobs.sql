CREATE TABLE "job_progress" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"singleton_key" text,
	"fraction" real DEFAULT 0 NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_progress_fraction_check" CHECK ("job_progress"."fraction" >= 0 AND "job_progress"."fraction" <= 1)
);
--> statement-breakpoint
CREATE INDEX "job_progress_singleton_idx" ON "job_progress" USING btree ("queue","singleton_key");--> statement-breakpoint
CREATE INDEX "job_progress_updated_idx" ON "job_progress" USING btree ("updated_at");
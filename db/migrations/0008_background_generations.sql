CREATE TABLE "background_generations" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"project_id" text NOT NULL,
	"panel_id" text NOT NULL,
	"requested_by" text,
	"request" jsonb NOT NULL,
	"job_id" uuid,
	"result" jsonb,
	"chosen_asset_id" text,
	"chosen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "background_generations" ADD CONSTRAINT "background_generations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_generations" ADD CONSTRAINT "background_generations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_generations" ADD CONSTRAINT "background_generations_panel_id_doc_panels_panel_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."doc_panels"("panel_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_generations" ADD CONSTRAINT "background_generations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_generations" ADD CONSTRAINT "background_generations_chosen_asset_id_assets_id_fk" FOREIGN KEY ("chosen_asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "background_generations_panel_idx" ON "background_generations" USING btree ("project_id","panel_id","created_at");
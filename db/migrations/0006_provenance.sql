CREATE TYPE "public"."provenance_category" AS ENUM('visuals', 'script_dialogue', 'voice_audio', 'music', 'performance', 'marketing');--> statement-breakpoint
CREATE TYPE "public"."provenance_origin" AS ENUM('human', 'imported', 'ai_generated', 'ai_assisted');--> statement-breakpoint
CREATE TABLE "provenance" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"project_id" text NOT NULL,
	"origin" "provenance_origin" NOT NULL,
	"category" "provenance_category" NOT NULL,
	"provider" text,
	"model" text,
	"prompt" text,
	"negative_prompt" text,
	"seed" bigint,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parent_asset_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provenance_ai_model_check" CHECK ("provenance"."origin" <> 'ai_generated' OR ("provenance"."provider" IS NOT NULL AND "provenance"."model" IS NOT NULL)),
	CONSTRAINT "provenance_seed_check" CHECK ("provenance"."seed" IS NULL OR "provenance"."seed" >= 0)
);
--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provenance_project_idx" ON "provenance" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "provenance_asset_idx" ON "provenance" USING btree ("asset_id","created_at");
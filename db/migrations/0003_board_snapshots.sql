CREATE TABLE "board_snapshot_panels" (
	"snapshot_id" text NOT NULL,
	"panel_id" text NOT NULL,
	"state" "bytea" NOT NULL,
	CONSTRAINT "board_snapshot_panels_snapshot_id_panel_id_pk" PRIMARY KEY("snapshot_id","panel_id")
);
--> statement-breakpoint
CREATE TABLE "board_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"board_state" "bytea" NOT NULL,
	"scene_count" integer NOT NULL,
	"shot_count" integer NOT NULL,
	"panel_count" integer NOT NULL,
	"bytes" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_snapshot_panels" ADD CONSTRAINT "board_snapshot_panels_snapshot_id_board_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."board_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_snapshots" ADD CONSTRAINT "board_snapshots_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_snapshots" ADD CONSTRAINT "board_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_snapshots_project_idx" ON "board_snapshots" USING btree ("project_id","created_at");
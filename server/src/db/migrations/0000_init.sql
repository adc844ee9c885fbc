CREATE TABLE "login_failures" (
	"tenant_id" integer DEFAULT 0 NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_failures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "security_settings" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"require_totp_for_admins" boolean DEFAULT false NOT NULL,
	"admin_password_max_days" integer,
	"dormant_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"tenant_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"stage" text DEFAULT 'active' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sessions_tenant_id_token_hash_pk" PRIMARY KEY("tenant_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"scope_org_id" uuid,
	"member_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"disabled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"tenant_id" integer NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"purged_count" integer NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checkpoints_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"tenant_id" integer NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text DEFAULT '' NOT NULL,
	"reason" text,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"data_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_digests" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"items" jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"overdue_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "daily_digests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "export_jobs" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"target" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"org_id" uuid,
	"state" text DEFAULT 'queued' NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"file_name" text NOT NULL,
	"file_path" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "export_jobs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_snapshots" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_label" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"values" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_snapshots_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "discipline_records" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discipline_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_feedback_items" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"inspection" text NOT NULL,
	"problem" text NOT NULL,
	"measures" text NOT NULL,
	"org_id" uuid NOT NULL,
	"responsible_name" text NOT NULL,
	"deadline" date NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"rectification_item_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_feedback_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervisor_assignments" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"supervisor_name" text NOT NULL,
	"user_id" uuid,
	"since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervisor_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "duty_assignments" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shift_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"state" text DEFAULT 'signed_up' NOT NULL,
	"check_in_at" timestamp with time zone,
	"check_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "duty_shifts" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"slots" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_shifts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "emergency_drills" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"location" text NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_drills_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_inspections" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"topic" text NOT NULL,
	"inspector_name" text NOT NULL,
	"inspector_user_id" uuid,
	"summary" text,
	"finding_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_inspections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"credit_code" text,
	"address" text NOT NULL,
	"industry" text,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_phone_masked" text,
	"status" text DEFAULT 'operating' NOT NULL,
	"banned_on" date,
	"banned_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"description" text NOT NULL,
	"hazard_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "construction_sites" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"stationed_worker_name" text,
	"stationed_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "construction_sites_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "entry_applications" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"credit_code" text,
	"industry" text NOT NULL,
	"address" text NOT NULL,
	"description" text,
	"state" text DEFAULT 'submitted' NOT NULL,
	"industry_ok" boolean,
	"planning_ok" boolean,
	"environment_ok" boolean,
	"review_note" text,
	"decision_reason" text,
	"submitted_on" date NOT NULL,
	"decided_on" date,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entry_applications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pollution_enterprises" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"operator_name" text,
	"problem" text NOT NULL,
	"treatment" text NOT NULL,
	"state" text DEFAULT 'listed' NOT NULL,
	"checklist" jsonb NOT NULL,
	"listed_on" date NOT NULL,
	"due_on" date,
	"signed_off_on" date,
	"signed_off_by" uuid,
	"next_recheck_on" date,
	"recheck_interval_days" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pollution_enterprises_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pollution_rechecks" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pollution_enterprise_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"passed" boolean NOT NULL,
	"note" text,
	"checker_name" text NOT NULL,
	"checker_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pollution_rechecks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "site_daily_checks" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"checks" jsonb NOT NULL,
	"all_met" boolean NOT NULL,
	"note" text,
	"checker_name" text NOT NULL,
	"checker_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_daily_checks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"hash" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"grid_id" uuid,
	"building_id" uuid,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"address" text DEFAULT '' NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"media_url" text,
	"source_kind" text DEFAULT 'report' NOT NULL,
	"source_id" uuid,
	"reported_by" uuid,
	"reporter_name" text NOT NULL,
	"reported_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reported_date" date NOT NULL,
	"report_count" integer DEFAULT 1 NOT NULL,
	"resolution" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"fixed_at" timestamp with time zone,
	"fix_note" text DEFAULT '' NOT NULL,
	"fix_evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"rectification_item_id" uuid,
	"duplicate_of_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hazards_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "open311_keys" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_keys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"grid_id" uuid,
	"building_id" uuid,
	"address" text NOT NULL,
	"head_name" text NOT NULL,
	"head_phone_enc" text,
	"head_phone_masked" text,
	"size" integer DEFAULT 1 NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "instructor_assignments" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instructor_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructor_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "instructor_trainings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instructor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"hours" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructor_trainings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"hired_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructors_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_findings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"responsible_name" text NOT NULL,
	"checked_on" date NOT NULL,
	"rectification_item_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_findings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_quantities" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"item" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_quantities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_name" text NOT NULL,
	"due_on" date,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"goal" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cobuild_agreements" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"community_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"signed_on" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobuild_agreements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cobuild_member_reports" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"community_org_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"member_id" uuid,
	"reported_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobuild_member_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cobuild_needs" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"posted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobuild_needs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cobuild_projects" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"resource_id" uuid,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'claimed' NOT NULL,
	"claimed_on" date NOT NULL,
	"delivered_on" date,
	"delivery_note" text DEFAULT '' NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"beneficiaries" integer DEFAULT 0 NOT NULL,
	"rating" integer,
	"rating_comment" text,
	"rated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobuild_projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cobuild_resources" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"offered_on" date NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobuild_resources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cobuild_units" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone_enc" text,
	"contact_phone_masked" text,
	"reported_org_id" uuid,
	"reported_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobuild_units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "public_counters" (
	"tenant_id" integer NOT NULL,
	"key" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_counters_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "resident_requests" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_masked" text NOT NULL,
	"phone_last4" text NOT NULL,
	"tracking_code" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"assignee_kind" text,
	"assignee_id" uuid,
	"assignee_name" text,
	"dispatched_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reject_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_buildings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"floors" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_buildings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_milestones" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"planned_on" date,
	"started_on" date,
	"completed_on" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_milestones_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_phases" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_phases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_projects" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"investment_fen" bigint DEFAULT 0 NOT NULL,
	"audit_state" text DEFAULT 'not_audited' NOT NULL,
	"audited_fen" bigint,
	"land_area_m_2" integer,
	"floor_area_m_2" integer,
	"sites" text[] DEFAULT '{}'::text[] NOT NULL,
	"completed_area_m_2" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_units" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"area_m_2" integer DEFAULT 0 NOT NULL,
	"allocated_to" uuid,
	"allocated_on" date,
	"contract_signed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "livelihood_settings" (
	"tenant_id" integer NOT NULL,
	"started_milestone" text DEFAULT 'piling' NOT NULL,
	"started_when" text DEFAULT 'started' NOT NULL,
	"contract_basis" text DEFAULT 'allocated' NOT NULL,
	"move_back_basis" text DEFAULT 'listed' NOT NULL,
	"satisfied_min_rating" integer DEFAULT 4 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "livelihood_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "resettlement_households" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"household_id" uuid,
	"head_name" text NOT NULL,
	"size" integer DEFAULT 1 NOT NULL,
	"entitled_units" integer DEFAULT 1 NOT NULL,
	"moved_back_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resettlement_households_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_transfers" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"transfer_date" date NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_transfers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"ethnicity" text,
	"education" text,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"phone_last4" text,
	"category" text NOT NULL,
	"join_date" date,
	"regularised_date" date,
	"posts" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"state_date" date,
	"state_reason" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_unit_versions" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"change" text NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"division_code" varchar(12),
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"grid_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"group_org_id" uuid,
	"lat" double precision,
	"lng" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "grid_groups" (
	"tenant_id" integer NOT NULL,
	"grid_id" uuid NOT NULL,
	"group_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_groups_tenant_id_grid_id_group_org_id_pk" PRIMARY KEY("tenant_id","grid_id","group_org_id")
);
--> statement-breakpoint
CREATE TABLE "grid_staff" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"grid_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_staff_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"boundary" jsonb,
	"center_lat" double precision,
	"center_lng" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grids_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"occurred_on" date NOT NULL,
	"points" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"rule_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "point_rules" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"effective_from" date NOT NULL,
	"points_per_item" integer NOT NULL,
	"cap_per_day" integer,
	"cap_per_month" integer,
	"cap_per_year" integer,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"approval_required" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "point_totals" (
	"tenant_id" integer NOT NULL,
	"span" smallint NOT NULL,
	"start" date NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"entries" integer NOT NULL,
	"visit" integer DEFAULT 0 NOT NULL,
	"pairing" integer DEFAULT 0 NOT NULL,
	"dispute" integer DEFAULT 0 NOT NULL,
	"difficulty" integer DEFAULT 0 NOT NULL,
	"duty" integer DEFAULT 0 NOT NULL,
	"volunteer" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "point_totals_tenant_id_span_start_org_id_member_id_pk" PRIMARY KEY("tenant_id","span","start","org_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "work_claims" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"household_id" uuid,
	"pairing_id" uuid,
	"summary" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"beneficiary_count" integer DEFAULT 0 NOT NULL,
	"beneficiary_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"state" text DEFAULT 'pending' NOT NULL,
	"rule_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_claims_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_user_id" uuid,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" date NOT NULL,
	"deadline_working_days" integer,
	"extension_count" integer DEFAULT 0 NOT NULL,
	"pending_extension_deadline" date,
	"pending_extension_reason" text,
	"pending_extension_by" uuid,
	"submitted_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_on_time" boolean,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "rectification_steps" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_steps_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "working_calendar_days" (
	"tenant_id" integer NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_calendar_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "centre_assessments" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"standard_version_id" uuid NOT NULL,
	"results" jsonb NOT NULL,
	"meets_standard" boolean NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centre_assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "centre_standard_versions" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centre_standard_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_centres" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"area_m_2" integer NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"transitional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_centres_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "study_session_attendance" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "study_session_attendance_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "spot_check_draws" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"seed" integer NOT NULL,
	"pool_member_ids" uuid[] NOT NULL,
	"covered_member_ids" uuid[] NOT NULL,
	"cycle" integer NOT NULL,
	"sample_size" integer NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spot_check_draws_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "spot_check_picks" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"seq" integer NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"comment" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"had_notes" boolean,
	CONSTRAINT "spot_check_picks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "study_notes" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid,
	"written_on" date NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "study_plans" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"expected_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(9) NOT NULL,
	"name" text NOT NULL,
	"province_name" text DEFAULT '' NOT NULL,
	"city_name" text DEFAULT '' NOT NULL,
	"area_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "tour_checklists" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tour_checklists_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tour_findings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"stop_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"responsible_name" text NOT NULL,
	"rectification_item_id" uuid,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tour_findings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tour_stops" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"scores" jsonb,
	"total_score" integer,
	"comment" text,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scored_by" uuid,
	"scored_at" timestamp with time zone,
	CONSTRAINT "tour_stops_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"checklist_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tours_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_events" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"organiser_user_id" uuid,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"people_served" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_signups" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"state" text NOT NULL,
	"check_in_at" timestamp with time zone,
	"check_in_by" text,
	"check_out_at" timestamp with time zone,
	"auto_closed" boolean DEFAULT false NOT NULL,
	"minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_signups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_settings" ADD CONSTRAINT "security_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_scope_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","scope_org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_digests" ADD CONSTRAINT "daily_digests_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_feedback_items" ADD CONSTRAINT "inspection_feedback_items_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_assignments" ADD CONSTRAINT "supervisor_assignments_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignments" ADD CONSTRAINT "duty_assignments_tenant_id_shift_id_duty_shifts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","shift_id") REFERENCES "public"."duty_shifts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignments" ADD CONSTRAINT "duty_assignments_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_drills" ADD CONSTRAINT "emergency_drills_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_inspections" ADD CONSTRAINT "enterprise_inspections_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_tenant_id_inspection_id_enterprise_inspections_tenant_id_id_fk" FOREIGN KEY ("tenant_id","inspection_id") REFERENCES "public"."enterprise_inspections"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "construction_sites" ADD CONSTRAINT "construction_sites_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_applications" ADD CONSTRAINT "entry_applications_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pollution_enterprises" ADD CONSTRAINT "pollution_enterprises_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pollution_rechecks" ADD CONSTRAINT "pollution_rechecks_tenant_id_pollution_enterprise_id_pollution_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","pollution_enterprise_id") REFERENCES "public"."pollution_enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_daily_checks" ADD CONSTRAINT "site_daily_checks_tenant_id_site_id_construction_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."construction_sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_assignments" ADD CONSTRAINT "instructor_assignments_tenant_id_instructor_id_instructors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","instructor_id") REFERENCES "public"."instructors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_assignments" ADD CONSTRAINT "instructor_assignments_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_trainings" ADD CONSTRAINT "instructor_trainings_tenant_id_instructor_id_instructors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","instructor_id") REFERENCES "public"."instructors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_findings" ADD CONSTRAINT "campaign_findings_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_quantities" ADD CONSTRAINT "campaign_quantities_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_quantities" ADD CONSTRAINT "campaign_quantities_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobuild_agreements" ADD CONSTRAINT "cobuild_agreements_tenant_id_unit_id_cobuild_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."cobuild_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobuild_member_reports" ADD CONSTRAINT "cobuild_member_reports_tenant_id_unit_id_cobuild_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."cobuild_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobuild_projects" ADD CONSTRAINT "cobuild_projects_tenant_id_need_id_cobuild_needs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","need_id") REFERENCES "public"."cobuild_needs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobuild_projects" ADD CONSTRAINT "cobuild_projects_tenant_id_unit_id_cobuild_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."cobuild_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobuild_resources" ADD CONSTRAINT "cobuild_resources_tenant_id_unit_id_cobuild_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."cobuild_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobuild_units" ADD CONSTRAINT "cobuild_units_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_requests" ADD CONSTRAINT "resident_requests_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_buildings" ADD CONSTRAINT "housing_buildings_tenant_id_phase_id_housing_phases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","phase_id") REFERENCES "public"."housing_phases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_milestones" ADD CONSTRAINT "housing_milestones_tenant_id_phase_id_housing_phases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","phase_id") REFERENCES "public"."housing_phases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_phases" ADD CONSTRAINT "housing_phases_tenant_id_project_id_housing_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."housing_projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_projects" ADD CONSTRAINT "housing_projects_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_tenant_id_building_id_housing_buildings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","building_id") REFERENCES "public"."housing_buildings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_tenant_id_allocated_to_resettlement_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","allocated_to") REFERENCES "public"."resettlement_households"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_households" ADD CONSTRAINT "resettlement_households_tenant_id_phase_id_housing_phases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","phase_id") REFERENCES "public"."housing_phases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_households" ADD CONSTRAINT "resettlement_households_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_versions" ADD CONSTRAINT "org_unit_versions_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_tenant_id_parent_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_tenant_id_grid_id_grids_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grid_id") REFERENCES "public"."grids"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_groups" ADD CONSTRAINT "grid_groups_tenant_id_grid_id_grids_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grid_id") REFERENCES "public"."grids"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_groups" ADD CONSTRAINT "grid_groups_tenant_id_group_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_staff" ADD CONSTRAINT "grid_staff_tenant_id_grid_id_grids_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grid_id") REFERENCES "public"."grids"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_claims" ADD CONSTRAINT "work_claims_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_claims" ADD CONSTRAINT "work_claims_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_claims" ADD CONSTRAINT "work_claims_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_claims" ADD CONSTRAINT "work_claims_tenant_id_rule_id_point_rules_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rule_id") REFERENCES "public"."point_rules"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_tenant_id_item_id_rectification_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."rectification_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_assessments" ADD CONSTRAINT "centre_assessments_tenant_id_centre_id_service_centres_tenant_id_id_fk" FOREIGN KEY ("tenant_id","centre_id") REFERENCES "public"."service_centres"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_assessments" ADD CONSTRAINT "centre_assessments_tenant_id_standard_version_id_centre_standard_versions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","standard_version_id") REFERENCES "public"."centre_standard_versions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_centres" ADD CONSTRAINT "service_centres_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_attendance" ADD CONSTRAINT "study_session_attendance_tenant_id_session_id_study_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_attendance" ADD CONSTRAINT "study_session_attendance_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_draws" ADD CONSTRAINT "spot_check_draws_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_picks" ADD CONSTRAINT "spot_check_picks_tenant_id_draw_id_spot_check_draws_tenant_id_id_fk" FOREIGN KEY ("tenant_id","draw_id") REFERENCES "public"."spot_check_draws"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_picks" ADD CONSTRAINT "spot_check_picks_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_notes" ADD CONSTRAINT "study_notes_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plans" ADD CONSTRAINT "study_plans_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_findings" ADD CONSTRAINT "tour_findings_tenant_id_stop_id_tour_stops_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stop_id") REFERENCES "public"."tour_stops"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_tenant_id_tour_id_tours_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tour_id") REFERENCES "public"."tours"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_tenant_id_checklist_id_tour_checklists_tenant_id_id_fk" FOREIGN KEY ("tenant_id","checklist_id") REFERENCES "public"."tour_checklists"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_events" ADD CONSTRAINT "volunteer_events_tenant_id_org_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_tenant_id_event_id_volunteer_events_tenant_id_id_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."volunteer_events"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_failures_ip_idx" ON "login_failures" USING btree ("tenant_id","ip","at");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_tenant_username_uq" ON "users" USING btree ("tenant_id","username");--> statement-breakpoint
CREATE INDEX "users_username_idx" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "privacy_requests_user_idx" ON "privacy_requests" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "privacy_requests_status_idx" ON "privacy_requests" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_digests_user_day_uq" ON "daily_digests" USING btree ("tenant_id","user_id","day");--> statement-breakpoint
CREATE INDEX "export_jobs_user_idx" ON "export_jobs" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "report_snapshots_org_idx" ON "report_snapshots" USING btree ("tenant_id","org_id","created_at");--> statement-breakpoint
CREATE INDEX "discipline_records_org_idx" ON "discipline_records" USING btree ("tenant_id","org_id","decided_on");--> statement-breakpoint
CREATE INDEX "inspection_feedback_items_org_idx" ON "inspection_feedback_items" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisor_assignments_org_uq" ON "supervisor_assignments" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_assignments_member_uq" ON "duty_assignments" USING btree ("tenant_id","shift_id","member_id");--> statement-breakpoint
CREATE INDEX "duty_assignments_member_idx" ON "duty_assignments" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "duty_shifts_starts_idx" ON "duty_shifts" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "duty_shifts_org_idx" ON "duty_shifts" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "emergency_drills_org_date_idx" ON "emergency_drills" USING btree ("tenant_id","org_id","held_on");--> statement-breakpoint
CREATE INDEX "enterprise_inspections_enterprise_idx" ON "enterprise_inspections" USING btree ("tenant_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_inspections_org_date_idx" ON "enterprise_inspections" USING btree ("tenant_id","org_id","inspected_on");--> statement-breakpoint
CREATE INDEX "enterprises_org_idx" ON "enterprises" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "enterprises_category_idx" ON "enterprises" USING btree ("tenant_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_uq" ON "enterprises" USING btree ("tenant_id","credit_code") WHERE "enterprises"."credit_code" is not null;--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("tenant_id","inspection_id");--> statement-breakpoint
CREATE INDEX "construction_sites_org_idx" ON "construction_sites" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "entry_applications_org_idx" ON "entry_applications" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "pollution_enterprises_org_idx" ON "pollution_enterprises" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "pollution_enterprises_recheck_idx" ON "pollution_enterprises" USING btree ("tenant_id","next_recheck_on");--> statement-breakpoint
CREATE INDEX "pollution_rechecks_enterprise_idx" ON "pollution_rechecks" USING btree ("tenant_id","pollution_enterprise_id");--> statement-breakpoint
CREATE INDEX "pollution_rechecks_org_date_idx" ON "pollution_rechecks" USING btree ("tenant_id","org_id","checked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "site_daily_checks_site_day_uq" ON "site_daily_checks" USING btree ("tenant_id","site_id","checked_on");--> statement-breakpoint
CREATE INDEX "files_hash_idx" ON "files" USING btree ("tenant_id","hash");--> statement-breakpoint
CREATE INDEX "hazards_reported_idx" ON "hazards" USING btree ("tenant_id","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "hazards_geo_idx" ON "hazards" USING btree ("tenant_id","category","lat","lng");--> statement-breakpoint
CREATE INDEX "hazards_org_date_idx" ON "hazards" USING btree ("tenant_id","org_id","reported_date");--> statement-breakpoint
CREATE INDEX "hazards_date_idx" ON "hazards" USING btree ("tenant_id","reported_date");--> statement-breakpoint
CREATE INDEX "hazards_grid_idx" ON "hazards" USING btree ("tenant_id","grid_id");--> statement-breakpoint
CREATE INDEX "open311_keys_hash_idx" ON "open311_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "households_org_idx" ON "households" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "households_grid_idx" ON "households" USING btree ("tenant_id","grid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instructor_assignments_uq" ON "instructor_assignments" USING btree ("tenant_id","instructor_id","org_id");--> statement-breakpoint
CREATE INDEX "instructor_assignments_org_idx" ON "instructor_assignments" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "instructor_trainings_instructor_idx" ON "instructor_trainings" USING btree ("tenant_id","instructor_id");--> statement-breakpoint
CREATE INDEX "instructors_user_idx" ON "instructors" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "campaign_findings_campaign_idx" ON "campaign_findings" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_quantities_campaign_day_idx" ON "campaign_quantities" USING btree ("tenant_id","campaign_id","day");--> statement-breakpoint
CREATE INDEX "campaign_quantities_org_idx" ON "campaign_quantities" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "campaign_tasks_campaign_idx" ON "campaign_tasks" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_tasks_org_idx" ON "campaign_tasks" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "campaigns_org_idx" ON "campaigns" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "cobuild_agreements_unit_idx" ON "cobuild_agreements" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "cobuild_member_reports_unit_idx" ON "cobuild_member_reports" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "cobuild_needs_org_idx" ON "cobuild_needs" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "cobuild_projects_org_idx" ON "cobuild_projects" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "cobuild_projects_unit_idx" ON "cobuild_projects" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "cobuild_resources_unit_idx" ON "cobuild_resources" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "cobuild_units_org_idx" ON "cobuild_units" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "cobuild_units_reported_idx" ON "cobuild_units" USING btree ("tenant_id","reported_org_id");--> statement-breakpoint
CREATE INDEX "resident_requests_org_idx" ON "resident_requests" USING btree ("tenant_id","org_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_requests_tracking_uq" ON "resident_requests" USING btree ("tenant_id","tracking_code");--> statement-breakpoint
CREATE INDEX "housing_buildings_phase_idx" ON "housing_buildings" USING btree ("tenant_id","phase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_milestones_phase_kind_uq" ON "housing_milestones" USING btree ("tenant_id","phase_id","kind");--> statement-breakpoint
CREATE INDEX "housing_phases_project_idx" ON "housing_phases" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "housing_phases_org_idx" ON "housing_phases" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "housing_projects_org_idx" ON "housing_projects" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "housing_units_phase_idx" ON "housing_units" USING btree ("tenant_id","phase_id");--> statement-breakpoint
CREATE INDEX "housing_units_allocated_idx" ON "housing_units" USING btree ("tenant_id","allocated_to");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_units_label_uq" ON "housing_units" USING btree ("tenant_id","building_id","label");--> statement-breakpoint
CREATE INDEX "resettlement_households_phase_idx" ON "resettlement_households" USING btree ("tenant_id","phase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resettlement_households_household_uq" ON "resettlement_households" USING btree ("tenant_id","phase_id","household_id");--> statement-breakpoint
CREATE INDEX "member_transfers_member_idx" ON "member_transfers" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "members_pinyin_idx" ON "members" USING btree ("tenant_id","name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_initials_idx" ON "members" USING btree ("tenant_id","name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "members_order_idx" ON "members" USING btree ("tenant_id","name_pinyin","id");--> statement-breakpoint
CREATE INDEX "members_phone_last4_idx" ON "members" USING btree ("tenant_id","phone_last4");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_uq" ON "members" USING btree ("tenant_id","id_number_hash");--> statement-breakpoint
CREATE INDEX "org_unit_versions_org_idx" ON "org_unit_versions" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("tenant_id","path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "buildings_grid_idx" ON "buildings" USING btree ("tenant_id","grid_id");--> statement-breakpoint
CREATE INDEX "grid_groups_group_idx" ON "grid_groups" USING btree ("tenant_id","group_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grid_staff_uq" ON "grid_staff" USING btree ("tenant_id","grid_id","user_id","role");--> statement-breakpoint
CREATE INDEX "grid_staff_user_idx" ON "grid_staff" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "grids_org_idx" ON "grids" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_open_uq" ON "pairings" USING btree ("tenant_id","member_id","household_id") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "pairings_household_idx" ON "pairings" USING btree ("tenant_id","household_id");--> statement-breakpoint
CREATE INDEX "pairings_started_idx" ON "pairings" USING btree ("tenant_id","started_on","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_source_uq" ON "point_entries" USING btree ("tenant_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "point_entries_occurred_org_idx" ON "point_entries" USING btree ("tenant_id","occurred_on","org_id");--> statement-breakpoint
CREATE INDEX "point_entries_org_occurred_idx" ON "point_entries" USING btree ("tenant_id","org_id","occurred_on");--> statement-breakpoint
CREATE INDEX "point_entries_member_idx" ON "point_entries" USING btree ("tenant_id","member_id","occurred_on");--> statement-breakpoint
CREATE INDEX "point_entries_period_idx" ON "point_entries" USING btree ("tenant_id","occurred_on","category","member_id","org_id","points");--> statement-breakpoint
CREATE UNIQUE INDEX "point_rules_category_from_uq" ON "point_rules" USING btree ("tenant_id","category","effective_from");--> statement-breakpoint
CREATE INDEX "point_totals_org_idx" ON "point_totals" USING btree ("tenant_id","org_id","span","start");--> statement-breakpoint
CREATE INDEX "point_totals_member_order_idx" ON "point_totals" USING btree ("tenant_id","span","start","member_id","org_id","points","visit","pairing","dispute","difficulty","duty","volunteer");--> statement-breakpoint
CREATE UNIQUE INDEX "work_claims_dedupe_uq" ON "work_claims" USING btree ("tenant_id","member_id","category","household_id","occurred_on") WHERE household_id is not null and state in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "work_claims_state_idx" ON "work_claims" USING btree ("tenant_id","state","org_id");--> statement-breakpoint
CREATE INDEX "work_claims_member_idx" ON "work_claims" USING btree ("tenant_id","member_id","occurred_on");--> statement-breakpoint
CREATE INDEX "work_claims_household_idx" ON "work_claims" USING btree ("tenant_id","household_id");--> statement-breakpoint
CREATE INDEX "work_claims_occurred_idx" ON "work_claims" USING btree ("tenant_id","occurred_on","category");--> statement-breakpoint
CREATE INDEX "rectification_items_source_idx" ON "rectification_items" USING btree ("tenant_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "rectification_items_org_idx" ON "rectification_items" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "rectification_items_created_idx" ON "rectification_items" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "rectification_items_deadline_idx" ON "rectification_items" USING btree ("tenant_id","deadline");--> statement-breakpoint
CREATE INDEX "rectification_items_open_deadline_idx" ON "rectification_items" USING btree ("tenant_id","deadline") WHERE "rectification_items"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "rectification_steps_item_idx" ON "rectification_steps" USING btree ("tenant_id","item_id","at");--> statement-breakpoint
CREATE INDEX "centre_assessments_centre_idx" ON "centre_assessments" USING btree ("tenant_id","centre_id","assessed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "centre_standard_versions_uq" ON "centre_standard_versions" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "service_centres_org_uq" ON "service_centres" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "study_session_attendance_uq" ON "study_session_attendance" USING btree ("tenant_id","session_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_draws_uq" ON "spot_check_draws" USING btree ("tenant_id","org_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_picks_uq" ON "spot_check_picks" USING btree ("tenant_id","draw_id","member_id");--> statement-breakpoint
CREATE INDEX "study_notes_member_idx" ON "study_notes" USING btree ("tenant_id","member_id","written_on");--> statement-breakpoint
CREATE INDEX "study_notes_org_idx" ON "study_notes" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "study_sessions_org_idx" ON "study_sessions" USING btree ("tenant_id","org_id","held_on");--> statement-breakpoint
CREATE INDEX "tour_findings_tour_idx" ON "tour_findings" USING btree ("tenant_id","tour_id");--> statement-breakpoint
CREATE INDEX "tour_findings_org_idx" ON "tour_findings" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tour_stops_uq" ON "tour_stops" USING btree ("tenant_id","tour_id","org_id");--> statement-breakpoint
CREATE INDEX "tours_org_idx" ON "tours" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "volunteer_events_starts_idx" ON "volunteer_events" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_events_org_idx" ON "volunteer_events" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signups_member_uq" ON "volunteer_signups" USING btree ("tenant_id","event_id","member_id");--> statement-breakpoint
CREATE INDEX "volunteer_signups_member_idx" ON "volunteer_signups" USING btree ("tenant_id","member_id");
--> statement-breakpoint
-- Hand-written SQL appended to the generated migration (scripts/db-generate.sh): what Drizzle cannot express.
-- The audit log is append-only: updates and deletes are refused by the database itself.
CREATE OR REPLACE FUNCTION gongjian_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- The one exception is the retention purge (docs/decisions/0007): it deletes only events older than 184 days
-- (the legal minimum), and only inside a transaction that has set gongjian.audit_purge. Updates are never allowed.
CREATE OR REPLACE FUNCTION gongjian_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('gongjian.audit_purge', true), '') = 'on'
     AND OLD.at < now() - interval '184 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION gongjian_audit_guard();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION gongjian_refuse_change();

--> statement-breakpoint
-- 积分汇总 (docs/decisions/0010, 0012, 0013): point_totals follows point_entries, which is append-only (mistakes are
-- reversing entries), so only INSERTs need following. One statement-level trigger with a transition table: a bulk
-- approval or the generator's INSERT ... SELECT of millions of rows upserts once per statement, one row per
-- (span, start, member, branch) for each of the three spans — the month, the quarter and the year of the entry — with a
-- column per category, not once per entry.
CREATE OR REPLACE FUNCTION gongjian_point_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO point_totals AS t (tenant_id, span, start, org_id, member_id, points, entries, visit, pairing, dispute, difficulty, duty, volunteer)
  SELECT n.tenant_id, s.span,
         CASE s.span WHEN 1 THEN date_trunc('month', n.occurred_on) WHEN 3 THEN date_trunc('quarter', n.occurred_on) ELSE date_trunc('year', n.occurred_on) END::date,
         n.org_id, n.member_id, sum(n.points)::int, count(*)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'visit'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'pairing'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'dispute'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'difficulty'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'duty'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'volunteer'), 0)::int
    FROM new_rows n CROSS JOIN (VALUES (1::smallint), (3::smallint), (12::smallint)) AS s(span)
   GROUP BY 1, 2, 3, 4, 5
   -- A fixed order, so two concurrent statements lock shared rollup rows in the same order (no deadlock).
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, span, start, org_id, member_id)
  DO UPDATE SET points = t.points + excluded.points, entries = t.entries + excluded.entries,
    visit = t.visit + excluded.visit, pairing = t.pairing + excluded.pairing, dispute = t.dispute + excluded.dispute,
    difficulty = t.difficulty + excluded.difficulty, duty = t.duty + excluded.duty, volunteer = t.volunteer + excluded.volunteer;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER point_entries_follow_totals AFTER INSERT ON point_entries
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gongjian_point_totals_follow();
--> statement-breakpoint
-- The ledger is append-only; a change to it would leave the rollup wrong, so it is refused.
CREATE TRIGGER point_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON point_entries
  FOR EACH STATEMENT EXECUTE FUNCTION gongjian_refuse_change();

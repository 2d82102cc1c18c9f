CREATE TABLE `club_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`club_id` integer NOT NULL,
	`department_code` text,
	`commune_code` text,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_code`) REFERENCES `departments`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "club_areas_one_kind" CHECK(("club_areas"."department_code" is null) <> ("club_areas"."commune_code" is null))
);
--> statement-breakpoint
CREATE INDEX `club_areas_club_idx` ON `club_areas` (`club_id`);--> statement-breakpoint
CREATE TABLE `club_commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`club_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`deal_id` integer,
	`amount_cents` integer NOT NULL,
	`instrument` text NOT NULL,
	`committed_at` integer NOT NULL,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `club_deals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "club_commitments_amount_positive" CHECK("club_commitments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `club_commitments_project_idx` ON `club_commitments` (`project_id`);--> statement-breakpoint
CREATE INDEX `club_commitments_club_idx` ON `club_commitments` (`club_id`);--> statement-breakpoint
CREATE TABLE `club_deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`club_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`stage` text DEFAULT 'repere' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `club_deals_pair_uq` ON `club_deals` (`club_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `club_deals_project_idx` ON `club_deals` (`project_id`);--> statement-breakpoint
CREATE TABLE `club_ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`club_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`member_user_id` integer,
	`project_id` integer,
	`occurred_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "club_ledger_amount_positive" CHECK("club_ledger_entries"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `club_ledger_club_idx` ON `club_ledger_entries` (`club_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `club_members` (
	`club_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text DEFAULT 'membre' NOT NULL,
	`status` text NOT NULL,
	`monthly_savings_cents` integer DEFAULT 0 NOT NULL,
	`joined_at` integer,
	`left_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`club_id`, `user_id`),
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "club_members_savings_range" CHECK("club_members"."monthly_savings_cents" between 0 and 10000000)
);
--> statement-breakpoint
CREATE INDEX `club_members_user_idx` ON `club_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `club_sectors` (
	`club_id` integer NOT NULL,
	`activity_domain_id` integer NOT NULL,
	PRIMARY KEY(`club_id`, `activity_domain_id`),
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_domain_id`) REFERENCES `activity_domains`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `clubs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'en-constitution' NOT NULL,
	`decision_rule` text DEFAULT 'majorite-simple' NOT NULL,
	`qualified_majority_pct` integer DEFAULT 66 NOT NULL,
	`quorum_pct` integer DEFAULT 50 NOT NULL,
	`max_stake_bps` integer DEFAULT 3300 NOT NULL,
	`ticket_min_cents` integer DEFAULT 50000 NOT NULL,
	`ticket_max_cents` integer DEFAULT 500000 NOT NULL,
	`started_on` text,
	`investing_ends_on` text,
	`renewed_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clubs_ticket_range" CHECK("clubs"."ticket_min_cents" > 0 and "clubs"."ticket_max_cents" >= "clubs"."ticket_min_cents"),
	CONSTRAINT "clubs_stake_range" CHECK("clubs"."max_stake_bps" between 1 and 10000),
	CONSTRAINT "clubs_quorum_range" CHECK("clubs"."quorum_pct" between 0 and 100),
	CONSTRAINT "clubs_qualified_range" CHECK("clubs"."qualified_majority_pct" between 50 and 100)
);
--> statement-breakpoint
CREATE INDEX `clubs_territory_idx` ON `clubs` (`territory_id`);--> statement-breakpoint
CREATE TABLE `matching_weights` (
	`key` text PRIMARY KEY NOT NULL,
	`value` real NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mentorship_feedback` (
	`mentorship_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`rating` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`mentorship_id`, `author_id`),
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mentorship_feedback_rating_range" CHECK("mentorship_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE `mentorship_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentorship_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`topic` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mentorship_sessions_duration_range" CHECK("mentorship_sessions"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE INDEX `mentorship_sessions_mentorship_idx` ON `mentorship_sessions` (`mentorship_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `mentorships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`need_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	`initiated_by` text NOT NULL,
	`status` text DEFAULT 'demande' NOT NULL,
	`request_message` text DEFAULT '' NOT NULL,
	`response_message` text DEFAULT '' NOT NULL,
	`planned_months` integer DEFAULT 24 NOT NULL,
	`requested_at` integer NOT NULL,
	`responded_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`need_id`) REFERENCES `project_skill_needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mentorships_planned_months_range" CHECK("mentorships"."planned_months" between 1 and 60)
);
--> statement-breakpoint
CREATE INDEX `mentorships_volunteer_status_idx` ON `mentorships` (`volunteer_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentorships_project_idx` ON `mentorships` (`project_id`);--> statement-breakpoint
CREATE INDEX `mentorships_need_idx` ON `mentorships` (`need_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `mentorships_open_pair_uq` ON `mentorships` (`need_id`,`volunteer_id`) WHERE status in ('demande', 'acceptee');--> statement-breakpoint
CREATE TABLE `project_funding_needs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`kind` text NOT NULL,
	`needed_by` text,
	`company_capital_cents` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_funding_needs_amount_positive" CHECK("project_funding_needs"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_funding_needs_project_uq` ON `project_funding_needs` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_skill_needs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	`priority` text NOT NULL,
	`expectation` text DEFAULT '' NOT NULL,
	`hours_per_month` integer DEFAULT 2 NOT NULL,
	`status` text DEFAULT 'ouvert' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_skill_needs_hours_positive" CHECK("project_skill_needs"."hours_per_month" > 0)
);
--> statement-breakpoint
CREATE INDEX `project_skill_needs_project_idx` ON `project_skill_needs` (`project_id`);--> statement-breakpoint
CREATE INDEX `project_skill_needs_skill_status_idx` ON `project_skill_needs` (`skill_id`,`status`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`title` text NOT NULL,
	`pitch` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`stage` text NOT NULL,
	`legal_form` text DEFAULT 'a-definir' NOT NULL,
	`activity_domain_id` integer NOT NULL,
	`commune_code` text NOT NULL,
	`remote_ok` integer DEFAULT false NOT NULL,
	`jobs_expected` integer DEFAULT 0 NOT NULL,
	`seeks_partners` integer DEFAULT false NOT NULL,
	`partners_note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'brouillon' NOT NULL,
	`published_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_domain_id`) REFERENCES `activity_domains`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_owner_idx` ON `projects` (`owner_id`);--> statement-breakpoint
CREATE INDEX `projects_status_commune_idx` ON `projects` (`status`,`commune_code`);--> statement-breakpoint
CREATE TABLE `volunteer_domains` (
	`user_id` integer NOT NULL,
	`activity_domain_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `activity_domain_id`),
	FOREIGN KEY (`user_id`) REFERENCES `volunteer_profiles`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_domain_id`) REFERENCES `activity_domains`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `volunteer_profiles` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`radius_km` integer DEFAULT 30 NOT NULL,
	`remote_ok` integer DEFAULT false NOT NULL,
	`max_mentorships` integer DEFAULT 2 NOT NULL,
	`hours_per_month` integer DEFAULT 4 NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`last_active_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "volunteer_profiles_radius_range" CHECK("volunteer_profiles"."radius_km" between 0 and 1000),
	CONSTRAINT "volunteer_profiles_capacity_range" CHECK("volunteer_profiles"."max_mentorships" between 0 and 20),
	CONSTRAINT "volunteer_profiles_hours_range" CHECK("volunteer_profiles"."hours_per_month" between 0 and 200)
);
--> statement-breakpoint
CREATE TABLE `volunteer_skills` (
	`user_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	`level` text NOT NULL,
	PRIMARY KEY(`user_id`, `skill_id`),
	FOREIGN KEY (`user_id`) REFERENCES `volunteer_profiles`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteer_skills_skill_idx` ON `volunteer_skills` (`skill_id`);
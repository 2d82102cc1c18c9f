CREATE TABLE `cagnotte_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`allocated_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`allocated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cagnotte_allocations_amount_cents" CHECK(typeof("cagnotte_allocations"."amount_cents") = 'integer' and "cagnotte_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `cagnotte_allocations_territory_idx` ON `cagnotte_allocations` (`territory_id`);--> statement-breakpoint
CREATE INDEX `cagnotte_allocations_project_idx` ON `cagnotte_allocations` (`project_id`);--> statement-breakpoint
CREATE TABLE `cagnotte_donations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`user_id` integer,
	`amount_cents` integer NOT NULL,
	`donor_name` text,
	`message` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "cagnotte_donations_amount_cents" CHECK(typeof("cagnotte_donations"."amount_cents") = 'integer' and "cagnotte_donations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `cagnotte_donations_territory_idx` ON `cagnotte_donations` (`territory_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `cagnotte_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`label` text NOT NULL,
	`target_cents` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cagnotte_goals_target_cents" CHECK(typeof("cagnotte_goals"."target_cents") = 'integer' and "cagnotte_goals"."target_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `cagnotte_goals_territory_idx` ON `cagnotte_goals` (`territory_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `club_accompanying_members` (
	`club_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`club_id`, `project_id`, `user_id`),
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `club_accompanying_project_idx` ON `club_accompanying_members` (`project_id`);--> statement-breakpoint
CREATE TABLE `club_ballots` (
	`vote_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`choice` text NOT NULL,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `user_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `club_votes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `club_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`club_id` integer NOT NULL,
	`project_id` integer,
	`starts_at` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `club_meetings_club_idx` ON `club_meetings` (`club_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `club_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`club_id` integer NOT NULL,
	`deal_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`instrument` text NOT NULL,
	`deadline` integer NOT NULL,
	`eligible_count` integer NOT NULL,
	`status` text DEFAULT 'ouvert' NOT NULL,
	`outcome` text,
	`outcome_note` text DEFAULT '' NOT NULL,
	`commitment_id` integer,
	`opened_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deal_id`) REFERENCES `club_deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `club_commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "club_votes_amount_cents" CHECK(typeof("club_votes"."amount_cents") = 'integer' and "club_votes"."amount_cents" > 0),
	CONSTRAINT "club_votes_eligible_range" CHECK("club_votes"."eligible_count" between 1 and 20)
);
--> statement-breakpoint
CREATE INDEX `club_votes_club_idx` ON `club_votes` (`club_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `club_votes_open_deal_uq` ON `club_votes` (`deal_id`) WHERE status = 'ouvert';--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'actif' NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pledges_amount_cents" CHECK(typeof("pledges"."amount_cents") = 'integer' and "pledges"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `pledges_project_idx` ON `pledges` (`project_id`,`status`);--> statement-breakpoint
CREATE INDEX `pledges_user_idx` ON `pledges` (`user_id`);--> statement-breakpoint
CREATE TABLE `tontine_members` (
	`tontine_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`turn` integer NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`tontine_id`, `user_id`),
	FOREIGN KEY (`tontine_id`) REFERENCES `tontines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tontine_members_turn_uq` ON `tontine_members` (`tontine_id`,`turn`);--> statement-breakpoint
CREATE INDEX `tontine_members_user_idx` ON `tontine_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `tontines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`contribution_cents` integer NOT NULL,
	`starts_on` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tontines_contribution_cents" CHECK(typeof("tontines"."contribution_cents") = 'integer' and "tontines"."contribution_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `tontines_territory_idx` ON `tontines` (`territory_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_club_commitments` (
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
	CONSTRAINT "club_commitments_amount_positive" CHECK("__new_club_commitments"."amount_cents" > 0),
	CONSTRAINT "club_commitments_amount_cents" CHECK(typeof("__new_club_commitments"."amount_cents") = 'integer')
);
--> statement-breakpoint
INSERT INTO `__new_club_commitments`("id", "club_id", "project_id", "deal_id", "amount_cents", "instrument", "committed_at") SELECT "id", "club_id", "project_id", "deal_id", "amount_cents", "instrument", "committed_at" FROM `club_commitments`;--> statement-breakpoint
DROP TABLE `club_commitments`;--> statement-breakpoint
ALTER TABLE `__new_club_commitments` RENAME TO `club_commitments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `club_commitments_project_idx` ON `club_commitments` (`project_id`);--> statement-breakpoint
CREATE INDEX `club_commitments_club_idx` ON `club_commitments` (`club_id`);--> statement-breakpoint
CREATE TABLE `__new_club_ledger_entries` (
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
	CONSTRAINT "club_ledger_amount_positive" CHECK("__new_club_ledger_entries"."amount_cents" > 0),
	CONSTRAINT "club_ledger_amount_cents" CHECK(typeof("__new_club_ledger_entries"."amount_cents") = 'integer')
);
--> statement-breakpoint
INSERT INTO `__new_club_ledger_entries`("id", "club_id", "kind", "amount_cents", "member_user_id", "project_id", "occurred_on", "note", "recorded_by", "created_at") SELECT "id", "club_id", "kind", "amount_cents", "member_user_id", "project_id", "occurred_on", "note", "recorded_by", "created_at" FROM `club_ledger_entries`;--> statement-breakpoint
DROP TABLE `club_ledger_entries`;--> statement-breakpoint
ALTER TABLE `__new_club_ledger_entries` RENAME TO `club_ledger_entries`;--> statement-breakpoint
CREATE INDEX `club_ledger_club_idx` ON `club_ledger_entries` (`club_id`,`occurred_on`);
CREATE TABLE `mentorship_endorsements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentorship_id` integer NOT NULL,
	`worked_on` text NOT NULL,
	`progress` text NOT NULL,
	`level` text NOT NULL,
	`status` text DEFAULT 'proposee' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentorship_endorsements_mentorship_uq` ON `mentorship_endorsements` (`mentorship_id`);--> statement-breakpoint
CREATE TABLE `working_group_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`label` text NOT NULL,
	`url` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `working_group_links_group_idx` ON `working_group_links` (`group_id`);--> statement-breakpoint
CREATE TABLE `working_group_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`organisation_id` integer,
	`status` text DEFAULT 'demandee' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `working_group_members_uq` ON `working_group_members` (`group_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `working_group_members_user_idx` ON `working_group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `working_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`axis_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`coordinator_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`axis_id`) REFERENCES `territory_axes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coordinator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `working_groups_slug_uq` ON `working_groups` (`territory_id`,`slug`);--> statement-breakpoint
CREATE INDEX `working_groups_axis_idx` ON `working_groups` (`axis_id`);--> statement-breakpoint
CREATE TABLE `organisation_poles` (
	`organisation_id` integer NOT NULL,
	`territory_id` integer NOT NULL,
	`status` text DEFAULT 'demandee' NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_at` integer,
	PRIMARY KEY(`organisation_id`, `territory_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organisation_poles_territory_idx` ON `organisation_poles` (`territory_id`,`status`);--> statement-breakpoint
CREATE TABLE `organisation_representatives` (
	`organisation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'demandee' NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_at` integer,
	PRIMARY KEY(`organisation_id`, `user_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organisation_representatives_user_idx` ON `organisation_representatives` (`user_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`siren` text,
	`siret` text,
	`naf_code` text,
	`commune_code` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`website` text,
	`contact_email` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE INDEX `organisations_commune_idx` ON `organisations` (`commune_code`);--> statement-breakpoint
CREATE INDEX `organisations_kind_idx` ON `organisations` (`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_siret_uq` ON `organisations` (`siret`);--> statement-breakpoint
CREATE TABLE `body_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`decided_on` text NOT NULL,
	`subject` text NOT NULL,
	`decision` text NOT NULL,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstain` integer,
	`internal` integer DEFAULT false NOT NULL,
	`recorded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `governance_bodies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `body_decisions_body_idx` ON `body_decisions` (`body_id`,`decided_on`);--> statement-breakpoint
CREATE TABLE `body_mandates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`organisation_id` integer,
	`position` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	FOREIGN KEY (`body_id`) REFERENCES `governance_bodies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "body_mandates_dates_ordered" CHECK("body_mandates"."ends_on" is null or "body_mandates"."ends_on" >= "body_mandates"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `body_mandates_body_idx` ON `body_mandates` (`body_id`);--> statement-breakpoint
CREATE TABLE `charter_acceptances` (
	`charter_version_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`accepted_at` integer NOT NULL,
	PRIMARY KEY(`charter_version_id`, `user_id`),
	FOREIGN KEY (`charter_version_id`) REFERENCES `charter_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `charter_acceptances_user_idx` ON `charter_acceptances` (`user_id`);--> statement-breakpoint
CREATE TABLE `charter_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`change_note` text DEFAULT '' NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_versions_uq` ON `charter_versions` (`territory_id`,`version`);--> statement-breakpoint
CREATE TABLE `governance_bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `governance_bodies_territory_idx` ON `governance_bodies` (`territory_id`,`position`);--> statement-breakpoint
CREATE TABLE `pole_members` (
	`territory_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`territory_id`, `user_id`),
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pole_members_user_idx` ON `pole_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `partnership_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer,
	`organisation_id` integer,
	`brings` text NOT NULL,
	`seeks` text NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_offers_project_uq` ON `partnership_offers` (`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_offers_organisation_uq` ON `partnership_offers` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `partnership_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL,
	`from_user_id` integer NOT NULL,
	`from_project_id` integer,
	`from_organisation_id` integer,
	`message` text NOT NULL,
	`status` text DEFAULT 'envoyee' NOT NULL,
	`reply` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`offer_id`) REFERENCES `partnership_offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`from_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `partnership_proposals_offer_idx` ON `partnership_proposals` (`offer_id`);--> statement-breakpoint
CREATE INDEX `partnership_proposals_from_idx` ON `partnership_proposals` (`from_user_id`);--> statement-breakpoint
ALTER TABLE `territories` ADD `seat_commune_code` text REFERENCES communes(code);--> statement-breakpoint
ALTER TABLE `territories` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `territories` ADD `website` text;--> statement-breakpoint
ALTER TABLE `territories` ADD `opening_hours` text;--> statement-breakpoint
ALTER TABLE `territories` ADD `perimeter_note` text;
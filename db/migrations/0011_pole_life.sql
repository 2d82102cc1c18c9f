CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`author_id` integer,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`image_id` integer,
	`image_alt` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'soumis' NOT NULL,
	`review_note` text DEFAULT '' NOT NULL,
	`reviewed_by_id` integer,
	`reviewed_at` integer,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`image_id`) REFERENCES `uploaded_images`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `articles_territory_status_idx` ON `articles` (`territory_id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_author_idx` ON `articles` (`author_id`);--> statement-breakpoint
CREATE TABLE `calendar_feed_tokens` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_tokens_token_unique` ON `calendar_feed_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `event_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text NOT NULL,
	`queued_at` integer NOT NULL,
	`attended` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_registrations_person_uq` ON `event_registrations` (`event_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `event_registrations_status_idx` ON `event_registrations` (`event_id`,`status`,`queued_at`);--> statement-breakpoint
CREATE INDEX `event_registrations_user_idx` ON `event_registrations` (`user_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`axis_id` integer,
	`group_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`address` text,
	`commune_code` text,
	`online_url` text,
	`organiser_id` integer,
	`capacity` integer,
	`visibility` text DEFAULT 'public' NOT NULL,
	`status` text DEFAULT 'prevu' NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`axis_id`) REFERENCES `territory_axes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organiser_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "events_ends_after_start" CHECK("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity_positive" CHECK("events"."capacity" IS NULL OR "events"."capacity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_uid_unique` ON `events` (`uid`);--> statement-breakpoint
CREATE INDEX `events_territory_start_idx` ON `events` (`territory_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_group_idx` ON `events` (`group_id`);--> statement-breakpoint
CREATE TABLE `resource_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`requester_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'demandee' NOT NULL,
	`reply` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`resource_id`) REFERENCES `shared_resources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "resource_bookings_range" CHECK("resource_bookings"."ends_at" > "resource_bookings"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `resource_bookings_resource_idx` ON `resource_bookings` (`resource_id`,`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `resource_bookings_requester_idx` ON `resource_bookings` (`requester_id`);--> statement-breakpoint
CREATE TABLE `resource_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `shared_resources`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "resource_closures_range" CHECK("resource_closures"."ends_on" >= "resource_closures"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `resource_closures_resource_idx` ON `resource_closures` (`resource_id`);--> statement-breakpoint
CREATE TABLE `resource_open_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `shared_resources`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "resource_open_hours_weekday" CHECK("resource_open_hours"."weekday" BETWEEN 0 AND 6),
	CONSTRAINT "resource_open_hours_range" CHECK("resource_open_hours"."opens_at" >= 0 AND "resource_open_hours"."closes_at" <= 1440 AND "resource_open_hours"."closes_at" > "resource_open_hours"."opens_at")
);
--> statement-breakpoint
CREATE INDEX `resource_open_hours_resource_idx` ON `resource_open_hours` (`resource_id`,`weekday`);--> statement-breakpoint
CREATE TABLE `shared_resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`organisation_id` integer,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`commune_code` text,
	`terms` text DEFAULT 'gratuit' NOT NULL,
	`cost_cents` integer,
	`deposit_cents` integer,
	`terms_note` text DEFAULT '' NOT NULL,
	`image_id` integer,
	`image_alt` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`image_id`) REFERENCES `uploaded_images`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "shared_resources_cost_positive" CHECK("shared_resources"."cost_cents" IS NULL OR "shared_resources"."cost_cents" >= 0),
	CONSTRAINT "shared_resources_deposit_positive" CHECK("shared_resources"."deposit_cents" IS NULL OR "shared_resources"."deposit_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `shared_resources_territory_idx` ON `shared_resources` (`territory_id`,`kind`);--> statement-breakpoint
CREATE INDEX `shared_resources_owner_idx` ON `shared_resources` (`owner_id`);--> statement-breakpoint
CREATE TABLE `unmet_need_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `unmet_needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `unmet_need_comments_need_idx` ON `unmet_need_comments` (`need_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `unmet_need_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need_id` integer NOT NULL,
	`project_id` integer,
	`group_id` integer,
	`drafted` integer DEFAULT false NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `unmet_needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "unmet_need_links_one_target" CHECK(("unmet_need_links"."project_id" IS NULL) <> ("unmet_need_links"."group_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unmet_need_links_project_uq` ON `unmet_need_links` (`need_id`,`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `unmet_need_links_group_uq` ON `unmet_need_links` (`need_id`,`group_id`);--> statement-breakpoint
CREATE TABLE `unmet_need_supports` (
	`need_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`need_id`, `user_id`),
	FOREIGN KEY (`need_id`) REFERENCES `unmet_needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unmet_needs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`author_id` integer,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`commune_code` text,
	`place_note` text DEFAULT '' NOT NULL,
	`affected` text NOT NULL,
	`status` text DEFAULT 'ouvert' NOT NULL,
	`status_note` text DEFAULT '' NOT NULL,
	`qualified_by_id` integer,
	`qualified_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`qualified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `unmet_needs_territory_status_idx` ON `unmet_needs` (`territory_id`,`status`);--> statement-breakpoint
CREATE TABLE `uploaded_images` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`size_bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);

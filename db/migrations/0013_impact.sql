CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period_start` text NOT NULL,
	`value` integer NOT NULL,
	`note` text NOT NULL,
	`entered_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "indicator_values_integer" CHECK(typeof("indicator_values"."value") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_period_uq` ON `indicator_values` (`indicator_id`,`period_start`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`territory_id` integer NOT NULL,
	`source` text NOT NULL,
	`metric` text,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`definition` text NOT NULL,
	`baseline` integer DEFAULT 0 NOT NULL,
	`target` integer,
	`target_date` text,
	`period` text NOT NULL,
	`valoress_domain` text,
	`sdg` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "indicators_source_metric" CHECK(("indicators"."source" = 'calcule') = ("indicators"."metric" is not null)),
	CONSTRAINT "indicators_sdg_range" CHECK("indicators"."sdg" is null or "indicators"."sdg" between 1 and 17),
	CONSTRAINT "indicators_integer_figures" CHECK(typeof("indicators"."baseline") = 'integer' and ("indicators"."target" is null or typeof("indicators"."target") = 'integer'))
);
--> statement-breakpoint
CREATE INDEX `indicators_territory_idx` ON `indicators` (`territory_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_territory_metric_uq` ON `indicators` (`territory_id`,`metric`) WHERE metric is not null;--> statement-breakpoint
CREATE TABLE `project_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`milestone_months` integer NOT NULL,
	`jobs_created` integer NOT NULL,
	`turnover_band` text NOT NULL,
	`still_active` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`answered_by_id` integer,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "project_follow_ups_milestone" CHECK("project_follow_ups"."milestone_months" in (6, 12, 36)),
	CONSTRAINT "project_follow_ups_jobs" CHECK("project_follow_ups"."jobs_created" between 0 and 10000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_follow_ups_milestone_uq` ON `project_follow_ups` (`project_id`,`milestone_months`);--> statement-breakpoint
ALTER TABLE `projects` ADD `launched_on` text;
CREATE TABLE `sign_in_addresses` (
	`user_id` integer NOT NULL,
	`ip_address` text NOT NULL,
	`last_signed_in_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `ip_address`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sign_in_addresses_at_idx` ON `sign_in_addresses` (`last_signed_in_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `sign_in_alert_at` integer;--> statement-breakpoint
ALTER TABLE `projects` DROP COLUMN `partners_note`;
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_matching_weights` (
	`territory_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` real NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`territory_id`, `key`),
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Until now one set of weights served every pôle: each pôle keeps it as its own set, so no
-- ranking changes on the day of the migration; a pôle's team returns to the platform's defaults
-- with « Rétablir les valeurs par défaut » (ADR 012).
INSERT INTO `__new_matching_weights`("territory_id", "key", "value", "updated_at") SELECT `territories`.`id`, `matching_weights`.`key`, `matching_weights`.`value`, `matching_weights`.`updated_at` FROM `matching_weights` CROSS JOIN `territories`;--> statement-breakpoint
DROP TABLE `matching_weights`;--> statement-breakpoint
ALTER TABLE `__new_matching_weights` RENAME TO `matching_weights`;--> statement-breakpoint
PRAGMA foreign_keys=ON;
CREATE TABLE `matrix_consents` (
	`registration_id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`opted_in` integer NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `matrix_consents_event` ON `matrix_consents` (`event_id`,`opted_in`);
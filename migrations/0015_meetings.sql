CREATE TABLE `networking_meetings` (
	`meeting_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`round` integer,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	PRIMARY KEY(`meeting_id`, `registration_id`),
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `networking_meetings_session` ON `networking_meetings` (`session_id`,`registration_id`,`kind`);
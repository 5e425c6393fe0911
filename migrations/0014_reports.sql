CREATE TABLE `session_activity` (
	`session_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`session_id`, `registration_id`, `kind`),
	FOREIGN KEY (`session_id`) REFERENCES `programme_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_attendance_stays` ON `session_attendance` (`session_id`,`registration_id`,`joined_at`,`left_at`,`device`);
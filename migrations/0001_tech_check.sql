CREATE TABLE `tech_checks` (
	`registration_id` text PRIMARY KEY NOT NULL,
	`overall` text NOT NULL,
	`checks` text NOT NULL,
	`user_agent` text,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);

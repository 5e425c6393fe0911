CREATE TABLE `networking_contacts` (
	`owner_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`session_id` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`owner_id`, `contact_id`),
	FOREIGN KEY (`owner_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `networking_contacts_owner` ON `networking_contacts` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `networking_preferences` (
	`registration_id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`listed` integer DEFAULT false NOT NULL,
	`invitations` integer DEFAULT true NOT NULL,
	`removed_at` integer,
	`search_key` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `networking_preferences_directory` ON `networking_preferences` (`event_id`,`listed`);--> statement-breakpoint
CREATE TABLE `networking_settings` (
	`event_id` text PRIMARY KEY NOT NULL,
	`organisation_attribute` text DEFAULT 'organisation' NOT NULL,
	`directory_attributes` text DEFAULT '[]' NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);

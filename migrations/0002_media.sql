CREATE TABLE `media_attendees` (
	`call_key` text NOT NULL,
	`registration_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`attendee_id` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`call_key`, `registration_id`)
);
--> statement-breakpoint
CREATE TABLE `media_channels` (
	`session_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`claimed_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`channel_arn` text,
	`ingest_endpoint` text,
	`playback_url` text,
	`stream_key_arn` text,
	`owned` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `media_meetings` (
	`call_key` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`generation` integer DEFAULT 1 NOT NULL,
	`state` text NOT NULL,
	`meeting_id` text NOT NULL,
	`media_region` text NOT NULL,
	`meeting` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `media_meetings_session` ON `media_meetings` (`session_id`);
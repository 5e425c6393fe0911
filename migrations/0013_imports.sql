CREATE TABLE `import_chunks` (
	`job_id` text NOT NULL,
	`seq` integer NOT NULL,
	`rows` text NOT NULL,
	`done_at` integer,
	PRIMARY KEY(`job_id`, `seq`),
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_chunks_pending` ON `import_chunks` (`done_at`,`seq`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`state` text DEFAULT 'running' NOT NULL,
	`total` integer NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`chunks` integer NOT NULL,
	`chunks_done` integer DEFAULT 0 NOT NULL,
	`actor` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_jobs_event_created` ON `import_jobs` (`event_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `invitation_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`filter` text DEFAULT '{}' NOT NULL,
	`matched` integer NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`actor` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invitation_batches_event_created` ON `invitation_batches` (`event_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `batch_id` text;--> statement-breakpoint
CREATE INDEX `invitations_batch_state` ON `invitations` (`batch_id`,`state`);
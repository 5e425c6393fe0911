ALTER TABLE `events` ADD `languages` text DEFAULT '["en","nl"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `programme_sessions` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Written by hand: an event's first language is its default language, so Dutch events list Dutch first.
UPDATE `events` SET `languages` = '["nl","en"]' WHERE `default_language` = 'nl';

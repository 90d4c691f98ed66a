CREATE TABLE `build_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`version_id` integer,
	`progress` real DEFAULT 0 NOT NULL,
	`log` text DEFAULT '' NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `generations` (
	`key` text PRIMARY KEY NOT NULL,
	`model_key` text NOT NULL,
	`policy_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`seed` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`role` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`client_id` text,
	`reply_to` text,
	`policy_id` text,
	`portfolio_version` integer,
	`routing` text,
	`error` text,
	`token_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`first_token_at` integer,
	`completed_at` integer,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_conversation_idx` ON `messages` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_id_idx` ON `messages` (`client_id`);--> statement-breakpoint
CREATE TABLE `policies` (
	`id` text PRIMARY KEY NOT NULL,
	`spec` text NOT NULL,
	`origin` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `portfolio_candidates` (
	`version_id` integer NOT NULL,
	`policy_id` text NOT NULL,
	`rewards` text NOT NULL,
	`stderr` text NOT NULL,
	`samples` integer NOT NULL,
	`selected` integer NOT NULL,
	`covered_grid_points` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`version_id`, `policy_id`),
	FOREIGN KEY (`version_id`) REFERENCES `portfolio_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`policy_id`) REFERENCES `policies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `portfolio_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`params` text NOT NULL,
	`certificate` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`activated_at` integer
);
--> statement-breakpoint
CREATE TABLE `reward_cache` (
	`reward_id` text NOT NULL,
	`reward_version` integer NOT NULL,
	`input_hash` text NOT NULL,
	`score` real,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`reward_id`, `reward_version`, `input_hash`)
);

CREATE TABLE `ollama_policy_models` (
	`name` text PRIMARY KEY NOT NULL,
	`version_id` integer NOT NULL,
	`policy_id` text NOT NULL,
	`from_model` text NOT NULL,
	`host` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ollama_policy_models_version_idx` ON `ollama_policy_models` (`version_id`);
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-cased, so `Alice` and `alice` are one account. */
  username: text('username').notNull().unique(),
  /** A versioned scrypt hash string (see server/auth/password.hash.ts). */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['pending', 'user', 'evaluator', 'admin'] }).notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull().default(now),
  updatedAt: integer('updated_at').notNull().default(now),
});

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull().default(now),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const userPreferences = sqliteTable('user_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Sliders JSON, parsed with slidersSchema on read. */
  sliders: text('sliders', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});

/** Server-wide switches an admin changes at run time (key → JSON value). */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

export const conversations = sqliteTable('conversations', {
  id: text('id').primaryKey(),
  /** Null only for conversations from before accounts existed; the first account adopts them. */
  userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  createdAt: integer('created_at').notNull().default(now),
  updatedAt: integer('updated_at').notNull().default(now),
});

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull().default(''),
    status: text('status', { enum: ['streaming', 'complete', 'stopped', 'failed'] }).notNull(),
    /** The client's id for a user message: a resend with the same id starts nothing new. */
    clientId: text('client_id'),
    /** For an assistant message, the user message it answers. */
    replyTo: text('reply_to'),
    policyId: text('policy_id'),
    portfolioVersion: integer('portfolio_version'),
    /** RoutingInfo JSON (weights at send time, value, best value). */
    routing: text('routing', { mode: 'json' }),
    error: text('error'),
    /** Why the model ended a finished answer: 'length' = cut at the policy's maxTokens. Null when stopped, failed or older. */
    finishReason: text('finish_reason', { enum: ['stop', 'length'] }),
    tokenCount: integer('token_count').notNull().default(0),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
    firstTokenAt: integer('first_token_at'),
    completedAt: integer('completed_at'),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
    uniqueIndex('messages_client_id_idx').on(t.clientId),
  ],
);

/** Every policy ever measured, keyed by a hash of its spec. */
export const policies = sqliteTable('policies', {
  id: text('id').primaryKey(),
  spec: text('spec', { mode: 'json' }).notNull(),
  origin: text('origin').notNull(),
  createdAt: integer('created_at').notNull().default(now),
});

export const portfolioVersions = sqliteTable('portfolio_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  status: text('status', { enum: ['building', 'ready', 'active', 'retired', 'failed'] }).notNull(),
  params: text('params', { mode: 'json' }).notNull(),
  certificate: text('certificate', { mode: 'json' }),
  createdAt: integer('created_at').notNull().default(now),
  activatedAt: integer('activated_at'),
});

/** All candidates a version was built from (OPT(w) needs them), with the chosen ones flagged. */
export const portfolioCandidates = sqliteTable(
  'portfolio_candidates',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => portfolioVersions.id, { onDelete: 'cascade' }),
    policyId: text('policy_id')
      .notNull()
      .references(() => policies.id),
    rewards: text('rewards', { mode: 'json' }).notNull(),
    stderr: text('stderr', { mode: 'json' }).notNull(),
    samples: integer('samples').notNull(),
    selected: integer('selected', { mode: 'boolean' }).notNull(),
    coveredGridPoints: integer('covered_grid_points').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.policyId] })],
);

/** Generation cache: one answer of one policy to one prompt for one sample seed on one model. */
export const generations = sqliteTable('generations', {
  key: text('key').primaryKey(),
  modelKey: text('model_key').notNull(),
  policyId: text('policy_id').notNull(),
  promptId: text('prompt_id').notNull(),
  seed: integer('seed').notNull(),
  response: text('response').notNull(),
  createdAt: integer('created_at').notNull().default(now),
});

/** Reward cache keyed by (reward id, version, prompt, response) hashes; null score = missing. */
export const rewardCache = sqliteTable(
  'reward_cache',
  {
    rewardId: text('reward_id').notNull(),
    rewardVersion: integer('reward_version').notNull(),
    inputHash: text('input_hash').notNull(),
    score: real('score'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.rewardId, t.rewardVersion, t.inputHash] })],
);

export const buildJobs = sqliteTable('build_jobs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
  versionId: integer('version_id'),
  progress: real('progress').notNull().default(0),
  log: text('log').notNull().default(''),
  error: text('error'),
  createdAt: integer('created_at').notNull().default(now),
  finishedAt: integer('finished_at'),
});

/**
 * Policy models created on an Ollama server (`palm-v<version>-<policy id>`), so stale ones can
 * be removed later: Ollama itself does not know which of its models PALM made.
 */
export const ollamaPolicyModels = sqliteTable(
  'ollama_policy_models',
  {
    name: text('name').primaryKey(),
    versionId: integer('version_id').notNull(),
    policyId: text('policy_id').notNull(),
    fromModel: text('from_model').notNull(),
    host: text('host').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [index('ollama_policy_models_version_idx').on(t.versionId)],
);

import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core'
import type { FilmstripLayout } from '../../lib/media/filmstrip-layout'
import type { Annotation } from '../../lib/review/annotation'
import type { PanelMapEntry } from '../../lib/review/panel-map'
import { assets } from './assets'
import { users } from './auth'
import { projects } from './projects'
import { workspaces } from './workspaces'

export const reviewItemKindEnum = pgEnum('review_item_kind', ['cut', 'animatic'])
export const reviewVersionSourceEnum = pgEnum('review_version_source', ['upload', 'animatic'])
export const reviewStatusEnum = pgEnum('review_status', ['in_review', 'changes_requested', 'approved'])
export const reviewProcessingEnum = pgEnum('review_processing', ['pending', 'processing', 'ready', 'failed'])
export const commentVisibilityEnum = pgEnum('comment_visibility', ['team', 'client'])

// A thing under review (a cut, an animatic) whose versions v1, v2… collect comments and a status.
export const reviewItems = pgTable(
  'review_items',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    // Denormalised from the project so every lookup can be scoped to the caller's workspace in one condition.
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: reviewItemKindEnum('kind').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('review_items_project_idx').on(t.projectId, t.createdAt)],
)

// Someone who came in through a share link and gave a name; not a user and never a workspace member.
export const guests = pgTable(
  'guests',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    shareLinkId: text('share_link_id').notNull().references((): AnyPgColumn => shareLinks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guests_share_link_idx').on(t.shareLinkId)],
)

export const reviewVersions = pgTable(
  'review_versions',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    reviewItemId: text('review_item_id').notNull().references(() => reviewItems.id, { onDelete: 'cascade' }),
    // v1, v2…: assigned under a lock on the item row, and unique per item as a backstop.
    number: integer('number').notNull(),
    // The original; restrict so review history cannot lose its picture to an asset clean-up.
    assetId: text('asset_id').notNull().references(() => assets.id, { onDelete: 'restrict' }),
    proxyAssetId: text('proxy_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    posterAssetId: text('poster_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    filmstripAssetId: text('filmstrip_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    source: reviewVersionSourceEnum('source').notNull(),
    status: reviewStatusEnum('status').notNull().default('in_review'),
    // Either a member or a guest changed it last (or nobody yet).
    statusChangedByUserId: text('status_changed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    statusChangedByGuestId: text('status_changed_by_guest_id').references(() => guests.id, { onDelete: 'set null' }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    // Frames are the truth: the version's own rate and length in whole frames.
    fpsNumerator: integer('fps_numerator').notNull(),
    fpsDenominator: integer('fps_denominator').notNull(),
    frameCount: integer('frame_count').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    processing: reviewProcessingEnum('processing').notNull().default('pending'),
    processingError: text('processing_error'),
    // The latest review-process-version job for this version, so its progress can be read while it runs.
    processingJobId: text('processing_job_id'),
    // Tile grid and frame numbers of the filmstrip sprite, for the player's timeline hover; set with the media.
    filmstripLayout: jsonb('filmstrip_layout').$type<FilmstripLayout>(),
    // A rendered animatic's panel timing, from the plan it was drawn with, so a comment's frame names its panel; null
    // for uploads.
    panelMap: jsonb('panel_map').$type<PanelMapEntry[]>(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_versions_item_number_idx').on(t.reviewItemId, t.number),
    check('review_versions_number_check', sql`${t.number} >= 1`),
    check('review_versions_frames_check', sql`${t.frameCount} > 0 AND ${t.fpsNumerator} > 0 AND ${t.fpsDenominator} > 0`),
    check('review_versions_status_by_check', sql`NOT (${t.statusChangedByUserId} IS NOT NULL AND ${t.statusChangedByGuestId} IS NOT NULL)`),
  ],
)

export const reviewComments = pgTable(
  'review_comments',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    versionId: text('version_id').notNull().references(() => reviewVersions.id, { onDelete: 'cascade' }),
    // Replies are one level deep: the service refuses a parent that is itself a reply.
    parentId: text('parent_id').references((): AnyPgColumn => reviewComments.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorGuestId: text('author_guest_id').references(() => guests.id, { onDelete: 'set null' }),
    frameIn: integer('frame_in').notNull(),
    // Exclusive end like lib/markers: the note covers frameIn … frameOut − 1; null means one frame.
    frameOut: integer('frame_out'),
    body: text('body').notNull(),
    annotation: jsonb('annotation').$type<Annotation>(),
    visibility: commentVisibilityEnum('visibility').notNull().default('team'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    // Soft delete: replies and exports keep their place; lists hide the body.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_comments_version_idx').on(t.versionId, t.frameIn),
    index('review_comments_parent_idx').on(t.parentId),
    // Authors may be nulled by a deleted account, but never both set.
    check('review_comments_author_check', sql`NOT (${t.authorUserId} IS NOT NULL AND ${t.authorGuestId} IS NOT NULL)`),
    check('review_comments_frames_check', sql`${t.frameIn} >= 0 AND (${t.frameOut} IS NULL OR ${t.frameOut} > ${t.frameIn})`),
    check('review_comments_body_check', sql`char_length(${t.body}) BETWEEN 1 AND 5000`),
  ],
)

// Who was @mentioned in a comment; read_at is the inbox read marker.
export const reviewMentions = pgTable(
  'review_mentions',
  {
    commentId: text('comment_id').notNull().references(() => reviewComments.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index('review_mentions_user_idx').on(t.userId, t.readAt)],
)

export const shareLinks = pgTable(
  'share_links',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    reviewItemId: text('review_item_id').notNull().references(() => reviewItems.id, { onDelete: 'cascade' }),
    // SHA-256 of a 256-bit token; the token is shown once and never stored.
    tokenHash: text('token_hash').notNull(),
    // argon2id, optional.
    passwordHash: text('password_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    canComment: boolean('can_comment').notNull().default(false),
    canDownload: boolean('can_download').notNull().default(false),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('share_links_token_hash_idx').on(t.tokenHash), index('share_links_item_idx').on(t.reviewItemId)],
)

export type ReviewItemRow = typeof reviewItems.$inferSelect
export type ReviewVersionRow = typeof reviewVersions.$inferSelect
export type ReviewCommentRow = typeof reviewComments.$inferSelect
export type ShareLinkRow = typeof shareLinks.$inferSelect
export type ReviewStatus = (typeof reviewStatusEnum.enumValues)[number]

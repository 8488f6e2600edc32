import { Schema, type Connection, type Model, type InferSchemaType } from 'mongoose';

/**
 * Mongoose schemas for every collection. Only what works on both MongoDB 7 and
 * FerretDB 1.24 (SQLite): plain and unique compound indexes, no TTL, no partial
 * or text indexes, no collation. `createModels(conn)` binds them to a connection.
 */

const policySchema = new Schema(
  {
    preModeration: { type: Boolean, default: false },
    strictness: { type: String, enum: ['lenient', 'standard', 'strict'], default: 'standard' },
    categoryActions: { type: [{ category: String, action: String, _id: false }], default: [] },
    languages: { type: [String], default: ['id', 'en'] },
    /** The language of reason messages, the engine's and intake's alike. */
    messageLanguage: { type: String, enum: ['id', 'en'], default: 'id' },
    reportThreshold: { type: Number, default: 3 },
    /** Service level for held comments nobody reported (site policy, not law). */
    dueHours: { type: Number, default: 24 },
    /** A reader's complaint: 2 × 24 h (Dewan Pers, Pedoman Pemberitaan Media Siber, part 3). */
    reportDueHours: { type: Number, default: 48 },
    urgentDueHours: { type: Number, default: 4 },
    offenderRejections: { type: Number, default: 3 },
    offenderWindowDays: { type: Number, default: 7 },
  },
  { _id: false },
);

const siteSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    webhookUrl: { type: String },
    webhookSecret: { type: String },
    /** After a rotation, the old secret still signs deliveries (second signature) until previousSecretUntil. */
    previousWebhookSecret: { type: String },
    previousSecretUntil: { type: Date },
    policy: { type: policySchema, default: () => ({}) },
  },
  { timestamps: true, versionKey: false },
);

const principalSchema = new Schema(
  {
    _id: { type: String, required: true },
    tokenHash: { type: String, required: true },
    role: { type: String, enum: ['site', 'moderator', 'admin', 'legal'], required: true },
    siteIds: { type: [String], default: [] },
    name: { type: String },
    revokedAt: { type: Date },
  },
  { timestamps: true, versionKey: false },
);

const spanSchema = new Schema({ start: Number, end: Number, text: String }, { _id: false });
const reasonSchema = new Schema(
  {
    ruleId: String,
    category: String,
    legalBasis: String,
    action: String,
    message: String,
    severity: Number,
    spans: [spanSchema],
  },
  { _id: false },
);

const decisionSchema = new Schema(
  {
    action: String,
    reasons: [reasonSchema],
    rulesetVersion: String,
    decidedBy: String,
    decidedAt: Date,
    note: String,
  },
  { _id: false },
);

/**
 * Side effects written with the fact they report (src/effects/): the event and the
 * webhook still to be carried out, and when the oldest of them was written.
 */
const effectFields = {
  effects: { type: [Schema.Types.Mixed], default: undefined },
  effectsAt: Date,
};

const commentSchema = new Schema(
  {
    _id: { type: String, required: true },
    siteId: { type: String, required: true },
    externalId: { type: String, required: true },
    articleId: { type: String, required: true },
    articleUrl: String,
    articleTitle: String,
    section: String,
    parentId: String,
    author: { id: { type: String, required: true }, name: { type: String, required: true } },
    text: { type: String, required: true },
    language: String,
    status: { type: String, enum: ['approved', 'pending', 'rejected'], required: true },
    autoDecision: decisionSchema,
    decision: decisionSchema,
    maskedText: String,
    dueAt: Date,
    reportCount: { type: Number, default: 0 },
    reported: { type: Boolean, default: false },
    overdueNotifiedAt: Date,
    /** When the comment entered the held or reported queue (start of its take-down clock). */
    queuedAt: Date,
    /** True when its deadline is the urgent one (src/reports/urgent-categories.ts). */
    urgent: Boolean,
    /** When enough reader reports, one urgent one, or a take-down order took it off the site. */
    withdrawnAt: Date,
    /** The ministry take-down orders that cover it (src/takedown/). */
    takedownOrderIds: { type: [String], default: undefined },
    /** When the author's name and text were erased on a data-subject request (src/author-data/). */
    erasedAt: Date,
    ...effectFields,
  },
  { timestamps: true, versionKey: 'revision' },
);
commentSchema.index({ siteId: 1, externalId: 1 }, { unique: true });
// the effect relay's query (MongoDB uses it; FerretDB scans, see src/store/effects.ts)
commentSchema.index({ effectsAt: 1 });
commentSchema.index({ status: 1, siteId: 1, createdAt: -1 });
commentSchema.index({ siteId: 1, articleId: 1, createdAt: -1 });
commentSchema.index({ siteId: 1, 'author.id': 1, createdAt: -1 });

const auditSchema = new Schema(
  {
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, required: true },
    siteId: String,
    before: Schema.Types.Mixed,
    after: Schema.Types.Mixed,
    note: String,
    at: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
auditSchema.index({ target: 1, at: -1 });

const eventSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    siteId: String,
    instanceId: String,
    data: Schema.Types.Mixed,
  },
  { versionKey: false },
);
eventSchema.index({ seq: 1 });
// a moderator's since= replay reads its own sites' events only
eventSchema.index({ siteId: 1, seq: 1 });

const ruleVersionSchema = new Schema(
  {
    name: { type: String, required: true },
    hash: { type: String, required: true },
    content: { type: String, required: true },
    changedBy: { type: String, required: true },
    at: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
ruleVersionSchema.index({ name: 1, at: -1 });

const authorSchema = new Schema(
  {
    _id: { type: String, required: true },
    siteId: { type: String, required: true },
    authorId: { type: String, required: true },
    history: { type: [{ at: Date, status: String, commentId: String, textHash: String, _id: false }], default: [] },
    bannedUntil: Date,
    banReason: String,
    ...effectFields,
  },
  { timestamps: true, versionKey: 'revision' },
);
authorSchema.index({ effectsAt: 1 });

const reportSchema = new Schema(
  {
    _id: { type: String, required: true },
    commentId: { type: String, required: true },
    siteId: { type: String, required: true },
    reporterId: { type: String, required: true },
    reason: { type: String, required: true },
    note: String,
    at: { type: Date, default: () => new Date() },
    /** Permenkominfo 5/2020 Pasal 10: received → reviewed → upheld | rejected. */
    state: { type: String, enum: ['received', 'reviewed', 'upheld', 'rejected'], default: 'received' },
    dueAt: Date,
    urgent: Boolean,
    reviewedAt: Date,
    reviewedBy: String,
    resolvedAt: Date,
    resolvedBy: String,
  },
  { versionKey: false },
);
reportSchema.index({ commentId: 1 });

const webhookDeliverySchema = new Schema(
  {
    /** Derived from the comment, its revision and the kind of delivery (src/effects/effect-ids.ts). */
    _id: { type: String },
    siteId: { type: String, required: true },
    commentId: { type: String, required: true },
    /** Set for a `report.resolved` delivery: the report it answers. */
    reportId: String,
    /** Set for a withdrawal on a ministry take-down order: the order. */
    takedownOrderId: String,
    url: String,
    event: String,
    attempts: { type: Number, default: 0 },
    status: { type: String, enum: ['pending', 'delivered', 'failed'], default: 'pending' },
    lastStatus: Number,
    lastError: String,
    nextAttemptAt: Date,
  },
  { timestamps: true, versionKey: false },
);
// the worker's poll (due pending deliveries) and the retention sweep (old delivered/failed ones)
webhookDeliverySchema.index({ status: 1, nextAttemptAt: 1 });
webhookDeliverySchema.index({ status: 1, updatedAt: 1 });

/**
 * A ministry (Komdigi) take-down order received through SAMAN (Permenkominfo
 * 5/2020 Pasal 14–16): due 24 h after receipt, 4 h when urgent. `_id` is derived
 * from the order number, so a retried intake lands on the same document.
 */
const takedownOrderSchema = new Schema(
  {
    _id: { type: String, required: true },
    orderNumber: { type: String, required: true },
    issuer: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    urgent: { type: Boolean, required: true },
    dueAt: { type: Date, required: true },
    /** Fingerprint of the order as received: the same number with other content is a conflict. */
    inputHash: { type: String, required: true },
    /** The sites whose comments it covers (who may see it). */
    siteIds: { type: [String], default: [] },
    items: { type: [{ commentId: String, articleUrl: String, note: String, commentIds: [String], _id: false }], default: [] },
    /** Each covered comment as it was withdrawn (the evidence of Pasal 20(2)). */
    comments: {
      type: [{ commentId: { type: String, required: true }, siteId: String, externalId: String, articleId: String, articleUrl: String, text: String, statusBefore: String, withdrawnAt: Date, withdrawnBy: String, alreadyRemoved: Boolean, _id: false }],
      default: [],
    },
    /** Warning letters (Pasal 15(10)–(12)): at most three, every 24 h (4 h), then sanctions. */
    warnings: { type: [{ letterNumber: String, receivedAt: Date, note: String, recordedBy: String, recordedAt: Date, _id: false }], default: [] },
    createdBy: { type: String, required: true },
    completedAt: Date,
    completedBy: String,
    completionNote: String,
    overdueNotifiedAt: Date,
  },
  { timestamps: true, versionKey: 'revision' },
);
takedownOrderSchema.index({ receivedAt: -1 });

export type SiteDoc = InferSchemaType<typeof siteSchema> & { _id: string };
export type PrincipalDoc = InferSchemaType<typeof principalSchema> & { _id: string };
export type CommentDoc = InferSchemaType<typeof commentSchema> & { _id: string; createdAt: Date; updatedAt: Date; revision: number };
export type AuditDoc = InferSchemaType<typeof auditSchema>;
export type EventDoc = InferSchemaType<typeof eventSchema> & { _id: string };
export type RuleVersionDoc = InferSchemaType<typeof ruleVersionSchema>;
export type AuthorDoc = InferSchemaType<typeof authorSchema> & { _id: string };
export type ReportDoc = InferSchemaType<typeof reportSchema> & { _id: string };
export type WebhookDeliveryDoc = InferSchemaType<typeof webhookDeliverySchema> & { _id: string };
export type TakedownOrderDoc = InferSchemaType<typeof takedownOrderSchema> & { _id: string; createdAt: Date; updatedAt: Date; revision: number };

export interface Models {
  Site: Model<SiteDoc>;
  Principal: Model<PrincipalDoc>;
  Comment: Model<CommentDoc>;
  Audit: Model<AuditDoc>;
  Event: Model<EventDoc>;
  RuleVersion: Model<RuleVersionDoc>;
  Author: Model<AuthorDoc>;
  Report: Model<ReportDoc>;
  WebhookDelivery: Model<WebhookDeliveryDoc>;
  TakedownOrder: Model<TakedownOrderDoc>;
}

/** Binds every schema to `conn` (collection names as in DESIGN.md). */
export function createModels(conn: Connection): Models {
  return {
    Site: conn.model<SiteDoc>('Site', siteSchema, 'sites'),
    Principal: conn.model<PrincipalDoc>('Principal', principalSchema, 'principals'),
    Comment: conn.model<CommentDoc>('Comment', commentSchema, 'comments'),
    Audit: conn.model<AuditDoc>('Audit', auditSchema, 'audit'),
    Event: conn.model<EventDoc>('Event', eventSchema, 'events'),
    RuleVersion: conn.model<RuleVersionDoc>('RuleVersion', ruleVersionSchema, 'rule_versions'),
    Author: conn.model<AuthorDoc>('Author', authorSchema, 'authors'),
    Report: conn.model<ReportDoc>('Report', reportSchema, 'reports'),
    WebhookDelivery: conn.model<WebhookDeliveryDoc>('WebhookDelivery', webhookDeliverySchema, 'webhook_deliveries'),
    TakedownOrder: conn.model<TakedownOrderDoc>('TakedownOrder', takedownOrderSchema, 'takedown_orders'),
  };
}

/** Builds every index; an index option the store does not support fails here, loudly. */
export async function initModels(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) await model.init();
}

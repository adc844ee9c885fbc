import { and, eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors.js';
import { sniffContentType, stripMetadata, type SniffedType } from '../../platform/file-content.js';
import type { ActorContext, RequestContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { files } from './files.table.js';

export type StoredFile = typeof files.$inferSelect;

export interface UploadInput {
  content: Buffer;
  filename: string;
  /** Which content types this upload accepts (by sniffed bytes, never by name or header). */
  accept?: readonly SniffedType[];
}

const imageTypes: readonly SniffedType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** Stores an upload: type checked by content, size-limited, EXIF/GPS stripped, deduplicated by hash. */
export async function saveUpload(ctx: ActorContext, input: UploadInput): Promise<StoredFile> {
  const max = ctx.services.config.uploadMaxBytes;
  if (input.content.length > max) throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(max / 1024 / 1024)} MB`);
  if (input.content.length === 0) throw new AppError('VALIDATION', '文件为空', [{ path: 'file', message: '文件为空' }]);
  const type = sniffContentType(input.content);
  const accept = input.accept ?? [...imageTypes, 'application/pdf'];
  if (!type || !accept.includes(type)) {
    throw new AppError('VALIDATION', '文件类型不支持：只接受图片（JPEG/PNG/WebP/GIF）或 PDF', [{ path: 'file', message: '文件类型不支持' }]);
  }
  const clean = stripMetadata(input.content, type);
  const { hash, size } = await ctx.services.storage.put(clean);
  const [row] = await ctx.db
    .insert(files)
    .values({ tenantId: ctx.tenantId, hash, contentType: type, size, originalName: input.filename.slice(0, 200), uploadedBy: ctx.actor.userId })
    .returning();
  await recordAudit(ctx.db, ctx, { action: 'file.upload', entityType: 'file', entityId: row.id, after: { contentType: type, size } });
  return row;
}

export async function readFile(ctx: RequestContext, id: string): Promise<{ file: StoredFile; content: Buffer }> {
  const [file] = await ctx.db.select().from(files).where(and(eq(files.tenantId, ctx.tenantId), eq(files.id, id)));
  if (!file) throw notFound('文件');
  return { file, content: await ctx.services.storage.get(file.hash) };
}

/** Checks that every id names a file of this street (evidence lists on claims, hazards, steps). */
export async function assertFilesExist(ctx: RequestContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.db.select({ id: files.id }).from(files).where(and(eq(files.tenantId, ctx.tenantId), inArray(files.id, ids)));
  if (rows.length !== new Set(ids).size) throw new AppError('VALIDATION', '附件不存在', [{ path: 'fileIds', message: '附件不存在' }]);
}

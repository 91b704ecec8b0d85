/**
 * User settings: their shape, their defaults, and a tolerant loader that keeps every valid
 * field of a stored file and falls back to the default for anything missing or malformed.
 */
import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_SIZE_MIN = 12;
export const FONT_SIZE_MAX = 32;
export const FONT_SIZE_DEFAULT = 18;

export const LINE_HEIGHTS = [1.6, 1.9, 2.2] as const;
export const LINE_HEIGHT_DEFAULT = 1.9;

/** Widths of the side panels in CSS pixels, within what keeps the text readable. */
export const PANEL_WIDTH_MIN = 200;
export const PANEL_WIDTH_MAX = 560;

/** Report ids are file names from the reports folder, without any path. */
export const reportIdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..', 'not a plain file name');

/** Where the reader was in a report: the paragraph at the top of the pane. */
export const readingPositionSchema = z.object({
  paragraphId: z.string().min(1).max(200),
  /** Pixels the paragraph's top was above the pane's top, so the restore is exact. */
  offset: z.number().finite().min(0).max(100_000).default(0),
});
export type ReadingPosition = z.infer<typeof readingPositionSchema>;

const fields = {
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX),
  lineHeight: z.number().min(1.4).max(2.6),
  contentsWidth: z.number().int().min(PANEL_WIDTH_MIN).max(PANEL_WIDTH_MAX),
  sidebarWidth: z.number().int().min(PANEL_WIDTH_MIN).max(PANEL_WIDTH_MAX),
  showContents: z.boolean(),
  lastReportId: reportIdSchema.nullable(),
  positions: z.record(reportIdSchema, readingPositionSchema),
};

export const settingsSchema = z.object(fields);
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  theme: 'system',
  fontSize: FONT_SIZE_DEFAULT,
  lineHeight: LINE_HEIGHT_DEFAULT,
  contentsWidth: 280,
  sidebarWidth: 340,
  showContents: true,
  lastReportId: null,
  positions: {},
};

/** A partial update: every field optional, each validated like the full settings. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Reads settings from untrusted JSON: each field that validates is kept, each that doesn't
 * takes its default. Positions are kept entry by entry. Returns the fields that were reset.
 */
export function settingsFromUnknown(raw: unknown): { settings: Settings; resetFields: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS, positions: {} };
  const resetFields: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, resetFields: raw === undefined ? [] : ['*'] };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(fields) as (keyof Settings)[]) {
    if (!(key in obj)) continue;
    if (key === 'positions') {
      const value = obj[key];
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        resetFields.push(key);
        continue;
      }
      for (const [id, pos] of Object.entries(value)) {
        const idOk = reportIdSchema.safeParse(id).success;
        const parsed = readingPositionSchema.safeParse(pos);
        if (idOk && parsed.success) settings.positions[id] = parsed.data;
        else resetFields.push(`positions.${id}`);
      }
      continue;
    }
    const parsed = fields[key].safeParse(obj[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
    else resetFields.push(key);
  }
  return { settings, resetFields };
}

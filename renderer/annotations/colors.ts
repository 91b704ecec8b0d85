/** Highlight colours: names for people, in both languages. The CSS holds the paint. */
import type { HighlightColor } from '../../core/annotations/annotation-model';
import type { MessageKey } from '../i18n';

export const COLOR_LABELS: Record<HighlightColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

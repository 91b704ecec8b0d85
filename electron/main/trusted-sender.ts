/**
 * Decides whether an IPC call may reach the services: only the app window's own main frame,
 * showing a page of the app's origin, is trusted. A subframe, another web contents, or a page
 * that somehow navigated elsewhere is refused, whatever it sends.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function checkSender(event: InvokeEvent, appContents: WebContents | null): SenderVerdict {
  if (appContents === null || appContents.isDestroyed()) {
    return { trusted: false, reason: 'the app window is gone' };
  }
  if (event.sender !== appContents) {
    return { trusted: false, reason: 'sent by another web contents' };
  }
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) {
    return { trusted: false, reason: 'the sending frame has navigated or been destroyed' };
  }
  const main = appContents.mainFrame;
  // Frames are identified by process and token; wrapper objects need not be identical.
  if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) {
    return { trusted: false, reason: 'sent by a frame other than the main frame' };
  }
  if (!isAppUrl(frame.url)) {
    return {
      trusted: false,
      reason: `sent by a page outside the app (${frame.url.slice(0, 100)})`,
    };
  }
  return { trusted: true };
}

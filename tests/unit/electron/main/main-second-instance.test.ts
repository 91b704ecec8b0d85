// A second launch of the app hands over to the first and quits before doing anything.
import { expect, it } from 'vitest';
import { app, BrowserWindowMock, protocol } from '../../../mocks/electron';

it('quits at once when another instance holds the lock', async () => {
  app.requestSingleInstanceLock.mockReturnValue(false);
  await import('../../../../electron/main/main');
  expect(app.quit).toHaveBeenCalledTimes(1);
  expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  expect(app.whenReady).not.toHaveBeenCalled();
  expect(BrowserWindowMock.instances).toHaveLength(0);
});

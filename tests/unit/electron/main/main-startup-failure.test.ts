// When the services cannot start (e.g. the data folder is not writable), the user is told why.
import { expect, it, vi } from 'vitest';
import { app, BrowserWindowMock, dialog } from '../../../mocks/electron';

vi.mock('../../../../node/services/host-services', () => ({
  createHostServices: async () => {
    throw new Error('EACCES: permission denied, mkdir');
  },
}));

it('shows the error and exits', async () => {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../../../electron/main/main');
  app.becomeReady();
  await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
  expect(dialog.showErrorBox).toHaveBeenCalledWith(
    expect.stringContaining('无法启动'),
    expect.stringContaining('EACCES'),
  );
  expect(BrowserWindowMock.instances).toHaveLength(0);
  expect(consoleError).toHaveBeenCalledWith('[main] start-up failed:', expect.any(Error));
});

/** Open/closed state of the panels that do not keep their own (see panel-registry.tsx). */
import { useCallback, useMemo, useState } from 'react';
import type { PanelState } from './reader-context';

export function usePanelState(): PanelState {
  const [open, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const setOpen = useCallback((id: string, value: boolean) => {
    setOpenIds((current) => {
      if (current.has(id) === value) return current;
      const next = new Set(current);
      if (value) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const toggle = useCallback(
    (id: string) =>
      setOpenIds((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  return useMemo(
    () => ({ isOpen: (id) => open.has(id), setOpen, toggle }),
    [open, setOpen, toggle],
  );
}

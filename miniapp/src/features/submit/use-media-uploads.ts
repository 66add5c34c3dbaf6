import { MEDIA_LIMITS } from '@mashang/shared';
import { useCallback, useRef } from 'react';
import { messageOf } from '../../services/errors';
import type { LocalMedia } from '../../platform/types';
import type { FormAttachment } from './form';
import { mediaProblem, uploadMedia } from './upload';

type Update = (fn: (list: FormAttachment[]) => FormAttachment[]) => void;

let seq = 0;

export interface MediaUploads {
  /** Adds and starts uploading; returns the first problem in plain words (too many, too big, wrong format). */
  addMedia: (items: LocalMedia[]) => string | undefined;
  removeAttachment: (id: string) => void;
  /** Stops a running upload and drops the file (the typed text and the other files stay). */
  cancelUpload: (id: string) => void;
  /** Sends a failed file again, on its own. */
  retryUpload: (id: string) => void;
}

/** Media picked for a form upload at once, each with its own progress; shared by submit and supplement. */
export function useMediaUploads(list: FormAttachment[], update: Update): MediaUploads {
  const listRef = useRef(list);
  listRef.current = list;

  const patch = useCallback(
    (id: string, p: Partial<FormAttachment>) => update((l) => l.map((a) => (a.id === id ? { ...a, ...p } : a))),
    [update],
  );
  const aborts = useRef(new Map<string, () => void>());

  /** One file's upload; a cancelled one is gone from the list, so its late answers change nothing. */
  const send = useCallback(
    (a: FormAttachment) => {
      uploadMedia(a, (progress) => patch(a.id, { progress }), (abort) => aborts.current.set(a.id, abort))
        .then((key) => patch(a.id, { key, state: 'done', progress: 100 }))
        .catch((e: unknown) => patch(a.id, { state: 'failed', error: messageOf(e) }))
        .finally(() => aborts.current.delete(a.id));
    },
    [patch],
  );

  const addMedia = useCallback(
    (items: LocalMedia[]) => {
      const accepted: FormAttachment[] = [];
      let problem: string | undefined;
      for (const media of items) {
        const count = [...listRef.current, ...accepted].filter((a) => a.kind === media.kind).length;
        const issue = count >= MEDIA_LIMITS[media.kind].maxCount ? '已经达到数量上限' : mediaProblem(media);
        if (issue) problem ??= issue;
        else accepted.push({ ...media, id: `m${Date.now()}-${seq++}`, state: 'uploading', progress: 0 });
      }
      if (accepted.length === 0) return problem;
      listRef.current = [...listRef.current, ...accepted];
      update((l) => [...l, ...accepted]);
      accepted.forEach(send);
      return problem;
    },
    [send, update],
  );

  const removeAttachment = useCallback((id: string) => update((l) => l.filter((a) => a.id !== id)), [update]);
  const cancelUpload = useCallback(
    (id: string) => {
      aborts.current.get(id)?.();
      aborts.current.delete(id);
      removeAttachment(id);
    },
    [removeAttachment],
  );
  const retryUpload = useCallback(
    (id: string) => {
      const failed = listRef.current.find((a) => a.id === id && a.state === 'failed');
      if (!failed) return;
      patch(id, { state: 'uploading', progress: 0, error: undefined });
      send(failed);
    },
    [patch, send],
  );
  return { addMedia, removeAttachment, cancelUpload, retryUpload };
}

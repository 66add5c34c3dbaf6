/**
 * @jest-environment jsdom
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { fake } from './support/taro';
import type { FormAttachment } from '../../miniapp/src/features/submit/form';
import { useMediaUploads } from '../../miniapp/src/features/submit/use-media-uploads';
import type { LocalMedia } from '../../miniapp/src/platform/types';

const photo = (name: string): LocalMedia => ({ kind: 'image', path: `blob:${name}`, mime: 'image/jpeg', size: 1000, name: `${name}.jpg` });

/** The hook over a plain list, as the submit and supplement forms hold it. */
function useList() {
  const [list, setList] = useState<FormAttachment[]>([]);
  const uploads = useMediaUploads(list, (fn) => setList(fn));
  return { list, ...uploads };
}

describe('uploads one by one on a weak network', () => {
  let failures = 0;
  beforeEach(() => {
    fake.reset();
    failures = 0;
    let n = 0;
    fake.on('POST /api/v1/uploads', () => ({ statusCode: 201, data: { key: `m/202611/k${++n}.jpg`, uploadUrl: '/api/v1/files/upload', fields: {}, expiresAt: '2026-11-24T10:00:00Z' } }));
    fake.on('UPLOAD /api/v1/files/upload', () => (failures-- > 0 ? { statusCode: 503, data: { error: { code: 'UNAVAILABLE', message: '服务繁忙' } } } : { statusCode: 204 }));
  });

  it('when one photo fails, then only it is marked failed, and 重试 sends it again until it is uploaded', async () => {
    failures = 1;
    const { result } = renderHook(useList);
    act(() => void result.current.addMedia([photo('a')]));
    await waitFor(() => expect(result.current.list.map((a) => a.state)).toEqual(['failed']));
    act(() => void result.current.addMedia([photo('b')]));
    await waitFor(() => expect(result.current.list.map((a) => a.state)).toEqual(['failed', 'done']));
    act(() => result.current.retryUpload(result.current.list[0].id));
    await waitFor(() => expect(result.current.list.map((a) => a.state)).toEqual(['done', 'done']));
    expect(result.current.list.every((a) => a.key)).toBe(true);
  });

  it('when an upload is cancelled, then that file is gone and the others stay', async () => {
    const { result } = renderHook(useList);
    act(() => void result.current.addMedia([photo('a'), photo('b')]));
    act(() => result.current.cancelUpload(result.current.list[0].id));
    await waitFor(() => expect(result.current.list.map((a) => [a.name, a.state])).toEqual([['b.jpg', 'done']]));
  });
});

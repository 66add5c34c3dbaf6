/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fake } from './support/taro';
import { readStored, STORAGE_KEYS, writeStored } from '../../miniapp/src/services/storage';
import MinePage from '../../miniapp/src/pages/mine/index';

describe('我的 page: logout', () => {
  beforeEach(() => {
    fake.reset();
    writeStored(STORAGE_KEYS.token, 'access-1');
    writeStored(STORAGE_KEYS.refreshToken, 'refresh-1');
    fake.on('GET /api/v1/tickets', () => ({ statusCode: 200, data: { items: [], nextCursor: null } }));
    fake.on('POST /api/v1/auth/logout', () => ({ statusCode: 204 }));
  });

  it('when the citizen confirms 退出登录, then the session is revoked at the BFF, forgotten on the device, and the app goes home', async () => {
    render(<MinePage />);
    await act(async () => fireEvent.click(await screen.findByText('退出登录')));
    await waitFor(() => expect(fake.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }]));
    expect(fake.requests.find((r) => r.path === '/api/v1/auth/logout')?.data).toEqual({ refreshToken: 'refresh-1' });
    expect(readStored(STORAGE_KEYS.refreshToken)).toBeUndefined();
    expect(fake.toasts).toContain('已退出登录');
  });

  it('when the citizen cancels, then nothing is sent and the session stays', async () => {
    fake.modalConfirm = false;
    render(<MinePage />);
    await act(async () => fireEvent.click(await screen.findByText('退出登录')));
    expect(fake.requests.some((r) => r.path === '/api/v1/auth/logout')).toBe(false);
    expect(readStored(STORAGE_KEYS.refreshToken)).toBe('refresh-1');
  });
});

import { z } from 'zod';
import type { AppDeps } from '../app';
import { citizenView, updateProfile } from '../citizens/service';
import { citizenSchema } from '../citizens/schemas';
import { defineRoute, type RouteKit } from '../http/route';
import { wechatUnavailable } from './errors';

const phoneCodeSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '不是有效的授权码') });

/** Binds the citizen's phone through WeChat's quick phone verification (getPhoneNumber button). */
export function phoneRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/me/phone',
      summary: "Bind the citizen's phone with WeChat quick verification",
      description: 'Takes the one-time `code` of a `<button open-type="getPhoneNumber">` event, resolves it with getuserphonenumber and stores the number encrypted.',
      tags: ['auth'],
      auth: 'citizen',
      body: phoneCodeSchema,
      responses: {
        200: { description: 'bound', schema: z.object({ citizen: citizenSchema }) },
        400: { description: 'WECHAT_CODE_INVALID' },
        429: { description: 'WECHAT_RATE_LIMITED' },
        503: { description: 'WECHAT_UNAVAILABLE (also in dev mode, where there is no WeChat to ask; use PATCH /api/v1/me)' },
      },
    },
    async (ctx, { body, actor }) => {
      if (!deps.wechat) throw wechatUnavailable('未配置微信小程序');
      const info = await deps.wechat.getPhoneNumber(body.code);
      const phone = info.countryCode === '86' ? info.purePhoneNumber : `+${info.countryCode}${info.purePhoneNumber}`;
      ctx.body = { citizen: citizenView(deps, await updateProfile(deps, actor.id, { phone })) };
    },
  );
}

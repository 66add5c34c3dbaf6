/**
 * The printable poster of a code point: A4 portrait SVG (210 × 297 mm, 1 unit = 0.1 mm) with
 * the place, the code and the three steps. The code is embedded as the PNG the QR helper
 * returns (WeChat's round mini-program code has no vector form), at a size that prints sharp.
 */
import type { SceneDoc } from './model';

const FONT = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const BRAND = '#c8161d';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const STEPS = [
  { title: '扫码', hint: '微信扫一扫' },
  { title: '说问题', hint: '文字、语音、图片' },
  { title: '查进度', hint: '办理结果及时告知' },
];

function step(i: number): string {
  const cx = 400 + i * 650;
  const { title, hint } = STEPS[i];
  const arrow = i < STEPS.length - 1 ? `<path d="M ${cx + 190} 2360 l 190 0 m -50 -40 l 50 40 l -50 40" stroke="${BRAND}" stroke-width="14" fill="none" stroke-linecap="round" stroke-linejoin="round"/>` : '';
  return `<circle cx="${cx}" cy="2360" r="130" fill="${BRAND}"/><text x="${cx}" y="2395" font-size="100" fill="#fff" text-anchor="middle" font-weight="bold">${i + 1}</text>
<text x="${cx}" y="2580" font-size="90" text-anchor="middle" font-weight="bold" fill="#222">${title}</text><text x="${cx}" y="2670" font-size="56" text-anchor="middle" fill="#666">${hint}</text>${arrow}`;
}

export function posterSvg(scene: Pick<SceneDoc, '_id' | 'name' | 'address'>, code: { image: Buffer; contentType: string }): string {
  const qr = `data:${code.contentType};base64,${code.image.toString('base64')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="210mm" height="297mm" viewBox="0 0 2100 2970" font-family="${escapeXml(FONT)}">
<title>${escapeXml(scene.name)} · 扫码反映问题</title>
<rect width="2100" height="2970" fill="#fff"/>
<rect width="2100" height="420" fill="${BRAND}"/>
<text x="1050" y="200" font-size="130" fill="#fff" text-anchor="middle" font-weight="bold">码上反映·马上办理</text>
<text x="1050" y="330" font-size="64" fill="#fde8e8" text-anchor="middle">身边的问题，扫一扫就能反映</text>
<text x="1050" y="650" font-size="190" fill="${BRAND}" text-anchor="middle" font-weight="bold">扫码反映问题</text>
<text x="1050" y="820" font-size="88" fill="#222" text-anchor="middle" font-weight="bold">${escapeXml(scene.name)}</text>
<text x="1050" y="920" font-size="56" fill="#666" text-anchor="middle">${escapeXml(scene.address)}</text>
<rect x="500" y="1000" width="1100" height="1100" rx="40" fill="#fff" stroke="#ddd" stroke-width="6"/>
<image x="550" y="1050" width="1000" height="1000" xlink:href="${qr}" href="${qr}" preserveAspectRatio="xMidYMid meet"/>
<text x="1050" y="2200" font-size="48" fill="#999" text-anchor="middle">点位编号 ${escapeXml(scene._id)}</text>
${STEPS.map((_, i) => step(i)).join('\n')}
<text x="1050" y="2870" font-size="52" fill="#666" text-anchor="middle">也可拨打 12345 政务服务便民热线</text>
</svg>
`;
}

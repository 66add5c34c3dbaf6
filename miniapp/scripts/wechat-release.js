#!/usr/bin/env node
/**
 * Preview or upload the weapp build with WeChat's official miniprogram-ci (issue 19 item 6).
 *
 *   WECHAT_APPID=wx… MINIPROGRAM_KEY=/path/private.wx….key node miniapp/scripts/wechat-release.js preview
 *   WECHAT_APPID=wx… MINIPROGRAM_KEY=/path/private.wx….key node miniapp/scripts/wechat-release.js upload [version] [description]
 *
 * preview: a QR code (terminal and miniapp/dist/preview-qrcode.jpg) to open this build on a
 * phone. upload: the build becomes a 开发版 in the console, ready to be chosen as 体验版 and
 * submitted for review. Without an appid and key it explains what to get and exits 2, touching
 * nothing. miniprogram-ci is not a dependency of the project: the first run installs the pinned
 * version under .tools/ (git-ignored).
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const CI_VERSION = '2.1.42';
const ROOT = path.resolve(__dirname, '..', '..');
const MINIAPP = path.resolve(__dirname, '..');
const BUILD = path.join(MINIAPP, 'dist', 'weapp');
const TOOLS = path.join(ROOT, '.tools', `miniprogram-ci-${CI_VERSION}`);

const HELP = `
码上反映 mini-program release: preview or upload the weapp build with miniprogram-ci ${CI_VERSION}.

  node miniapp/scripts/wechat-release.js preview
  node miniapp/scripts/wechat-release.js upload [version] [description]

It needs, from the WeChat console (mp.weixin.qq.com, as the mini-program's administrator):
  WECHAT_APPID      the AppID (开发管理 → 开发设置 → 开发者ID), the same the BFF uses
  MINIPROGRAM_KEY   path of the 代码上传密钥 file (开发管理 → 开发设置 → 小程序代码上传 → 生成);
                    also add this machine's public IP to that section's IP 白名单
Optional:
  MINIPROGRAM_ROBOT 1–30, which CI robot uploads (default 1)
  TARO_APP_API_BASE the BFF's https origin baked into the build (set it before \`npm run build\`)

version defaults to miniapp/package.json's; the build must exist (\`npm run build\`) and pass
scripts/miniapp-budget.js. See README → "Release checklist".
`;

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function settings() {
  const [command, version, ...desc] = process.argv.slice(2);
  if (command !== 'preview' && command !== 'upload') fail(HELP, command ? 1 : 2);
  const appid = process.env.WECHAT_APPID ?? '';
  const keyPath = process.env.MINIPROGRAM_KEY ?? '';
  const missing = [!/^wx[0-9a-f]{16}$/.test(appid) && 'WECHAT_APPID (wx followed by 16 hex digits)', !(keyPath && fs.existsSync(keyPath)) && 'MINIPROGRAM_KEY (an existing key file)'].filter(Boolean);
  if (missing.length) fail(`${HELP}\nMissing: ${missing.join('; ')}. Nothing was sent.`, 2);
  const robot = Number(process.env.MINIPROGRAM_ROBOT ?? 1);
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) fail('MINIPROGRAM_ROBOT must be 1–30');
  const pkg = JSON.parse(fs.readFileSync(path.join(MINIAPP, 'package.json'), 'utf8'));
  return { command, appid, keyPath, robot, version: version || pkg.version, desc: desc.join(' ') || `${command} ${new Date().toISOString().slice(0, 16)}` };
}

/** The build WeChat will get: present, measured, and with the real appid in its project file. */
function checkBuild(appid) {
  if (!fs.existsSync(path.join(BUILD, 'app.json'))) fail('No weapp build: run `npm run build` first.');
  const budget = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'miniapp-budget.js'), '--weapp-only'], { stdio: 'inherit' });
  if (budget.status !== 0) fail('The build fails the package budget: not sent.');
  const projectFile = path.join(BUILD, 'project.config.json');
  const project = fs.existsSync(projectFile) ? JSON.parse(fs.readFileSync(projectFile, 'utf8')) : {};
  fs.writeFileSync(projectFile, `${JSON.stringify({ ...project, appid, compileType: 'miniprogram' }, null, 2)}\n`);
}

/** miniprogram-ci from .tools/, installed there on first use (it is large and needed only here). */
function loadCi() {
  const entry = path.join(TOOLS, 'node_modules', 'miniprogram-ci');
  if (!fs.existsSync(entry)) {
    process.stdout.write(`installing miniprogram-ci ${CI_VERSION} under ${path.relative(ROOT, TOOLS)} (first run only)…\n`);
    fs.mkdirSync(TOOLS, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', TOOLS, `miniprogram-ci@${CI_VERSION}`], { stdio: 'inherit' });
  }
  return require(entry);
}

async function main() {
  const s = settings();
  checkBuild(s.appid);
  const ci = loadCi();
  const project = new ci.Project({ appid: s.appid, type: 'miniProgram', projectPath: BUILD, privateKeyPath: s.keyPath, ignores: ['node_modules/**/*'] });
  // Taro already compiled and minified: WeChat must not transpile again.
  const setting = { es6: false, es7: false, minify: false, autoPrefixWXSS: false };
  if (s.command === 'preview') {
    const dest = path.join(MINIAPP, 'dist', 'preview-qrcode.jpg');
    await ci.preview({ project, desc: s.desc, setting, robot: s.robot, qrcodeFormat: 'image', qrcodeOutputDest: dest, onProgressUpdate: () => undefined });
    process.stdout.write(`preview ready: scan ${path.relative(process.cwd(), dest)} with WeChat (valid about 25 minutes)\n`);
  } else {
    await ci.upload({ project, version: s.version, desc: s.desc, setting, robot: s.robot, onProgressUpdate: () => undefined });
    process.stdout.write(`uploaded ${s.version} as robot ${s.robot}: choose it as 体验版 or submit it for review in the console (版本管理)\n`);
  }
}

main().catch((e) => fail(`miniprogram-ci failed: ${e && e.message ? e.message : e}`));

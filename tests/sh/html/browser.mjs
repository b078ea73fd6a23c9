// Loads report pages in headless Chromium (playwright-core, Debian's
// chromium): no console error or failed request, every link resolves to a
// file that exists (and its #fragment to an element), screenshots (the index
// of samples/'s two archives, the first archive's index, a record page of
// each archive), and the hostile record's script never ran.
//
//   NPM_DIR=target/npm node browser.mjs REPORT_DIR SHOTS_DIR HOSTILE_DIR
// (NPM_DIR: where playwright-core is installed, in the project's target/.)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const require = createRequire(path.resolve(process.env.NPM_DIR || 'target/npm', 'package.json'));
const { chromium } = require('playwright-core');

const [reportDir, shotsDir, hostileDir] = process.argv.slice(2).map((p) => path.resolve(p));
const failures = [];
const fail = (msg) => { failures.push(msg); console.error('FAIL ' + msg); };

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
let current = '';
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') fail(`${current}: console ${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => fail(`${current}: page error: ${e.message}`));
page.on('requestfailed', (r) => fail(`${current}: request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) fail(`${current}: network request: ${r.url()}`); });

// Every page of both reports: loads cleanly, links resolve.
let links = 0;
const pages = [...htmlFiles(reportDir), ...htmlFiles(hostileDir)];
for (const file of pages) {
  current = path.relative(process.cwd(), file);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // getAttribute: an <a> inside SVG has no string `href` property.
  const hrefs = await page.$$eval('a[href], link[href]', (els) =>
    els.map((e) => new URL(e.getAttribute('href'), document.baseURI).href));
  for (const href of hrefs) {
    links++;
    const u = new URL(href);
    if (u.protocol !== 'file:') { fail(`${current}: link leaves the report: ${href}`); continue; }
    const target = fileURLToPath(u);
    if (!fs.existsSync(target)) { fail(`${current}: broken link: ${href}`); continue; }
    const root = file.startsWith(hostileDir) ? hostileDir : reportDir;
    if (!target.startsWith(root + path.sep)) fail(`${current}: link outside the report: ${href}`);
    if (u.hash && target.endsWith('.html')) {
      const id = decodeURIComponent(u.hash.slice(1));
      const html = fs.readFileSync(target, 'utf8');
      if (!html.includes(`id="${id}"`)) fail(`${current}: missing anchor ${href}`);
    }
  }
  // The stylesheet applied (it is the only resource).
  const styled = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
  if (styled !== '1152px') fail(`${current}: the stylesheet did not load (body max-width ${styled})`);
}
console.log(`${pages.length} pages loaded, ${links} links checked`);

async function shot(file, name, fullPage = true) {
  current = path.relative(process.cwd(), file);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.screenshot({ path: path.join(shotsDir, name), fullPage });
}

// samples/ holds two archives (2021, and the 16-HD one of 2023): the report
// is an index of both, each archive's report in a folder of its own.
const archives = fs.readdirSync(reportDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(reportDir, e.name, 'index.html')))
  .map((e) => path.join(reportDir, e.name))
  .sort();
const first = fs.existsSync(path.join(reportDir, 'r')) ? reportDir : archives[0];
const second = archives.find((d) => d.endsWith('khoi-doanh-nghiep-2023'));
if (!first || !second) fail(`expected the reports of both sample archives, found ${JSON.stringify(archives)}`);

// Screenshots: the index of both archives, the first archive's index, a
// record page of each archive, the hostile record.
fs.mkdirSync(shotsDir, { recursive: true });
await shot(path.join(reportDir, 'index.html'), 'archives.png');
const index = path.join(first, 'index.html');
await shot(index, 'index.png');
// The top of the index at a laptop's size: README.md's docs/report-index.png.
await page.setViewportSize({ width: 1200, height: 1500 });
await shot(index, 'index-top.png', false);
await page.setViewportSize({ width: 1280, height: 900 });
// A finding shown under its line, in each archive.
for (const [dir, name, line, rule, png] of [
  [first, '2021-04-btv-thuong-le', 15, 'quorum', 'record.png'],
  [second, '2023-05-12-btv', 78, 'majority', 'record-16hd.png'],
]) {
  const file = dir && htmlFiles(path.join(dir, 'r')).find((f) => f.includes(name));
  if (!file) { fail(`no page for the ${rule} record ${name}`); continue; }
  await shot(file, png);
  const text = await page.textContent(`#L${line} + .note`);
  if (!text || !text.includes(rule)) fail(`${name}: the ${rule} finding is not shown under line ${line}`);
}

// The hostile archive: its record's page renders the attack as text.
const hostile = htmlFiles(path.join(hostileDir, 'r'));
if (hostile.length !== 1) fail(`expected one hostile record page, found ${hostile.length}`);
for (const file of [path.join(hostileDir, 'index.html'), ...hostile]) {
  await shot(file, file.endsWith('index.html') ? 'hostile-index.png' : 'hostile-record.png');
  const state = await page.evaluate(() => ({
    title: document.title,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    scripts: document.querySelectorAll('script').length,
    imgs: document.querySelectorAll('img').length,
    js: [...document.querySelectorAll('[href]')].filter((e) => /^\s*javascript:/i.test(e.getAttribute('href'))).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    marker: document.body.dataset.pwned || null,
    text: document.body.textContent,
  }));
  current = path.relative(process.cwd(), file);
  if (/PWNED/.test(state.title)) fail(`${current}: the title changed: ${state.title}`);
  if (state.pwned !== null || state.marker !== null) fail(`${current}: a script ran`);
  if (state.scripts || state.imgs || state.js || state.handlers)
    fail(`${current}: hostile elements in the DOM: ${JSON.stringify({ ...state, text: undefined })}`);
  if (!state.text.includes('<b>.md')) fail(`${current}: the file name <b>.md is not shown as text`);
  if (file.endsWith('.html') && !file.endsWith('index.html')) {
    for (const s of ['<script>', 'onerror=', 'javascript:']) {
      if (!state.text.includes(s)) fail(`${current}: the record's text ${s} is not shown as text`);
    }
  }
}

await browser.close();
if (failures.length) {
  console.error(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log('browser checks: ok');

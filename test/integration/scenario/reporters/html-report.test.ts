import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../../src/scenario/index.ts';
import { sampleSummary } from '../../../unit/scenario/fixtures/sample-results.ts';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callrig-html-'));
    file = join(dir, 'report.html');
    await writeFile(file, renderHtml(sampleSummary()));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws each call as a sequence diagram with lifelines, arrows, notes and red errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) external.push(req.url());
    });
    await page.goto(pathToFileURL(file).href);
    const first = page.locator('section.scenario').first();
    expect(await first.getAttribute('data-status')).toBe('failed');
    const svg = first.locator('svg.sequence');
    const lifelines = await svg
      .locator('g.lifeline')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-party')));
    expect(lifelines).toEqual(['phone', 'twilio', 'token', 'helpdesk']);
    const labels = await svg.locator('g.lifeline text').allTextContents();
    expect(labels).toEqual(['Phone', 'Twilio', 'Token server', 'Help desk']);
    const arrows = await svg
      .locator('g.message')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${e.getAttribute('data-from')}→${e.getAttribute('data-to')} ${e.querySelector('text')?.textContent}`,
        ),
      );
    expect(arrows).toEqual([
      'token→phone token (capability)',
      'phone→twilio connect client:alice → support',
      'twilio→helpdesk POST /voice',
      'helpdesk→twilio 200 text/xml',
      'twilio→phone connected',
      'twilio→helpdesk POST /recording-callback',
      'helpdesk→twilio 500 text/html',
    ]);
    const notes = await svg.locator('g.note text').allTextContents();
    expect(notes).toContain('beep');
    expect(notes).toContain('caller speaks 8 s');
    expect(notes.some((n) => n.startsWith('Say(woman) "You have reached'))).toBe(true);
    const errors = await svg.locator('g.error').count();
    expect(errors).toBe(2);
    const red = await svg.locator('g.message.error line').evaluate((el) => getComputedStyle(el).stroke);
    expect(red).toBe('rgb(198, 40, 40)');
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    expect(box?.height).toBeGreaterThan(400);
    const pushLifelines = await page
      .locator('section.scenario')
      .nth(1)
      .locator('g.lifeline')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-party')));
    expect(pushLifelines).toEqual(['phone', 'catapush', 'apns', 'twilio']);
    expect(await first.locator('audio[controls]').getAttribute('src')).toMatch(
      /Recordings\/RE[0-9a-f]{32}\.wav$/,
    );
    expect(external).toEqual([]);

    const png = join(dir, 'diagram.png');
    await svg.screenshot({ path: png });
    const bytes = await readFile(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(600);
    expect((await stat(png)).size).toBeGreaterThan(10_000);
    await page.screenshot({ path: join(dir, 'page.png'), fullPage: true });
    await page.close();
  });
});

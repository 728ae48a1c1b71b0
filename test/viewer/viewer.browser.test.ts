// The viewer a visualize run writes, opened from file:// in chromium: filters, hash, sample view, keys, marks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../cli.js';
import { cases } from '../fixtures/cases.js';
import { readManifest } from '../robustness/cli.js';
import { cardNames, CHROMIUM, countPixels, openPage, pixels, viewerFolder } from './browser.js';

const ALL = Object.entries(cases.splits).flatMap(([split, s]) => s.samples.map((c) => ({ ...c, split, name: `${split}_${String(c.index).padStart(6, '0')}` })));
const names = (list: typeof ALL) => list.map((c) => c.name);


const count = (page: Page) => page.$eval('[data-count]', (e) => e.textContent);
const TALL = { width: 1400, height: 3000 };

describe.skipIf(!CHROMIUM)('viewer in chromium (file://, no emoji font)', () => {
  // The bundled sample rendered by the built CLI, as a user gets it.
  const folder = viewerFolder('viewer', async (dir) => {
    const r = await cliInProcess(['--num_vis', 'all', '--output_dir', dir, '--fast', '--concurrency', '2'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });
  const url = (hash = '') => folder.url(hash);

  it('opens with every sample in index order, "N of M", and no console error', async () => {
    const { page, errors } = await openPage(folder.browser, url(), TALL);
    expect(await count(page)).toBe(`${ALL.length} of ${ALL.length}`);
    expect(await cardNames(page)).toEqual(names(ALL));
    // Thumbnails are the photos with their boxes, from each sample's viewer data (the PNG is the sample view's link).
    await page.waitForFunction(() => document.querySelectorAll('#grid [data-thumb="pending"]').length === 0);
    const thumbs = await page.$$eval('#grid .card', (cs) => cs.map((c) => `${(c as HTMLElement).dataset.sample} ${c.querySelector<HTMLElement>('[data-thumb]')!.dataset.thumb} ${c.querySelector('[data-thumb] image')?.getAttribute('href')}`));
    expect(thumbs).toEqual(names(ALL).map((n) => expect.stringMatching(new RegExp(`^${n} photo viewer-data/${n}\\.(jpg|png)$`))));
    await page.waitForSelector('#app[data-text="loaded"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by kind, split, candidate range and search text as the fixtures say', async () => {
    const expectations: [string, typeof ALL][] = [
      ['#only=inconsistent', ALL.filter((c) => !c.consistency.consistent)],
      ['#only=rejection', ALL.filter((c) => c.targets.length === 0)],
      ['#only=inconsistent,rejection', ALL.filter((c) => !c.consistency.consistent || c.targets.length === 0)],
      ['#split=rejection', ALL.filter((c) => c.split === 'rejection')],
      ['#min=5&max=11', ALL.filter((c) => c.candidateCount >= 5 && c.candidateCount <= 11)],
      // Case-insensitive, over the expressions and the reasoning.
      ['#q=YeLLow', ALL.filter((c) => c.expressions.join('\n').toLowerCase().includes('yellow') || c.think.toLowerCase().includes('yellow'))],
      ['#q=umbrella&split=main', ALL.filter((c) => c.split === 'main' && (c.expressions.join('\n') + c.think).toLowerCase().includes('umbrella'))],
      ['#q=no%20such%20words%20anywhere', []],
    ];
    // The parser's warnings are not in cases.json: the run's own manifest says which samples have any.
    const warned = new Set((await readManifest(folder.dir)).filter((row) => row.warnings !== '').map((row) => `${row.split}_${String(row.index).padStart(6, '0')}`));
    expect(warned.size).toBeGreaterThan(0);
    expectations.push(['#only=warned', ALL.filter((c) => warned.has(c.name))]);
    const { page, errors } = await openPage(folder.browser, url(), TALL);
    await page.waitForSelector('#app[data-text="loaded"]');
    for (const [hash, expected] of expectations) {
      await page.goto(url(hash));
      await page.waitForSelector('#app[data-text="loaded"]');
      expect(await cardNames(page), hash).toEqual(names(expected));
      expect(await count(page), hash).toBe(`${expected.length} of ${ALL.length}`);
    }
    // A filter word that matches only in the reasoning proves the reasoning is searched, not just expressions.
    const onlyInThink = ALL.filter((c) => c.think.toLowerCase().includes('reference person') && !c.expressions.join(' ').toLowerCase().includes('reference person'));
    expect(onlyInThink.length).toBeGreaterThan(0);
    await page.goto(url('#q=Reference%20Person'));
    await page.waitForSelector('#app[data-text="loaded"]');
    expect(await cardNames(page)).toEqual(names(ALL.filter((c) => (c.expressions.join('\n') + '\n' + c.think).toLowerCase().includes('reference person'))));
    // Sorting by candidates puts the 40-candidate crowd first.
    await page.goto(url('#sort=candidates'));
    await page.waitForSelector('#app[data-ready="1"]');
    const byCandidates = [...ALL].sort((a, b) => b.candidateCount - a.candidateCount || (a.split < b.split ? -1 : a.split > b.split ? 1 : a.index - b.index));
    expect(await cardNames(page)).toEqual(names(byCandidates));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('round-trips the state through the URL hash', async () => {
    const { page } = await openPage(folder.browser, url('#q=red&only=inconsistent'), TALL);
    expect(await page.inputValue('#q')).toBe('red');
    expect(await page.isChecked('input[data-kind="inconsistent"]')).toBe(true);
    expect(await page.isChecked('input[data-kind="rejection"]')).toBe(false);
    await page.check('input[data-kind="rejection"]');
    await page.selectOption('#split', 'rejection');
    await page.fill('#q', 'Hat');
    await page.selectOption('#sort', 'candidates');
    await page.waitForFunction(() => location.hash.includes('q=Hat'));
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toBe('#q=Hat&only=inconsistent,rejection&split=rejection&sort=candidates');
    const shown = await cardNames(page);
    const expected = ALL.filter((c) => c.split === 'rejection' && (!c.consistency.consistent || c.targets.length === 0) && (c.expressions.join('\n') + '\n' + c.think).toLowerCase().includes('hat'));
    expect(shown.sort()).toEqual(names(expected).sort());
    // The same link opened fresh gives the same view.
    const again = await openPage(folder.browser, url(hash), TALL);
    await again.page.waitForSelector('#app[data-text="loaded"]');
    expect(await cardNames(again.page)).toEqual(shown);
    expect(await again.page.inputValue('#q')).toBe('Hat');
    expect(await again.page.inputValue('#sort')).toBe('candidates');
    await page.close();
    await again.page.close();
  });

  it('sample view: boxes over the raw photo, mentions light their box (pixels change) and boxes light their mentions', async () => {
    const { page, errors } = await openPage(folder.browser, url('#main_000002'));
    await page.waitForSelector('#app[data-loaded="main_000002"]');
    const c = ALL.find((x) => x.name === 'main_000002')!;
    expect(await page.$$eval('.overlay .box[data-person]', (els) => els.map((e) => Number((e as SVGElement).dataset.person)).sort((a, b) => a - b))).toEqual(Array.from({ length: c.candidateCount }, (_, i) => i + 1));
    expect(await page.$$eval('.reasoning .mention[data-person]', (els) => els.length)).toBeGreaterThan(c.candidateCount);
    const photo = await page.$eval('img.photo', (img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(photo).toEqual([c.width, c.height]);

    // Inside Person 1's box, away from its border and label: the photo before, tinted with the box colour after.
    const boxOf = (p: number) => page.$eval(`.overlay .box[data-person="${p}"] .frame`, (r) => {
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    });
    const b1 = await boxOf(1);
    const b5 = await boxOf(5);
    const centre = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height * 0.6 });
    const shot = async () => pixels(await page.screenshot());
    const before = await shot();
    await page.hover('.reasoning .mention[data-person="1"]');
    const after = await shot();
    const diff = (p: { x: number; y: number }) => before.at(p.x, p.y).reduce((s, v, i) => s + Math.abs(v - after.at(p.x, p.y)[i]), 0);
    expect(diff(centre(b1))).toBeGreaterThan(30);
    // The other boxes dim: Person 5's border loses its colour.
    expect(diff({ x: b5.x, y: b5.y + b5.height / 2 })).toBeGreaterThan(60);
    expect(await page.$$eval('.overlay .on', (els) => els.map((e) => `${e.getAttribute('class')} ${(e as SVGElement).dataset.person}`))).toEqual(['box on 1', 'label on 1']);

    // Hovering a box lights every mention of that person (their background turns the box colour).
    await page.mouse.move(5, 5);
    const mention3 = await page.$eval('.reasoning .mention[data-person="3"]', (m) => {
      const r = m.getBoundingClientRect();
      return { x: r.x + 2, y: r.y + r.height / 2 };
    });
    const quiet = await shot();
    const b3 = await boxOf(3);
    await page.mouse.move(b3.x + b3.width / 2, b3.y + b3.height * 0.7);
    const lit = await shot();
    expect(lit.at(mention3.x, mention3.y)).not.toEqual(quiet.at(mention3.x, mention3.y));
    const on = await page.$$eval('.reasoning .mention.on', (els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.person))]);
    expect(on).toEqual(['3']);

    // Keyboard users get the same link: focusing a mention lights its box.
    await page.mouse.move(5, 5);
    await page.focus('.reasoning .mention[data-person="2"]');
    expect(await page.$$eval('.overlay .on', (els) => els.map((e) => (e as SVGElement).dataset.person))).toEqual(['2', '2']);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect(await page.$$eval('.overlay .on', (els) => els.length)).toBe(0);

    // Clicking a box scrolls the reasoning to the first line about that person.
    await page.mouse.click(b3.x + b3.width / 2, b3.y + b3.height * 0.7);
    const flashed = await page.$eval('.line.flash', (l) => l.textContent);
    expect(flashed).toMatch(/Person 3/);
    // The static picture is one click away.
    expect(await page.getAttribute('a.png', 'href')).toBe('main_000002.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a photo with an EXIF orientation unrotated, so the boxes fit the stored pixel grid', async () => {
    const c = ALL.find((x) => x.name === 'main_000012')!;
    const { page } = await openPage(folder.browser, url('#main_000012'));
    await page.waitForSelector('#app[data-loaded="main_000012"]');
    await page.waitForFunction(() => (document.querySelector('img.photo') as HTMLImageElement).complete);
    const shown = await page.$eval('img.photo', (img) => {
      const r = img.getBoundingClientRect();
      return [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight, r.width / r.height];
    });
    expect(c.width).not.toBe(c.height);
    expect(shown.slice(0, 2)).toEqual([c.width, c.height]);
    expect(shown[2]).toBeCloseTo(c.width / c.height, 2);
    await page.close();
  });

  it('keys: j/k and arrows step through the filtered list, Escape returns with the filters, the back button works', async () => {
    const { page, errors } = await openPage(folder.browser, url('#split=main&sort=candidates'), TALL);
    const order = names(ALL.filter((c) => c.split === 'main').sort((a, b) => b.candidateCount - a.candidateCount || a.index - b.index));
    await page.click(`[data-sample="${order[0]}"]`);
    await page.waitForFunction((n) => location.hash === `#${n}`, order[0]);
    await page.waitForSelector(`#app[data-loaded="${order[0]}"]`);
    const at = () => page.evaluate(() => location.hash.slice(1));
    await page.keyboard.press('j');
    expect(await at()).toBe(order[1]);
    await page.keyboard.press('ArrowRight');
    expect(await at()).toBe(order[2]);
    await page.keyboard.press('k');
    expect(await at()).toBe(order[1]);
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe(order[0]);
    await page.keyboard.press('ArrowLeft'); // the first one has no previous
    expect(await at()).toBe(order[0]);
    expect(await page.$eval('.sample', (e) => (e as HTMLElement).dataset.sample)).toBe(order[0]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    expect(await at()).toBe('split=main&sort=candidates');
    expect(await page.inputValue('#sort')).toBe('candidates');
    expect(await cardNames(page)).toEqual(order);

    // The browser's back button leaves a sample view for the grid it came from.
    await page.click(`[data-sample="${order[3]}"]`);
    await page.waitForSelector(`#app[data-loaded="${order[3]}"]`);
    await page.goBack();
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    expect(await at()).toBe('split=main&sort=candidates');
    expect(await count(page)).toBe(`${order.length} of ${ALL.length}`);

    // Escape closes the sample view to the grid also after hash links went on to other samples (each one a
    // history entry), j between them, and Back to one of them.
    const follow = async (name: string) => {
      await page.evaluate((n) => {
        const a = Object.assign(document.createElement('a'), { href: `#${n}` });
        document.body.append(a);
        a.click();
      }, name);
      await page.waitForSelector(`#app[data-loaded="${name}"]`);
    };
    await page.click(`[data-sample="${order[3]}"]`);
    await page.waitForSelector(`#app[data-loaded="${order[3]}"]`);
    await follow(order[0]);
    await page.keyboard.press('j');
    await follow(order[4]);
    await page.goBack();
    await page.waitForSelector(`#app[data-loaded="${order[1]}"]`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    expect(await at()).toBe('split=main&sort=candidates');
    await follow(order[2]);
    await follow(order[5]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    expect(await at()).toBe('split=main&sort=candidates');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws ✅ ❌ ⚠️ in colour on a machine without an emoji font', async () => {
    const { page } = await openPage(folder.browser, url('#main_000002'));
    await page.waitForSelector('#app[data-loaded="main_000002"]');
    const hue = {
      'mk-ok': (r: number, g: number, b: number) => g > 120 && g > r + 40 && g > b + 40,
      'mk-no': (r: number, g: number, b: number) => r > 180 && r > g + 80 && r > b + 80,
      'mk-warn': (r: number, g: number, b: number) => r > 200 && g > 150 && b < 80,
    };
    for (const [cls, test] of Object.entries(hue)) {
      // In the legend, the grid-less header counts and the reasoning: every mark on the page is drawn, never text.
      const marks = await page.$$(`.${cls}`);
      expect(marks.length, cls).toBeGreaterThan(1);
      for (const m of [marks[0], marks[marks.length - 1]]) {
        await m.scrollIntoViewIfNeeded();
        const png = await m.screenshot();
        const { width, height } = await pixels(png);
        expect(await countPixels(png, test), cls).toBeGreaterThan(width * height * 0.25);
      }
    }
    // No mark is left as a character anywhere in the rendered text (it would be tofu here).
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/✅|❌|⚠/);
    // For the record: the same characters as text are not green on this machine (no emoji font), which is why.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'probe';
      probe.style.cssText = 'position:fixed;left:0;top:0;font-size:48px;background:#fff;z-index:99';
      probe.textContent = '✅';
      document.body.append(probe);
    });
    const probe = await (await page.$('#probe'))!.screenshot();
    console.log(`viewer test: a text ✅ on this machine has ${await countPixels(probe, hue['mk-ok'])} green pixels (0 = no emoji font)`);
    await page.close();
  });
});

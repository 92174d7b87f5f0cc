import { chromium } from "@playwright/test";
const [,, url, prefix, width = "390", scheme = "light", clipH = "1500", setup = ""] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 844 }, colorScheme: scheme });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(url);
await page.waitForSelector("[data-ready]");
await page.waitForTimeout(2000);
if (setup) await eval(`(async () => { ${setup} })()`);
await page.waitForTimeout(500);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
const n = Math.ceil(h / Number(clipH));
for (let i = 0; i < n; i++) {
  await page.screenshot({ path: `${prefix}-${i}.png`, fullPage: true, clip: { x: 0, y: i * Number(clipH), width: Number(width), height: Math.min(Number(clipH), h - i * Number(clipH)) } });
}
console.log(h, n);
await browser.close();

import type { Page } from "playwright-core";

/** What a person would notice: video that has a picture and keeps moving. */
export async function playing(page: Page, selector: string): Promise<boolean> {
  const sample = () =>
    page.evaluate((sel) => {
      const v = document.querySelector<HTMLVideoElement>(sel);
      return v
        ? { t: v.currentTime, w: v.videoWidth, h: v.videoHeight, box: v.getBoundingClientRect().width }
        : undefined;
    }, selector);
  const first = await sample();
  if (!first || first.w === 0 || first.h === 0 || first.box === 0) return false;
  await page.waitForTimeout(600);
  const second = await sample();
  return !!second && second.t > first.t;
}

// Which Chromium the browser journeys drive: CHROME_PATH, else the system's, else Playwright's own
// download. Plain CommonJS: jest.config.js asks it too, to leave the journeys out (and say so) without one.
const { existsSync } = require('node:fs');

function findChromium() {
  const found = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path) => path && existsSync(path),
  );
  if (found) return found;
  // Only then Playwright's (it takes a moment to load, and jest loads this file before every run).
  try {
    const downloaded = require('playwright-core').chromium.executablePath();
    return existsSync(downloaded) ? downloaded : undefined;
  } catch {
    // playwright-core knows no download of its own here.
    return undefined;
  }
}

module.exports = { findChromium };

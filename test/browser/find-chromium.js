// Which Chromium the browser journeys drive: CHROME_PATH, else the system's, else Playwright's own
// download. Plain CommonJS: jest.config.js asks it too, to leave the journeys out (and say so) without one.
const { existsSync } = require('node:fs');

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(require('playwright-core').chromium.executablePath());
  } catch {
    // playwright-core knows no download of its own here.
  }
  return candidates.find((path) => path && existsSync(path));
}

module.exports = { findChromium };

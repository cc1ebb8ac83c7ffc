// The web workbench in English, end to end in Debian's Chromium against the real server and
// database; takes the README's screenshots and runs axe-core on the pages it passes through.
import { defineWorkbenchFlow } from './flow.ts';

await defineWorkbenchFlow({ locale: 'en', screenshots: true, accessibility: true });

// The same flow in Arabic: every label comes from the Arabic catalogue, the page lays out right to left.
import { defineWorkbenchFlow } from './flow.ts';

await defineWorkbenchFlow({ locale: 'ar', accessibility: true, screenshots: ['screening-hit', 'hit-thread', 'notice-review'] });

import { defineConfig } from 'vitest/config';
import { sourceConditions, unitTestLimits } from '../../vitest.shared.js';

export default defineConfig({ ...sourceConditions, ...unitTestLimits });

import { base } from '../shared/eslint.config.js';

export default base;

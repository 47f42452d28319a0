/** Types of `vite.config.extensions.mjs` for its tests */
import type { Plugin } from 'vite'

export declare const OTHER_PAGE: RegExp
export declare const earlyImport: (files: string[]) => string
declare const extensions: { plugins: Plugin[] }
export default extensions

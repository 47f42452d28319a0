/** Content types for files served from installed apps and static resources. */
import { extname } from 'node:path'

const TYPES: Record<string, string> = {
    '.html': 'text/html;charset=UTF-8',
    '.htm': 'text/html;charset=UTF-8',
    '.js': 'application/javascript;charset=UTF-8',
    '.mjs': 'application/javascript;charset=UTF-8',
    '.cjs': 'application/javascript;charset=UTF-8',
    '.css': 'text/css;charset=UTF-8',
    '.json': 'application/json;charset=UTF-8',
    '.map': 'application/json;charset=UTF-8',
    '.webapp': 'application/json;charset=UTF-8',
    '.webmanifest': 'application/manifest+json;charset=UTF-8',
    '.txt': 'text/plain;charset=UTF-8',
    '.xml': 'application/xml;charset=UTF-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.gif': 'image/gif',
    '.webp': 'image/webp',
    '.ico': 'image/x-icon',
    '.bmp': 'image/bmp',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf',
    '.otf': 'font/otf',
    '.eot': 'application/vnd.ms-fontobject',
    '.wasm': 'application/wasm',
    '.pdf': 'application/pdf',
    '.zip': 'application/zip',
}

export const contentTypeFor = (filename: string): string =>
    TYPES[extname(filename).toLowerCase()] ?? 'application/octet-stream'

import { chromium } from 'playwright-core'
const [,, file, out, x, y, w, h] = process.argv
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files'] })
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } })
const fs = await import("node:fs"); fs.writeFileSync("/tmp/crop.html", `<body style="margin:0"><img src="file://${file}" style="position:absolute;left:-${x}px;top:-${y}px"></body>`); await p.goto("file:///tmp/crop.html")
await p.waitForTimeout(300)
await p.screenshot({ path: out })
await b.close()

/** A test server with every route module main.ts registers (metadata, analytics, query alias). */
import type { DemoRoute } from '../http/types'
import { analyticsRoutes } from '../routes/analytics'
import { metadataRoutes } from '../routes/metadata'
import { queryAliasRoutes } from '../routes/query-alias'
import type { DemoServerOptions } from '../server'
import { startTestServer, type TestServer } from './harness'
import { createTinyDb } from './tinyDb'

export const startFullTestServer = (
    opts: Partial<DemoServerOptions> & { stateDir?: string } = {}
): Promise<TestServer> => {
    const db = opts.db ?? createTinyDb()
    const routes: DemoRoute[] = [...metadataRoutes(db), ...analyticsRoutes(db)]
    routes.push(...queryAliasRoutes({ targets: () => routes }))
    return startTestServer({
        seedDataStore: { triangulate: { config: { version: 1, pairs: [] } } },
        ...opts,
        db,
        extraRoutes: [...routes, ...(opts.extraRoutes ?? [])],
    })
}

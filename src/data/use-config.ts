import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { CONFIG_KEY, CONFIG_NAMESPACE, parseConfig } from '../domain/config'
import type { ParseConfigResult } from '../domain/config'
import { httpStatusOf, type DataEngine } from './engine'
import { queryKeys } from './query-keys'
import { markOnce } from '../shared/perf/mark'

export type StoredConfig =
    { state: 'absent' } | ({ state: 'present'; raw: unknown } & ParseConfigResult)

/** The mapping's query (`useConfig`; `startRequests` in App.tsx asks for it as the app starts) */
export const configQuery = (engine: DataEngine) => ({
    queryKey: queryKeys.config(),
    queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<StoredConfig> => {
        markOnce('config-request')
        try {
            const { config } = await engine.query(
                { config: { resource: `dataStore/${CONFIG_NAMESPACE}/${CONFIG_KEY}` } },
                { signal }
            )
            return { state: 'present', raw: config, ...parseConfig(config) }
        } catch (error) {
            if (httpStatusOf(error) === 404) return { state: 'absent' }
            throw error
        }
    },
})

/**
 * The mapping in the dataStore. A missing key (404) is not an error: it is the "no config yet"
 * state. A broken config is parsed as far as it goes (every valid pair kept, issues named).
 */
export const useConfig = () => {
    const engine = useDataEngine()
    return useQuery(configQuery(engine))
}

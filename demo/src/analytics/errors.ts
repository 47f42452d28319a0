/**
 * The aggregate analytics errors of dhis2-core (`ErrorCode.java`, E7100–E7135), thrown by
 * `DefaultQueryValidator`, `DimensionalObjectProducer`, `DefaultDataQueryService` and
 * `DefaultAnalyticsSecurityManager`, answered by DHIS2 as HTTP 409 with a WebMessage body.
 */

const MESSAGES = {
    E7101: 'At least one dimension must be specified',
    E7102: 'At least one data dimension item or data element group set dimension item must be specified',
    E7103: 'Dimensions cannot be specified as dimension and filter simultaneously: `{0}`',
    E7104: 'At least one period as dimension or filter, or start and dates, must be specified',
    E7108: 'Only a single indicator can be specified as filter',
    E7109: 'Only a single reporting rate can be specified as filter',
    E7110: 'Category option combos cannot be specified as filter',
    E7111: 'Dimensions cannot be specified more than once: `{0}`',
    E7112: 'Reporting rates can only be specified together with dimensions of type: `{0}`',
    E7113: 'Assigned categories cannot be specified when data elements are not specified',
    E7114: 'Assigned categories can only be specified together with data elements',
    E7115: 'Data elements must be of a value and aggregation type that allow aggregation: `{0}`',
    E7120: 'User: `{0}` is not allowed to view org unit: `{1}`',
    E7124: 'Dimension is present in query without any valid dimension options: `{0}`',
    E7125: 'Dimension identifier does not reference any dimension: `{0}`',
    E7126: 'Column must be present as dimension in query: `{0}`',
    E7127: 'Row must be present as dimension in query: `{0}`',
    E7128: 'Query result set exceeded max limit: `{0}`',
    E7143: 'Organisation unit or organisation unit level is not valid',
    E7611: 'Period not valid: `{0}`',
} as const

export type AnalyticsErrorCode = keyof typeof MESSAGES

/** Java's `List.toString()`, as `MessageFormat` renders a collection argument: `[a, b]`. */
export const javaList = (items: readonly string[]): string => `[${items.join(', ')}]`

/** An `IllegalQueryException`: answered with HTTP 409 and the error code. */
export class AnalyticsError extends Error {
    readonly errorCode: AnalyticsErrorCode
    /** 409 for DHIS2's illegal queries (see `AnalyticsRequestError` for the others) */
    readonly httpStatus: number = 409

    constructor(errorCode: AnalyticsErrorCode, ...args: string[]) {
        super(MESSAGES[errorCode].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? ''))
        this.errorCode = errorCode
        this.name = 'AnalyticsError'
    }
}

/**
 * A request DHIS2 refuses before it is a query, without an error code: a request parameter that
 * does not bind (HTTP 400, dhis2-core `CrudControllerAdvice.handleBindException` →
 * `handleTypeMismatchException`), or a request the demo cannot answer as DHIS2 would (HTTP 409,
 * said so in the message rather than answered with different numbers).
 */
export class AnalyticsRequestError extends Error {
    constructor(
        message: string,
        readonly httpStatus: 400 | 409
    ) {
        super(message)
        this.name = 'AnalyticsRequestError'
    }
}

/** msgid → msgstr of a .po/.pot file (the header entry skipped). */
export declare const readPo: (file: string) => Map<string, string>

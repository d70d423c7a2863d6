/**
 * Configuration: `.newsmarkrc` files and the fact base they point at,
 * loaded through a reader so the core never touches the file system
 * (`node.ts` has the Node reader).
 */
export {configNames, configuredOptions, factsNames, loadConfig, loadConfigAsync, type AsyncReader, type LoadedConfig, type Reader} from './load.ts'
export {ConfigError, parseConfig, type ExportConfig, type FilesConfig, type NewsmarkConfig} from './validate.ts'

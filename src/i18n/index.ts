export { MESSAGES, INTERFACE_LANGUAGES } from './messages';
export type { InterfaceLanguage, MessageKey } from './messages';
export { translator, interfaceLanguage, withLanguage, isInterfaceLanguage, DEFAULT_INTERFACE_LANGUAGE, LANG_PARAMETER } from './translator';
export type { Translator } from './translator';

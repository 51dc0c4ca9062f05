/** Limits of live reloading, in one place. */
/** Events on the folder are gathered this long after the last one before the graphs are
 *  reloaded: `unkg build` renames its files into place one after the other, in a burst. */
export const WATCH_DEBOUNCE_MS = 250;

/*
 * syncwise lsp: a language server on stdin/stdout.
 *
 * It parses the project's compilation database once, keeps the facts of
 * every translation unit in memory, and on each edit re-extracts only the
 * edited file from its unsaved buffer (on a worker thread, so the message
 * loop keeps reading), then re-runs the rules over the whole program and
 * publishes diagnostics for every open document.  A change that arrives
 * while an analysis runs supersedes it: the stale result is never
 * published.
 */
#ifndef SW_LSP_H
#define SW_LSP_H

#include <stdio.h>

/* Runs the server; argv[0] is "lsp".  Returns the process exit status. */
int lsp_main(int argc, char **argv);

/*
 * Serves one session: reads messages from in until "exit" or the end of
 * input, writes to out (both borrowed).  With analyse == 0 no analysis
 * thread starts and no catalog is loaded: messages are answered and
 * documents tracked, nothing is published (the fuzz target).  Returns the
 * exit status: 0 after shutdown and exit, 1 otherwise, 2 when the built-in
 * catalogs do not load.
 */
int lsp_serve(FILE *in, FILE *out, int analyse);

#endif

/*
 * Extraction and linking as separate build actions, so that a build system
 * (Ninja, Bazel with remote execution) can run one extraction per source
 * file in parallel and incrementally, and one link at the end:
 *
 *   syncwise extract FILE [-o OUT.facts] [--depfile DEP] -- COMPILER_ARGS
 *   syncwise link [options] FACTS... [--list FILE]
 *
 * extract writes the facts of one translation unit: a pure function of the
 * file's contents, its headers, the arguments and the syncwise and
 * libclang versions, byte-identical for identical inputs.  link reads facts
 * files, runs the whole-program step and the rules, and reports exactly as
 * "syncwise check" would on the same files.
 */
#ifndef SW_BUILDACT_H
#define SW_BUILDACT_H

/* "syncwise extract ...": argv[0] is "extract".  Returns the exit status. */
int buildact_extract_main(int argc, char **argv);

/* "syncwise link ...": argv[0] is "link".  Returns the exit status. */
int buildact_link_main(int argc, char **argv);

#endif

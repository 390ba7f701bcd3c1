/*
 * The language server's message handlers on untrusted input: JSON-RPC
 * dispatch, document bookkeeping (didOpen, didChange with ranges,
 * didClose) and code actions, through lsp_serve() without the analysis
 * thread.  (tests/fuzz/fuzz_jsonrpc.c fuzzes the framing alone.)  Replayed by
 * ctest from fuzz-seeds/ (tests/fuzz/replay.c); a libFuzzer binary with
 * -DSYNCWISE_FUZZ=ON.
 */
#include "fuzz.h"

#include "lsp/lsp.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *in, *out;
    int rc;
    if (!size)
        return 0;
    in = fmemopen((void *)data, size, "rb");
    out = fopen("/dev/null", "w");
    FUZZ_CHECK(in && out);
    rc = lsp_serve(in, out, 0);
    FUZZ_CHECK(rc == 0 || rc == 1);
    fclose(in);
    fclose(out);
    return 0;
}

/*
 * shell_split() on a "command" string of compile_commands.json.  Each
 * word, quoted for the shell and joined again, must split back to the same
 * words.
 */
#include "fuzz.h"

#include "common/strbuf.h"
#include "frontend/compdb.h"

#include <stdlib.h>
#include <string.h>

/* Appends w in single quotes ('\'' for a quote). */
static void add_quoted(struct strbuf *sb, const char *w)
{
    strbuf_addch(sb, '\'');
    for (; *w; w++) {
        if (*w == '\'')
            strbuf_addstr(sb, "'\\''");
        else
            strbuf_addch(sb, *w);
    }
    strbuf_addch(sb, '\'');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *cmd = fuzz_cstr(data, size);
    struct strbuf joined = STRBUF_INIT;
    size_t n = 0, n2 = 0;
    char **v = shell_split(cmd, &n), **v2;

    FUZZ_CHECK(n == 0 || v != NULL);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(v[i] != NULL);
        if (i)
            strbuf_addch(&joined, ' ');
        add_quoted(&joined, v[i]);
    }
    v2 = shell_split(joined.buf, &n2);
    FUZZ_CHECK(n2 == n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(strcmp(v[i], v2[i]) == 0);
        free(v[i]);
        free(v2[i]);
    }
    free(v);
    free(v2);
    strbuf_release(&joined);
    free(cmd);
    return 0;
}

/* Truth: every chat line is stored in a SQLite history database from the
 * libuv read callback with sqlite3_exec: a database wait on the loop,
 * SW303 at that call.  Opening the database in main before uv_run is not
 * loop code (clean). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static sqlite3 *history;

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void store_line(const char *text)
{
    char *sql = sqlite3_mprintf("INSERT INTO history(ts, line) "
                                "VALUES (strftime('%%s','now'), %Q)",
                                text);
    sqlite3_exec(history, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    if (nread > 0) {
        buf->base[nread - 1] = '\0';
        store_line(buf->base); // label: SW303
    } else if (nread < 0) {
        uv_close((uv_handle_t *)stream, NULL);
    }
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    uv_tcp_t *client;
    if (status < 0)
        return;
    client = malloc(sizeof *client);
    uv_tcp_init(server->loop, client);
    if (uv_accept(server, (uv_stream_t *)client) == 0)
        uv_read_start((uv_stream_t *)client, on_alloc, on_read);
}

int main(void)
{
    uv_tcp_t server;
    struct sockaddr_in addr;
    if (sqlite3_open("/var/lib/chat/history.db", &history) != SQLITE_OK)
        return 1;
    sqlite3_exec(history,
                 "CREATE TABLE IF NOT EXISTS history(ts INTEGER, line TEXT)",
                 NULL, NULL, NULL);
    uv_tcp_init(uv_default_loop(), &server);
    uv_ip4_addr("0.0.0.0", 6601, &addr);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 64, on_connection);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
